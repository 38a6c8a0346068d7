// The proof that the "sync my photo" check can fail: it must pass against the small bot behaving
// well and fail against each of its wrong answers. A proof that passes when it should fail fails
// the build.

import path from 'node:path';
import { openChat, SYNCED_EN, typedSync } from '../lib/chat.mjs';
import { fail, journey } from '../lib/record.mjs';
import { MODES, startFakeBot } from './fake-bot.mjs';

export async function proveTheSyncCheck({ context, processes, out }) {
    const fake = await startFakeBot();
    try {
        const playground = await processes.startPlayground('playground-fake-bot', fake.endpoint);
        for (const mode of MODES) {
            const shouldPass = mode === 'good';
            await journey(`the "sync my photo" check ${shouldPass ? 'passes' : 'fails'} against a bot that ${shouldPass ? 'updates its card' : 'sends ' + mode}`, async () => {
                fake.state.mode = mode;
                const page = await openChat(context, playground, null);
                const error = await typedSync(page, 'sync my photo', SYNCED_EN, 8_000).then(() => null, e => e);
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
