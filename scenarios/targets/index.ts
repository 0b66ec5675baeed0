import mixedOffice from './mixed-office.json';
import resourcefulImmigrants from './resourceful-immigrants.json';
import vulnerableYouth from './vulnerable-youth.json';

/**
 * The shipped target files, unparsed, by the name of the scenario they apply
 * to (each file's `scenario` is its key). `pathways targets --scenario NAME`
 * reads the one of the same name.
 */
export const SHIPPED_TARGETS: Record<string, unknown> = {
  'mixed-office': mixedOffice,
  'resourceful-immigrants': resourcefulImmigrants,
  'vulnerable-youth': vulnerableYouth,
};
