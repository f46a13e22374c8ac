/** The everyday scenarios Firefox runs, in Chromium too: the shared helpers are proven on both drivers. */
import { everydayScenarios } from './scenarios/everyday';

everydayScenarios('chromium');
