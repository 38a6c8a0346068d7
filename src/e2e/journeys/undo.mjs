// Alex Wilber syncs his photo, taps Undo on the result (the card turns into "SharePoint shows your
// earlier photo again" in place), taps Undo again (the newer photo is back, in place again), then
// opens "history for Alex Wilber" and restores a kept photo from there.

import path from 'node:path';
import { cardWith, mostCards, openChat, say, typedSync, SYNCED_EN, WELCOME } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

const RESTORED = 'SharePoint shows your earlier photo again';

export const name = 'undo: the result card\'s Undo puts the earlier photo back in place, Undo again the newer one, and history restores a kept photo';

export async function run({ context, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await typedSync(page, 'sync my photo', SYNCED_EN);
    await watchPutting(page);
    await tapUndo(page, SYNCED_EN);
    await tapUndo(page, RESTORED);
    if (await mostCards(page) !== 2) {
        fail(`Undo did not change its card in place: ${await mostCards(page)} cards at most (the welcome card and one result)`);
    }
    await page.screenshot({ path: path.join(out, 'undo.png') });

    await say(page, 'history for Alex Wilber');
    await cardWith(page, 'Photos SharePoint showed before');
    const history = page.locator('.ac-adaptiveCard', { hasText: 'Photos SharePoint showed before' }).last();
    const restores = history.getByRole('button', { name: 'Restore' });
    if (await restores.count() < 2) {
        fail(`history shows ${await restores.count()} kept photos with Restore, expected at least 2`);
    }
    await page.screenshot({ path: path.join(out, 'history.png') });
    // Alex's own kept photo: his own undo, no operator needed; the history card itself turns into it.
    // Waits for that undo to end before the page closes, so that nothing is still on its way to it.
    const before = await page.evaluate(() => window.__putting);
    await restores.last().click();
    await undone(page, before, 'Restore');
    if (await page.locator('.ac-adaptiveCard', { hasText: 'Photos SharePoint showed before' }).count() !== 0) {
        fail('Restore did not turn the history card into the undo');
    }
    await page.close();
}

/** Counts every moment a card says "Putting your earlier photo back", however briefly. */
async function watchPutting(page) {
    await page.evaluate(() => {
        window.__putting = 0;
        let showing = false;
        new MutationObserver(() => {
            const now = document.body.innerText.includes('Putting your earlier photo back');
            if (now && !showing) {
                window.__putting++;
            }
            showing = now;
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
}

/** Clicks Undo on the last card that shows {@code text}, and waits for that undo's result. */
async function tapUndo(page, text) {
    const before = await page.evaluate(() => window.__putting);
    await page.locator('.ac-adaptiveCard', { hasText: text }).last().getByRole('button', { name: 'Undo' }).click();
    await undone(page, before, `Undo on "${text}"`);
}

/** The undo a button started has shown "Putting your earlier photo back…" and then its result. */
async function undone(page, before, what) {
    await page.waitForFunction(([count, restored]) => window.__putting > count && !document.body.innerText.includes('Putting your earlier photo back')
        && document.body.innerText.includes(restored), [before, RESTORED], { timeout: 30_000 })
        .catch(() => fail(`${what} never showed "Putting your earlier photo back…" and then "${RESTORED}"`));
}
