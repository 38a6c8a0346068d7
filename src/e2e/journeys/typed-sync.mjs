// A person types a sync command in a fresh chat: "Syncing…", then the result with the photo, in one card.

import path from 'node:path';
import { openChat, typedSync, WELCOME } from '../lib/chat.mjs';

/** The journey for one command and the words its result card must show. */
export function typedSyncJourney(name, command, synced, screenshot) {
    return {
        name,
        async run({ context, playground, out }) {
            const page = await openChat(context, playground, WELCOME);
            await typedSync(page, command, synced);
            await page.screenshot({ path: path.join(out, screenshot) });
            await page.close();
        }
    };
}
