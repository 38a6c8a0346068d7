// The programs the suite starts: the packaged bot and the Agents Playground, each logging to a
// file of its own in the output folder, all stopped together at the end.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fail } from './record.mjs';

export class Processes {
    #children = [];

    constructor(out, e2eFolder) {
        this.out = out;
        this.e2eFolder = e2eFolder;
    }

    /** PhotoSync from its packaged jar, in sandbox mode (no Microsoft settings), on an in-memory database. */
    async startBot(jar) {
        const port = await freePort();
        const tenantPort = await freePort();
        this.#start('bot', 'java', ['-jar', jar, `--server.port=${port}`, `--photosync.sandbox.port=${tenantPort}`,
            '--photosync.sandbox.connector-port=0', `--photosync.bot.public-url=http://localhost:${port}`,
            '--spring.datasource.url=jdbc:h2:mem:e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1']);
        await waitFor('the bot to be ready', async () => (await get(`http://localhost:${port}/readyz`)).status === 200);
        /** The simulated tenant PhotoSync talks to (HTTPS, self-signed): journeys use it to play Teams' file upload. */
        this.tenant = `https://localhost:${tenantPort}`;
        return `http://localhost:${port}`;
    }

    /** The Agents Playground (its web page and its mock Teams connector) in front of an endpoint. */
    async startPlayground(name, endpoint) {
        const port = await freePort();
        this.#start(name, path.join(this.e2eFolder, 'node_modules/.bin/agentsplayground'),
            ['-e', endpoint, '-c', 'msteams', '--dt', '-p', String(port)],
            { cwd: this.e2eFolder, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } });
        await waitFor(`the Playground (${name})`, async () => (await get(`http://localhost:${port}/`)).status === 200);
        return `http://localhost:${port}`;
    }

    stopAll() {
        this.#children.forEach(child => child.kill('SIGTERM'));
    }

    #start(name, command, args, settings = {}) {
        const log = fs.openSync(path.join(this.out, `${name}.log`), 'w');
        this.#children.push(spawn(command, args, { stdio: ['ignore', log, log], ...settings }));
    }
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
