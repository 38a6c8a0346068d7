// The consent page at /sign-in answers an unknown link with its "expired" page and a
// default-src 'none' policy, without a console error.

import path from 'node:path';
import { PATIENCE, watchErrors } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

export const name = 'the consent page opens cleanly and says when its link is no longer valid';

export async function run({ context, bot, out }) {
    const page = await context.newPage();
    const errors = watchErrors(page, bot);
    const response = await page.goto(`${bot}/sign-in?request=e2e-no-such-request`);
    if (response.status() !== 404) {
        fail(`the consent page answered ${response.status()}`);
    }
    await page.getByRole('heading', { name: 'This sign-in link has expired' }).waitFor({ timeout: PATIENCE });
    if (!(response.headers()['content-security-policy'] ?? '').includes("default-src 'none'")) {
        fail('the consent page has no content security policy');
    }
    await page.screenshot({ path: path.join(out, 'consent-page.png') });
    if (errors.length) {
        fail(`the consent page logged errors: ${errors.join(' | ')}`);
    }
    await page.close();
}
