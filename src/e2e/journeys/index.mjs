// The journeys through PhotoSync, in the order they run; each exports its name and run(suite).

import * as welcomeButton from './welcome-button.mjs';
import * as syncMyPhoto from './sync-my-photo.mjs';
import * as norwegian from './norwegian.mjs';
import * as help from './help.mjs';
import * as scanReport from './scan-report.mjs';
import * as undo from './undo.mjs';
import * as consentPage from './consent-page.mjs';
import * as newPhoto from './new-photo.mjs';

export const journeys = [welcomeButton, syncMyPhoto, norwegian, help, undo, newPhoto, scanReport, consentPage];
