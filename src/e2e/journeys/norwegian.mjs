// "synkroniser bildet mitt" is answered in Norwegian, although the Playground always says en-US.

import path from 'node:path';
import { openChat, SYNCED_NB, typedSync, WELCOME } from '../lib/chat.mjs';

export const name = '"synkroniser bildet mitt" gets a Norwegian card';

export async function run({ context, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await typedSync(page, 'synkroniser bildet mitt', SYNCED_NB);
    await page.screenshot({ path: path.join(out, 'synkroniser-bildet-mitt.png') });
    await page.close();
}
