// "synkroniser bildet mitt" is answered in Norwegian, although the Playground always says en-US.

import { SYNCED_NB } from '../lib/chat.mjs';
import { typedSyncJourney } from './typed-sync.mjs';

export const { name, run } = typedSyncJourney('"synkroniser bildet mitt" gets a Norwegian card',
    'synkroniser bildet mitt', SYNCED_NB, 'synkroniser-bildet-mitt.png');
