/**
 * The Teams edge: the {@code /api/messages} endpoint on the Bot Framework SDK core (hostile input
 * refused before a turn), the command parser (English and Norwegian), Teams SSO's invokes, the
 * Adaptive Cards, and the hand-off of each request to the capability that does it — a sync job,
 * the helpdesk, a scan, a nudge, the doctor — whose answers it turns into cards.
 *
 * <p>Nothing else depends on this package; words shown to people live in i18n/.
 */
package io.photosync.bot;
