import rightsServices from './rights-services.json';
import mismatchLevel from './mismatch-level.json';
import lockInYear1 from './lock-in-year1.json';
import lockInPayoff from './lock-in-payoff.json';
import relationshipAttendance from './relationship-attendance.json';
import relationshipEmployment from './relationship-employment.json';
import activityGap from './activity-gap.json';
import informationProactive from './information-proactive.json';
import trustDisclosure from './trust-disclosure.json';
import recognitionAttendance from './recognition-attendance.json';
import overqualification from './overqualification.json';

/**
 * The shipped hypotheses, unparsed, by name (the patterns of
 * docs/MODEL.md first, then other findings). Each file's `name` is its key;
 * each names a shipped scenario. Run one with `pathways hypothesis NAME`.
 */
export const SHIPPED_HYPOTHESES: Record<string, unknown> = {
  'rights-services': rightsServices,
  'mismatch-level': mismatchLevel,
  'lock-in-year1': lockInYear1,
  'lock-in-payoff': lockInPayoff,
  'relationship-attendance': relationshipAttendance,
  'relationship-employment': relationshipEmployment,
  'activity-gap': activityGap,
  'information-proactive': informationProactive,
  'trust-disclosure': trustDisclosure,
  'recognition-attendance': recognitionAttendance,
  overqualification,
};
