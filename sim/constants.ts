/** Small-integer codes for everything the hot loops touch. Names are for output only. */

/** Pathway state: every agent is in exactly one. */
export const UNEMPLOYED = 0; // registered, searching, not in a measure
export const DISCOURAGED = 1; // stopped searching when a rejection pushed self-efficacy below a threshold (F3, F14)
export const SHORT_SERVICE = 2; // in a short measure (course, placement)
export const LONG_SERVICE = 3; // in a long measure (training, education, guidance, work group)
export const EMPLOYED = 4;
/** States outside the labour force: the person has left the register and no phase acts on them. */
export const HEALTH_BENEFIT = 5; // left for a health-related benefit (persistent incapacity; Nossen & Gjerde 2022)
export const IN_EDUCATION = 6; // left for ordinary education (Statistics Norway: "employed or in education")
export const MOVED_AWAY = 7; // moved away from the office's area or the country
/** The first state outside the labour force: `state >= FIRST_OUT` means the person has left. */
export const FIRST_OUT = HEALTH_BENEFIT;
/** Whether a person in state `st` is a jobseeker: registered, out of work and still in the labour force. */
export const seeksWork = (st: number): boolean => st !== EMPLOYED && st < FIRST_OUT;
export const STATE_NAMES = ['unemployed', 'discouraged', 'shortService', 'longService', 'employed', 'healthBenefit', 'education', 'movedAway'] as const;
export const NUM_STATES = STATE_NAMES.length;

/** Entitlement bits (F1). Everyone also has the right to information and a needs assessment. */
export const ENT_UNEMPLOYMENT_BENEFIT = 1;
export const ENT_WORK_ASSESSMENT_ALLOWANCE = 2;
export const ENT_SOCIAL_ASSISTANCE = 4;
export const ENT_INTRODUCTION_PROGRAMME = 8;
export const ENT_QUALIFICATION_PROGRAMME = 16;
export const ENTITLEMENT_NAMES = [
  'unemploymentBenefit', 'workAssessmentAllowance', 'socialAssistance', 'introductionProgramme', 'qualificationProgramme',
] as const;
export type EntitlementName = (typeof ENTITLEMENT_NAMES)[number];
/** Any of these is an economic right: the person is a "cost item" for the office (F1). */
export const ECONOMIC_RIGHTS = 31;

/** Route of arrival or background. */
export const ROUTES = ['native', 'refugee', 'familyReunified', 'labourImmigrant', 'euEea', 'youth'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * Output groups beyond the scenario's own, in recorder order after them:
 * by economic rights at registration, by gender, and everyone. Scenario
 * groups may not use these names.
 */
export const DERIVED_GROUPS = ['withBenefitRights', 'withoutBenefitRights', 'women', 'men', 'all'] as const;

/** Foreign qualification status. */
export const QUAL_DOMESTIC = 0;
export const QUAL_FOREIGN_UNRECOGNISED = 1;
export const QUAL_FOREIGN_RECOGNISED = 2;

/** Weeks in a year: ageing, the weekly chance of moving away and results by year count years of 52 weeks. */
export const WEEKS_PER_YEAR = 52;

/** The largest value of a one-byte field (age, certificates): a count stops there. */
export const BYTE_MAX = 255;

/** Education and job/service levels. */
export const LEVEL_NAMES = ['basic', 'intermediate', 'advanced'] as const;
export const NUM_LEVELS = 3;

/** Service kinds. */
export const SERVICE_TYPES = [
  'jobSearchCourse', 'occupationalCourse', 'languageCourse', 'workPlacement', 'healthSupport',
  'vocationalTraining', 'careerGuidance', 'formalEducation', 'supportedWorkGroup', 'introductionProgramme', 'qualificationProgramme',
] as const;
export const QUALIFICATIONS = ['none', 'certificate', 'formal', 'recognition'] as const;
export const Q_NONE = 0;
export const Q_CERTIFICATE = 1;
export const Q_FORMAL = 2;
export const Q_RECOGNITION = 3;
export const MAX_SERVICES = 16; // one bit each in the known-services masks
export const NO_SERVICE = 255;

/** Why an application was refused (F3). */
export const REASON_NOT_ENTITLED = 1;
export const REASON_NO_CAPACITY = 2;
export const REASON_NOT_PRIORITY = 3;
export const REASON_ALREADY_HOLDS = 4;
export const REASON_LEVEL = 5;
export const REASON_NO_BUDGET = 6;
export const REASON_NAMES = ['', 'notEntitled', 'noCapacity', 'notPriorityGroup', 'alreadyHoldsEducation', 'level', 'noBudget'] as const;
export const NUM_REASONS = REASON_NAMES.length;

/** How a person learnt that a service exists (F2, F10). */
export const CH_ADVISOR = 0;
export const CH_WEBSITE = 1;
export const CH_PEERS = 2;
export const CH_NGO = 3;
export const CH_CHANCE = 4;
export const CHANNEL_NAMES = ['advisor', 'website', 'peers', 'NGO', 'chance'] as const;

/**
 * Random-number purposes: each agent has its own stream per purpose (common
 * random numbers; sim/rng.ts). A purpose's stream is set by its position in
 * this list, so a new purpose is appended at the end: one put in earlier would
 * shift the streams of every purpose after it, and so every result. Each
 * purpose decides at most one thing per person per week (a second draw in the
 * same week uses the purpose's second key). `complete` and `peer` are
 * reserved: no rule draws from them, but they keep their places.
 */
export const PURPOSES = [
  'infoSearch', 'infoChannel', 'infoWhich', 'advisorAssign', 'advisorTurnover', 'meeting', 'showUp', 'followUp',
  'disclose', 'offer', 'offerKind', 'apply', 'decide', 'capacity', 'dropout', 'complete', 'hire', 'hireLower',
  'jobLoss', 'recover', 'peer', 'explore', 'inform', 'informWhich', 'offerPick', 'offerLevel', 'offerLong',
  'applyWhich', 'refer', 'healthExit', 'educationExit', 'moveAway', 'temporary',
] as const;
export type Purpose = (typeof PURPOSES)[number];
export const NUM_PURPOSES = PURPOSES.length;
const purpose = (name: Purpose): number => PURPOSES.indexOf(name);
export const P_INFO_SEARCH = purpose('infoSearch');
export const P_INFO_CHANNEL = purpose('infoChannel');
export const P_INFO_WHICH = purpose('infoWhich');
export const P_ADVISOR_ASSIGN = purpose('advisorAssign');
export const P_ADVISOR_TURNOVER = purpose('advisorTurnover');
export const P_MEETING = purpose('meeting');
export const P_SHOW_UP = purpose('showUp');
export const P_FOLLOW_UP = purpose('followUp');
export const P_DISCLOSE = purpose('disclose');
export const P_OFFER = purpose('offer');
export const P_OFFER_KIND = purpose('offerKind');
export const P_APPLY = purpose('apply');
export const P_DECIDE = purpose('decide');
export const P_CAPACITY = purpose('capacity');
export const P_DROPOUT = purpose('dropout');
export const P_HIRE = purpose('hire');
export const P_HIRE_LOWER = purpose('hireLower');
export const P_JOB_LOSS = purpose('jobLoss');
export const P_RECOVER = purpose('recover');
export const P_EXPLORE = purpose('explore');
export const P_INFORM = purpose('inform');
export const P_INFORM_WHICH = purpose('informWhich');
export const P_OFFER_PICK = purpose('offerPick');
export const P_OFFER_LEVEL = purpose('offerLevel');
export const P_OFFER_LONG = purpose('offerLong');
export const P_APPLY_WHICH = purpose('applyWhich');
export const P_REFER = purpose('refer');
export const P_HEALTH_EXIT = purpose('healthExit');
export const P_EDUCATION_EXIT = purpose('educationExit');
export const P_MOVE_AWAY = purpose('moveAway');
export const P_TEMPORARY = purpose('temporary');

/** Event kinds for tracked agents' journeys; their names, in this order, are sim/events.ts EVENT_KINDS. */
export const EV_REGISTERED = 0; // a = entitlement bits
export const EV_FOUND_INFO = 1; // a = service, b = channel
export const EV_SEARCHED_IN_VAIN = 2;
export const EV_GOT_ADVISOR = 3; // a = advisor
export const EV_ADVISOR_CHANGED = 4; // a = advisor
export const EV_MET_ADVISOR = 5; // a = 1 if the advisor explored goals and level
export const EV_NO_SHOW = 6;
export const EV_FOLLOW_UP = 7;
export const EV_DISCLOSED = 8;
export const EV_OFFERED = 9; // a = service, b = level
export const EV_APPLIED = 10; // a = service, b = level
export const EV_REJECTED = 11; // a = service, b = reason
export const EV_STARTED = 12; // a = service, b = 1 if level matches
export const EV_COMPLETED = 13; // a = service, b = qualification kind
export const EV_DROPPED_OUT = 14; // a = service
export const EV_HIRED = 15; // a = job level, b = 1 if overqualified
export const EV_LOST_JOB = 16;
export const EV_DISCOURAGED = 17;
export const EV_RESUMED = 18;
export const EV_ENTITLED = 19; // a = entitlement bit
export const EV_REFERRED = 20; // a = job level, b = 1 if overqualified
export const EV_LEFT = 21; // a = state left to (HEALTH_BENEFIT, IN_EDUCATION, MOVED_AWAY)
