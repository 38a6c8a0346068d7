// "sync my photo": "Syncing…", then the result with the photo, in one card.

import path from 'node:path';
import { openChat, SYNCED_EN, typedSync, WELCOME } from '../lib/chat.mjs';

export const name = '"sync my photo": "Syncing…", then the result with the photo, in one card';

export async function run({ context, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await typedSync(page, 'sync my photo', SYNCED_EN);
    await page.screenshot({ path: path.join(out, 'sync-my-photo.png') });
    await page.close();
}
