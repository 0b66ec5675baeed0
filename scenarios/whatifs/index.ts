import careerGuidanceOpen from './career-guidance-open.json';
import lowerCaseloads from './lower-caseloads.json';
import proactiveInformation from './proactive-information.json';
import sameAdvisor from './same-advisor.json';
import fasterRecognition from './faster-recognition.json';
import downturn from './downturn.json';

/**
 * The shipped what-if presets (`pathways whatif NAME`, and on the page),
 * unparsed, by id (each file's `id` is its key and its file name). Each
 * names a shipped scenario; test/whatifs.test.ts runs every one and checks
 * its claims against the numbers.
 */
export const SHIPPED_WHATIFS: Record<string, unknown> = {
  'career-guidance-open': careerGuidanceOpen,
  'lower-caseloads': lowerCaseloads,
  'proactive-information': proactiveInformation,
  'same-advisor': sameAdvisor,
  'faster-recognition': fasterRecognition,
  downturn,
};
