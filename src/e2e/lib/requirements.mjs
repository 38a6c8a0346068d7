// What a fresh machine needs, said plainly. Without Chromium the suite is not run, like a
// Testcontainers test without Docker, and says so where nobody can miss it; where the suite is
// required (--browser required, which .ci/run passes through -De2e=required, or CI=true) the
// build fails instead. Anything else missing always fails.

import fs from 'node:fs';
import { fail } from './record.mjs';

/** Chromium through playwright-core, or what is missing and what remedies it. */
export async function requirements(jar, chromiumPath) {
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
export function notRunNotice({ missing, remedy }, required) {
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
