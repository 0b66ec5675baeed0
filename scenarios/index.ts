import classroom from './classroom.json';
import mixedOffice from './mixed-office.json';
import resourcefulImmigrants from './resourceful-immigrants.json';
import vulnerableYouth from './vulnerable-youth.json';

/** The shipped scenarios, unparsed, by name (in display order). Browser and CLI share this list. */
export const SHIPPED: Record<string, unknown> = {
  'mixed-office': mixedOffice,
  'resourceful-immigrants': resourcefulImmigrants,
  'vulnerable-youth': vulnerableYouth,
  classroom,
};
