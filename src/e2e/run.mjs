// PhotoSync end to end, in Microsoft's own client: starts the packaged bot in sandbox mode, the
// Microsoft 365 Agents Playground against it, and drives the Playground's page in headless
// Chromium (Debian's, through playwright-core; no browser download). Offline.
//
//   node run.mjs --jar ../../target/photosync.jar --out ../../target/e2e [--browser auto|required]
//
// The journeys are in journeys/ (one file each), the proofs that the checks can fail in proofs/,
// the plumbing they share in lib/. Exits non-zero on any failure; screenshots, logs and
// results.json go to --out.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { journeys } from './journeys/index.mjs';
import { Processes } from './lib/processes.mjs';
import { journey, results } from './lib/record.mjs';
import { notRunNotice, requirements } from './lib/requirements.mjs';
import { proveTheSyncCheck } from './proofs/sync-check.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const options = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const jar = path.resolve(options.jar ?? path.join(here, '../../target/photosync.jar'));
const out = path.resolve(options.out ?? path.join(here, '../../target/e2e'));
const chromiumPath = process.env.PHOTOSYNC_E2E_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
/** Left when the suite did not run, so that the end of the build can say it again. */
const NOT_RUN = path.join(out, 'not-run.txt');

fs.mkdirSync(out, { recursive: true });
const processes = new Processes(out, here);

async function main() {
    fs.rmSync(NOT_RUN, { force: true });
    const { chromium, ...unmet } = await requirements(jar, chromiumPath);
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
    const bot = await processes.startBot(jar);
    const playground = await processes.startPlayground('playground', `${bot}/api/messages`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'photosync-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 },
        ignoreHTTPSErrors: true, acceptDownloads: true, locale: 'en-US'
    });
    try {
        // --only <word>: the journeys whose name contains it, without the proofs (for working on one journey).
        for (const { name, run } of journeys.filter(({ name }) => !options.only || name.includes(options.only))) {
            await journey(name, () => run({ context, bot, playground, out, tenant: processes.tenant }));
        }
        if (!options.only) {
            await proveTheSyncCheck({ context, processes, out });
        }
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
    processes.stopAll();
}
process.exit(code);
