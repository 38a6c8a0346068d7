// The Playground's page as a person uses it: open a chat, type, wait for a card, count cards.

import { fail } from './record.mjs';

export const PATIENCE = 30_000;
export const SYNCED_EN = 'Your SharePoint photo is up to date';
export const SYNCED_NB = 'SharePoint-bildet ditt er oppdatert';
export const WELCOME = 'I copy your Microsoft 365 profile photo';

/** A fresh chat (the Playground clears its history on load and installs the bot again). */
export async function openChat(context, playground, firstCard) {
    const page = await context.newPage();
    await page.goto(playground, { waitUntil: 'domcontentloaded' });
    if (firstCard) {
        await cardWith(page, firstCard);
    } else {
        await page.locator('[contenteditable="true"][role="textbox"]').waitFor({ timeout: PATIENCE });
    }
    // Counts the cards on the page at every change, so a card that was added and not updated shows.
    await page.evaluate(() => {
        const count = () => document.querySelectorAll('.ac-adaptiveCard').length;
        window.__mostCards = count();
        new MutationObserver(() => { window.__mostCards = Math.max(window.__mostCards, count()); })
            .observe(document.body, { childList: true, subtree: true });
    });
    return page;
}

export async function say(page, text) {
    await page.locator('[contenteditable="true"][role="textbox"]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
}

export function cardWith(page, text, timeout = PATIENCE) {
    return page.locator('.ac-adaptiveCard', { hasText: text }).last().waitFor({ timeout });
}

export async function cardCount(page) {
    return page.locator('.ac-adaptiveCard').count();
}

/** The most cards the chat showed at any moment since it opened. */
export async function mostCards(page) {
    return page.evaluate(() => window.__mostCards);
}

/**
 * "sync my photo" (or the Norwegian), as a person types it: exactly one card more in the chat,
 * first "Syncing…" and then, in place, the result with the photo shown.
 */
export async function typedSync(page, command, synced, timeout = PATIENCE) {
    const before = await cardCount(page);
    await say(page, command);
    await cardWith(page, synced, timeout);
    const card = page.locator('.ac-adaptiveCard', { hasText: synced }).last();
    await page.waitForFunction(element => [...element.querySelectorAll('img')].some(img => img.complete && img.naturalWidth > 0),
        await card.elementHandle(), { timeout: 5_000 }).catch(() => fail('the result card shows no photo'));
    const after = await cardCount(page);
    const most = await mostCards(page);
    if (after !== before + 1 || most !== before + 1) {
        fail(`the "Syncing…" card was not updated in place: ${before} cards before, ${after} after, ${most} at most`);
    }
}

/**
 * Console errors and uncaught exceptions of pages the bot serves (the Playground's own are
 * Microsoft's). The page's own HTTP status is checked by the journey, so Chromium's note that the
 * document itself answered 404 is not counted; any other failed load, CSP violation or script
 * error is.
 */
export function watchErrors(page, origin) {
    const errors = [];
    page.on('console', message => {
        const ownStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
        if (message.type() === 'error' && page.url().startsWith(origin) && !ownStatus) {
            errors.push(message.text());
        }
    });
    page.on('pageerror', error => {
        if (page.url().startsWith(origin)) {
            errors.push(error.message);
        }
    });
    return errors;
}
