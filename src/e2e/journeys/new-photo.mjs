// Alex Wilber sends the bot a picture as Teams sends a file from the compose box (a file.download.info
// attachment whose pre-authorised link is on his OneDrive, here the simulated tenant's), through the
// Playground's own custom-activity path; the bot's preview card shows the square it would set, with
// Use it and Cancel; Use it turns that card, in place, into "Setting your new photo…" and then the
// result. The Playground has no way to attach a file through its compose box to a bot in Teams
// mode (docs/e2e.md), so the attachment is made as Teams makes it and sent through the Playground.

import path from 'node:path';
import zlib from 'node:zlib';
import { cardWith, mostCards, openChat, PATIENCE, say, WELCOME } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

const PREVIEW = 'Use this as your photo?';
const SET = 'Your new photo is set';

export const name = 'new photo: a picture sent as Teams sends a file is previewed, and Use it sets it, the card changing in place';

export async function run({ context, playground, out, tenant }) {
    const page = await openChat(context, playground, WELCOME);
    const conversation = await conversationOf(page);
    const upload = await context.request.post(`${tenant}/sandbox/teams-files?user=alexw%40contoso.onmicrosoft.com&name=alex-new.png`,
        { data: squarePng(320, [30, 90, 200]), headers: { 'Content-Type': 'application/octet-stream' } });
    if (upload.status() !== 201) {
        fail(`the simulated tenant did not take the file: HTTP ${upload.status()}`);
    }
    const attachment = await upload.json();
    const template = await context.request.get(`${playground}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversation)}`);
    if (template.status() !== 200) {
        fail(`the Playground gave no activity template: HTTP ${template.status()}`);
    }
    const message = { ...(await template.json()), type: 'message', text: '', attachments: [attachment] };
    const sent = await context.request.post(`${playground}/_internal/v1/customActivities`, { data: message });
    if (sent.status() !== 200) {
        fail(`the Playground did not send the activity: HTTP ${sent.status()}`);
    }
    await cardWith(page, PREVIEW).catch(() => fail(`no "${PREVIEW}" card within ${PATIENCE / 1000} s`));
    const preview = page.locator('.ac-adaptiveCard', { hasText: PREVIEW }).last();
    await page.waitForFunction(element => [...element.querySelectorAll('img')].some(img => img.complete && img.naturalWidth > 0),
        await preview.elementHandle(), { timeout: 5_000 }).catch(() => fail('the preview card shows no picture'));
    await page.screenshot({ path: path.join(out, 'new-photo-preview.png') });
    const before = await mostCards(page);

    await preview.getByRole('button', { name: 'Use it' }).click();

    await cardWith(page, SET).catch(() => fail(`Use it never ended in "${SET}"`));
    if (await page.locator('.ac-adaptiveCard', { hasText: PREVIEW }).count() !== 0) {
        fail('Use it did not turn the preview card into the result');
    }
    if (await mostCards(page) !== before) {
        fail(`Use it added a card instead of changing the preview in place: ${await mostCards(page)} cards at most, ${before} before`);
    }
    await page.screenshot({ path: path.join(out, 'new-photo-set.png') });
    await page.close();
}

/** The chat's conversation id, as the page's own request says when "help" is typed (and answered). */
async function conversationOf(page) {
    const typed = /\/conversations\/([^/]+)\/messages$/;
    const request = page.waitForRequest(request => request.method() === 'POST' && typed.test(request.url()), { timeout: PATIENCE });
    await say(page, 'help');
    const url = (await request).url();
    await cardWith(page, 'sync my photo');
    return decodeURIComponent(url.match(typed)[1]);
}

/** A square PNG of one colour, made here so the journey needs no image library. */
function squarePng(side, [r, g, b]) {
    const row = Buffer.alloc(1 + side * 3);
    for (let x = 0; x < side; x++) {
        row[1 + x * 3] = r;
        row[2 + x * 3] = g;
        row[3 + x * 3] = b;
    }
    const raw = Buffer.concat(Array.from({ length: side }, () => row));
    const header = Buffer.alloc(13);
    header.writeUInt32BE(side, 0);
    header.writeUInt32BE(side, 4);
    header.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
    let crc = ~0;
    for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) {
            crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
        }
    }
    return (~crc) >>> 0;
}
