// A small bot that answers "sync my photo" through the Playground's connector, well or badly on
// purpose, so that the suite can show its check catches each way of getting it wrong.

import http from 'node:http';
import { SYNCED_EN } from '../lib/chat.mjs';

const SYNCING_CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Syncing your photo…', weight: 'Bolder' }] };
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const RESULT_CARD = { type: 'AdaptiveCard', version: '1.5', body: [
    { type: 'Image', url: PHOTO, size: 'Small', altText: 'your photo' },
    { type: 'TextBlock', text: SYNCED_EN, weight: 'Bolder' }] };

/**
 * The ways to answer: 'good' (a card, then that card updated), 'new-message' (the result as a
 * second message), 'text-and-card' (text and card in one activity, which the Playground answers
 * 202 without an id, so the later update has nothing to change), 'broken-card' (a result card
 * that cannot render).
 */
export const MODES = ['good', 'new-message', 'text-and-card', 'broken-card'];

/** Starts the bot; {@code state.mode} says how it answers the next "sync my photo". */
export function startFakeBot() {
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
    return new Promise(resolve => server.listen(0, '127.0.0.1',
        () => resolve({ state, server, endpoint: `http://localhost:${server.address().port}/api/messages` })));
}

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

async function connector(activity, method, suffix, payload) {
    const base = `${activity.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities`;
    const reply = { type: 'message', from: activity.recipient, recipient: activity.from, conversation: activity.conversation,
        replyToId: activity.id, ...payload };
    const response = await fetch(base + suffix, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(reply) });
    return { status: response.status, body: await response.text().then(text => text ? JSON.parse(text) : {}).catch(() => ({})) };
}

const card = content => ({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });
