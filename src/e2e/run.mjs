// PhotoSync end to end, in Microsoft's own client: starts the packaged bot in sandbox mode, the
// Microsoft 365 Agents Playground against it, and drives the Playground's page in headless
// Chromium (Debian's, through playwright-core; no browser download). Offline.
//
//   node run.mjs --jar ../../target/photosync.jar --out ../../target/e2e [--browser auto|required]
//
// Journeys: the welcome card's button, "sync my photo", the Norwegian command, an unknown command,
// an operator's scan and its report page (signed in through the simulated Entra), the consent page.
// Then proofs that the checks can fail: the same "sync my photo" check against a small bot that
// misbehaves on purpose (a card that does not render, a new message instead of an update, text and
// card in one activity) must fail, and against the same small bot behaving well must pass.
// Exits non-zero on any failure; screenshots, logs and results.json go to --out.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const jar = path.resolve(options.jar ?? path.join(here, '../../target/photosync.jar'));
const out = path.resolve(options.out ?? path.join(here, '../../target/e2e'));
const chromiumPath = process.env.PHOTOSYNC_E2E_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
const PATIENCE = 30_000;
/** Left when the suite did not run, so that the end of the build can say it again. */
const NOT_RUN = path.join(out, 'not-run.txt');

const SYNCED_EN = 'Your SharePoint photo is up to date';
const SYNCED_NB = 'SharePoint-bildet ditt er oppdatert';
const WELCOME = 'I copy your Microsoft 365 profile photo';

fs.mkdirSync(out, { recursive: true });
const children = [];
const results = [];

function fail(message) {
    throw new Error(message);
}

/**
 * What a fresh machine needs, said plainly. Without Chromium the suite is not run, like a
 * Testcontainers test without Docker, and says so where nobody can miss it; where the suite is
 * required (--browser required, which .ci/run passes through -De2e=required, or CI=true) the
 * build fails instead. Anything else missing always fails.
 */
async function requirements() {
    if (!fs.existsSync(jar)) {
        fail(`${jar} is missing: build it first (./mvnw -B package)`);
    }
    if (!fs.existsSync(chromiumPath)) {
        return { missing: `there is no Chromium at ${chromiumPath}.`,
            remedy: ['To run them, install it:', '    sudo apt-get install chromium', 'or set PHOTOSYNC_E2E_CHROMIUM to a Chromium or Chrome binary.'] };
    }
    try {
        return { chromium: (await import('playwright-core')).chromium };
    } catch (e) {
        fail(`playwright-core is not installed: ./mvnw verify installs it (npm ci in src/e2e) (${e.message})`);
    }
}

/** The notice for a machine that cannot run the suite: what did not run, and what runs it. */
function notRunNotice({ missing, remedy }, required) {
    const lines = [
        `END-TO-END SUITE NOT RUN: ${missing}`,
        'The journeys in the Microsoft 365 Agents Playground and headless Chromium',
        '(docs/e2e.md) did not run; the other tests are not affected.',
        ...remedy,
        required ? 'This build requires the suite (CI=true or -De2e=required), so it fails.'
            : 'With CI=true or -De2e=required this fails the build.'
    ];
    const width = Math.max(...lines.map(line => line.length));
    const rule = '═'.repeat(width + 2);
    return [`╔${rule}╗`, ...lines.map(line => `║ ${line.padEnd(width)} ║`), `╚${rule}╝`].join('\n');
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitFor(description, check, timeout = 90_000) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
        try {
            if (await check()) {
                return;
            }
        } catch {
            // not yet
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    fail(`timed out waiting for ${description}`);
}

function get(url) {
    return new Promise((resolve, reject) => {
        http.get(url, response => {
            let body = '';
            response.on('data', chunk => body += chunk);
            response.on('end', () => resolve({ status: response.statusCode, body }));
        }).on('error', reject);
    });
}

function start(name, command, args, settings = {}) {
    const log = fs.openSync(path.join(out, `${name}.log`), 'w');
    const child = spawn(command, args, { stdio: ['ignore', log, log], ...settings });
    children.push(child);
    return child;
}

/** PhotoSync from its packaged jar, in sandbox mode (no Microsoft settings), on an in-memory database. */
async function startBot() {
    const port = await freePort();
    const tenantPort = await freePort();
    start('bot', 'java', ['-jar', jar, `--server.port=${port}`, `--photosync.sandbox.port=${tenantPort}`,
        '--photosync.sandbox.connector-port=0', `--photosync.bot.public-url=http://localhost:${port}`,
        '--spring.datasource.url=jdbc:h2:mem:e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1']);
    await waitFor('the bot to be ready', async () => (await get(`http://localhost:${port}/readyz`)).status === 200);
    return `http://localhost:${port}`;
}

/** The Agents Playground (its web page and its mock Teams connector) in front of an endpoint. */
async function startPlayground(name, endpoint) {
    const port = await freePort();
    start(name, path.join(here, 'node_modules/.bin/agentsplayground'), ['-e', endpoint, '-c', 'msteams', '--dt', '-p', String(port)],
        { cwd: here, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } });
    await waitFor(`the Playground (${name})`, async () => (await get(`http://localhost:${port}/`)).status === 200);
    return `http://localhost:${port}`;
}

// --- the Playground's page ---

/** A fresh chat (the Playground clears its history on load and installs the bot again). */
async function openChat(context, playground, firstCard) {
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

async function say(page, text) {
    await page.locator('[contenteditable="true"][role="textbox"]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
}

function cardWith(page, text, timeout = PATIENCE) {
    return page.locator('.ac-adaptiveCard', { hasText: text }).last().waitFor({ timeout });
}

async function cardCount(page) {
    return page.locator('.ac-adaptiveCard').count();
}

async function mostCards(page) {
    return page.evaluate(() => window.__mostCards);
}

/**
 * "sync my photo" (or the Norwegian), as a person types it: exactly one card more in the chat,
 * first "Syncing…" and then, in place, the result with the photo shown.
 */
async function typedSync(page, command, synced, timeout = PATIENCE) {
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

// --- the journeys ---

async function journey(name, work) {
    const started = Date.now();
    try {
        await work();
        results.push({ name, passed: true, millis: Date.now() - started });
        console.log(`✔ ${name} (${Date.now() - started} ms)`);
    } catch (e) {
        results.push({ name, passed: false, millis: Date.now() - started, error: e.message });
        console.log(`✘ ${name}: ${e.message}`);
    }
}

/**
 * Console errors and uncaught exceptions of pages the bot serves (the Playground's own are
 * Microsoft's). The page's own HTTP status is checked by the journey, so Chromium's note that the
 * document itself answered 404 is not counted; any other failed load, CSP violation or script
 * error is.
 */
function watchErrors(page, origin) {
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

async function journeys(context, bot, playground) {
    await journey('the welcome card sent on install; its button syncs and the card changes in place', async () => {
        const page = await openChat(context, playground, WELCOME);
        await page.locator('.ac-adaptiveCard', { hasText: WELCOME }).getByRole('button', { name: 'Sync my photo' }).click();
        await cardWith(page, SYNCED_EN);
        if (await cardCount(page) !== 1 || await mostCards(page) !== 1) {
            fail(`the welcome card was not updated in place: ${await cardCount(page)} cards, ${await mostCards(page)} at most`);
        }
        await page.screenshot({ path: path.join(out, 'welcome-button.png') });
        await page.close();
    });

    await journey('"sync my photo": "Syncing…", then the result with the photo, in one card', async () => {
        const page = await openChat(context, playground, WELCOME);
        await typedSync(page, 'sync my photo', SYNCED_EN);
        await page.screenshot({ path: path.join(out, 'sync-my-photo.png') });
        await page.close();
    });

    await journey('"synkroniser bildet mitt" gets a Norwegian card', async () => {
        const page = await openChat(context, playground, WELCOME);
        await typedSync(page, 'synkroniser bildet mitt', SYNCED_NB);
        await page.screenshot({ path: path.join(out, 'synkroniser-bildet-mitt.png') });
        await page.close();
    });

    await journey('an unknown command gets the help card', async () => {
        const page = await openChat(context, playground, WELCOME);
        await say(page, 'make me a sandwich');
        await cardWith(page, 'I didn\'t understand "make me a sandwich"');
        const help = page.locator('.ac-adaptiveCard', { hasText: 'make me a sandwich' });
        if (!(await help.innerText()).includes('sync my photo')) {
            fail('the help card does not list the commands');
        }
        await page.screenshot({ path: path.join(out, 'help.png') });
        await page.close();
    });

    await journey('an operator scans; the report opens from the card after signing in with Entra, and nobody else may read it', async () => {
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
        await report.waitForURL(url => url.href.includes('/authorize'), { timeout: PATIENCE });
        await report.locator('select#user').selectOption({ label: 'Alex Wilber' });
        await report.getByRole('button', { name: 'Accept' }).click();
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
        const csv = fs.readFileSync(await download.path(), 'utf8');
        if (!csv.startsWith('\uFEFFdisplay_name,user_principal_name,object_id,class,finding,outcome,outcome_detail\r\n')) {
            fail('the CSV does not start with its header');
        }
        if (errors.length) {
            fail(`the report page logged errors: ${errors.join(' | ')}`);
        }
        const reportUrl = report.url();
        await report.close();
        await page.close();

        // Someone who is not an operator signs in with the same link: a clear refusal, no report.
        await context.clearCookies();
        const stranger = await context.newPage();
        const strangerErrors = watchErrors(stranger, bot);
        await stranger.goto(reportUrl);
        await stranger.locator('select#user').selectOption({ label: 'Megan Bowen' });
        await stranger.getByRole('button', { name: 'Accept' }).click();
        await stranger.getByRole('heading', { name: 'Only the helpdesk can read reports' }).waitFor({ timeout: PATIENCE });
        if (await stranger.locator('table').count() > 0) {
            fail('someone who is not an operator saw the report');
        }
        await stranger.screenshot({ path: path.join(out, 'report-refused.png') });
        if (strangerErrors.length) {
            fail(`the refusal page logged errors: ${strangerErrors.join(' | ')}`);
        }
        await stranger.close();
    });

    await journey('the consent page opens cleanly and says when its link is no longer valid', async () => {
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
    });
}

// --- the proofs: a small bot that gets it wrong on purpose ---

const SYNCING_CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Syncing your photo…', weight: 'Bolder' }] };
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const RESULT_CARD = { type: 'AdaptiveCard', version: '1.5', body: [
    { type: 'Image', url: PHOTO, size: 'Small', altText: 'your photo' },
    { type: 'TextBlock', text: SYNCED_EN, weight: 'Bolder' }] };

/**
 * Answers "sync my photo" the way {@code mode} says: 'good' (a card, then that card updated),
 * 'new-message' (the result as a second message), 'text-and-card' (text and card in one activity,
 * then an update the Playground cannot apply), 'broken-card' (a result card that cannot render).
 */
function startFakeBot() {
    const state = { mode: 'good' };
    const server = http.createServer((request, response) => {
        let body = '';
        request.on('data', chunk => body += chunk);
        request.on('end', async () => {
            response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
            const activity = JSON.parse(body || '{}');
            if (activity.type === 'message' && /sync my photo/i.test(activity.text ?? '')) {
                await answer(activity, state.mode).catch(e => console.log(`  (fake bot: ${e.message})`));
            }
        });
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ state, server, endpoint: `http://localhost:${server.address().port}/api/messages` })));
}

async function connector(activity, method, suffix, payload) {
    const base = `${activity.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities`;
    const reply = { type: 'message', from: activity.recipient, recipient: activity.from, conversation: activity.conversation,
        replyToId: activity.id, ...payload };
    const response = await fetch(base + suffix, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(reply) });
    return { status: response.status, body: await response.text().then(text => text ? JSON.parse(text) : {}).catch(() => ({})) };
}

const card = content => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });

async function answer(activity, mode) {
    if (mode === 'new-message') {
        await connector(activity, 'POST', '', card(SYNCING_CARD));
        await connector(activity, 'POST', '', card(RESULT_CARD));
        return;
    }
    const first = await connector(activity, 'POST', '', mode === 'text-and-card'
        ? { text: 'Syncing your photo…', ...card(SYNCING_CARD) } : card(SYNCING_CARD));
    const result = mode === 'broken-card' ? { ...RESULT_CARD, body: { type: 'TextBlock', text: SYNCED_EN } } : RESULT_CARD;
    await connector(activity, 'PUT', `/${encodeURIComponent(first.body.id ?? '')}`, { id: first.body.id, ...card(result) });
}

async function proofs(context) {
    const fake = await startFakeBot();
    try {
        const playground = await startPlayground('playground-fake-bot', fake.endpoint);
        for (const [mode, shouldPass] of [['good', true], ['new-message', false], ['text-and-card', false], ['broken-card', false]]) {
            await journey(`the "sync my photo" check ${shouldPass ? 'passes' : 'fails'} against a bot that ${mode === 'good' ? 'updates its card' : 'sends ' + mode}`, async () => {
                fake.state.mode = mode;
                const page = await openChat(context, playground, null);
                let error = null;
                try {
                    await typedSync(page, 'sync my photo', SYNCED_EN, 8_000);
                } catch (e) {
                    error = e;
                }
                await page.screenshot({ path: path.join(out, `proof-${mode}.png`) });
                await page.close();
                if (shouldPass && error) {
                    fail(`it failed against a well-behaved bot: ${error.message}`);
                }
                if (!shouldPass && !error) {
                    fail('it passed against a bot that gets it wrong');
                }
            });
        }
    } finally {
        fake.server.close();
    }
}

async function main() {
    fs.rmSync(NOT_RUN, { force: true });
    const { chromium, ...unmet } = await requirements();
    if (!chromium) {
        const required = options.browser === 'required' || process.env.CI === 'true';
        const notice = notRunNotice(unmet, required);
        console.log(notice);
        if (required) {
            return 1;
        }
        fs.writeFileSync(NOT_RUN, notice + '\n');
        return 0;
    }
    const started = Date.now();
    const bot = await startBot();
    const playground = await startPlayground('playground', `${bot}/api/messages`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'photosync-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
        ignoreHTTPSErrors: true, acceptDownloads: true, locale: 'en-US'
    });
    try {
        await journeys(context, bot, playground);
        await proofs(context);
    } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
    fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify({ seconds: (Date.now() - started) / 1000, results }, null, 2));
    const failed = results.filter(result => !result.passed);
    console.log(`${results.length - failed.length} of ${results.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);
    return failed.length === 0 ? 0 : 1;
}

let code = 1;
try {
    code = await main();
} catch (e) {
    console.error(`✘ end-to-end suite: ${e.message}`);
} finally {
    children.forEach(child => child.kill('SIGTERM'));
}
process.exit(code);
