// The welcome card arrives on install; its "Sync my photo" button (Action.Execute) turns that
// same card into the result.

import path from 'node:path';
import { cardCount, cardWith, mostCards, openChat, SYNCED_EN, WELCOME } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

export const name = 'the welcome card sent on install; its button syncs and the card changes in place';

export async function run({ context, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await page.locator('.ac-adaptiveCard', { hasText: WELCOME }).getByRole('button', { name: 'Sync my photo' }).click();
    await cardWith(page, SYNCED_EN);
    if (await cardCount(page) !== 1 || await mostCards(page) !== 1) {
        fail(`the welcome card was not updated in place: ${await cardCount(page)} cards, ${await mostCards(page)} at most`);
    }
    await page.screenshot({ path: path.join(out, 'welcome-button.png') });
    await page.close();
}
