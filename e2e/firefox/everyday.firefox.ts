/** The everyday scenarios in Firefox (firefox-esr, the production dist/firefox as an installed add-on). */
import { everydayScenarios } from '../scenarios/everyday';

everydayScenarios('firefox');
