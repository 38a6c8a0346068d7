/**
 * The Teams face of PhotoSync: the {@code /api/messages} endpoint on the Bot Framework SDK core,
 * the command parser (English and Norwegian), the Adaptive Cards the bot sends, and the hand-off
 * of each sync to a worker that updates the "Syncing…" card in place when it ends.
 *
 * <p>Words shown to people live in {@code messages*.properties}, never in this code.
 */
package io.photosync.bot;
