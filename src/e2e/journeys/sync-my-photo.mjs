// "sync my photo": "Syncing…", then the result with the photo, in one card.

import { SYNCED_EN } from '../lib/chat.mjs';
import { typedSyncJourney } from './typed-sync.mjs';

export const { name, run } = typedSyncJourney('"sync my photo": "Syncing…", then the result with the photo, in one card',
    'sync my photo', SYNCED_EN, 'sync-my-photo.png');
