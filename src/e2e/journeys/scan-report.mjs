// "scan" as Alex Wilber (an operator in sandbox mode): the card changes in place into the counts;
// "Open the report" opens a window, the simulated Entra asks for the account, the report page
// lists everyone and downloads its CSV. Megan Bowen, signed in with the same link, gets "Only the
// helpdesk can read reports" and no table.

import fs from 'node:fs';
import path from 'node:path';
import { cardWith, mostCards, openChat, PATIENCE, say, watchErrors, WELCOME } from '../lib/chat.mjs';
import { fail } from '../lib/record.mjs';

const CSV_HEADER = '\uFEFFdisplay_name,user_principal_name,object_id,class,finding,outcome,outcome_detail\r\n';

export const name = 'an operator scans; the report opens from the card after signing in with Entra, and nobody else may read it';

export async function run({ context, bot, playground, out }) {
    const reportUrl = await operatorReadsTheReport({ context, bot, playground, out });
    await context.clearCookies();
    await strangerIsRefused({ context, bot, out }, reportUrl);
}

async function operatorReadsTheReport({ context, bot, playground, out }) {
    const page = await openChat(context, playground, WELCOME);
    await say(page, 'scan');
    await cardWith(page, 'Nothing was changed', 60_000);
    if (await mostCards(page) !== 2) {
        fail(`the scan card was not updated in place (${await mostCards(page)} cards at most)`);
    }
    await page.screenshot({ path: path.join(out, 'scan.png') });
    // Action.OpenUrl: the Playground renders it as a link-role button that opens a new window.
    const [report] = await Promise.all([context.waitForEvent('page', { timeout: PATIENCE }),
        page.locator('.ac-adaptiveCard', { hasText: 'Nothing was changed' }).getByRole('link', { name: 'Open the report' }).click()]);
    const errors = watchErrors(report, bot);
    await signIn(report, 'Alex Wilber');
    await report.waitForURL(url => url.href.startsWith(bot + '/reports/') && !url.href.includes('callback'), { timeout: PATIENCE });
    await report.getByRole('heading', { name: /Tenant scan of/ }).waitFor({ timeout: PATIENCE });
    const rows = await report.locator('tbody tr').count();
    const text = await report.locator('main').innerText();
    if (rows < 8 || !text.includes('Alex Wilber') || !text.includes('Missing')) {
        fail(`the report lists ${rows} people and misses what it should show`);
    }
    await report.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
    const [download] = await Promise.all([report.waitForEvent('download', { timeout: PATIENCE }),
        report.getByRole('link', { name: /Download as CSV/ }).click()]);
    if (!fs.readFileSync(await download.path(), 'utf8').startsWith(CSV_HEADER)) {
        fail('the CSV does not start with its header');
    }
    if (errors.length) {
        fail(`the report page logged errors: ${errors.join(' | ')}`);
    }
    const reportUrl = report.url();
    await report.close();
    await page.close();
    return reportUrl;
}

/** Someone who is not an operator signs in with the same link: a clear refusal, no report. */
async function strangerIsRefused({ context, bot, out }, reportUrl) {
    const stranger = await context.newPage();
    const errors = watchErrors(stranger, bot);
    await stranger.goto(reportUrl);
    await signIn(stranger, 'Megan Bowen');
    await stranger.getByRole('heading', { name: 'Only the helpdesk can read reports' }).waitFor({ timeout: PATIENCE });
    if (await stranger.locator('table').count() > 0) {
        fail('someone who is not an operator saw the report');
    }
    await stranger.screenshot({ path: path.join(out, 'report-refused.png') });
    if (errors.length) {
        fail(`the refusal page logged errors: ${errors.join(' | ')}`);
    }
    await stranger.close();
}

/** The simulated Entra's sign-in page: pick the account, accept. */
async function signIn(page, person) {
    await page.waitForURL(url => url.href.includes('/authorize'), { timeout: PATIENCE });
    await page.locator('select#user').selectOption({ label: person });
    await page.getByRole('button', { name: 'Accept' }).click();
}
