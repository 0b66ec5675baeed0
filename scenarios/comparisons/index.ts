import classroom from './classroom.json';

/** The shipped comparison files (`pathways compare --arms NAME`), unparsed, by name. */
export const SHIPPED_COMPARISONS: Record<string, unknown> = {
  classroom,
};
