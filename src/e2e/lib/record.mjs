// What the suite found: one entry per journey, passed or failed with its reason.

export const results = [];

export function fail(message) {
    throw new Error(message);
}

/** Runs one journey and records it; a failure is recorded, not thrown, so the others still run. */
export async function journey(name, work) {
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
