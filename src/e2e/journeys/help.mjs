// An unknown command gets the help card, naming what was typed and listing the commands.

import path from 'node:path';
import { cardWith, openChat, say, WELCOME } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

export const name = 'an unknown command gets the help card';

export async function run({ context, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await say(page, 'make me a sandwich');
    await cardWith(page, 'I didn\'t understand "make me a sandwich"');
    const help = page.locator('.ac-adaptiveCard', { hasText: 'make me a sandwich' });
    if (!(await help.innerText()).includes('sync my photo')) {
        fail('the help card does not list the commands');
    }
    await page.screenshot({ path: path.join(out, 'help.png') });
    await page.close();
}
