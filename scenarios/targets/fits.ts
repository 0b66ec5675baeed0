import mixedOffice from './fits/mixed-office.json';
import resourcefulImmigrants from './fits/resourceful-immigrants.json';
import vulnerableYouth from './fits/vulnerable-youth.json';
import type { ShippedFit } from '../../sim/calibrate/fingerprint.ts';

/**
 * The shipped fits (written by `npm run fits`): each shipped scenario checked
 * against its shipped target file at its own size, by scenario name. Read by
 * MODEL.md's calibration section, the page's About panel and the Calibration
 * notebook; test/calibrate/fits.test.ts fails when one is stale.
 */
export const SHIPPED_FITS: Record<string, ShippedFit> = {
  'mixed-office': mixedOffice as unknown as ShippedFit,
  'resourceful-immigrants': resourcefulImmigrants as unknown as ShippedFit,
  'vulnerable-youth': vulnerableYouth as unknown as ShippedFit,
};
