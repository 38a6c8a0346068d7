/**
 * PhotoSync's browser pages: the consent page a sign-in card opens when Teams cannot sign someone
 * in silently, and a run's report (HTML and CSV) for operators, behind its own Entra sign-in and
 * short sessions. Pages are strict (CSP {@code default-src 'none'}, no-store, no-referrer); words
 * come from i18n/.
 */
package io.photosync.web;
