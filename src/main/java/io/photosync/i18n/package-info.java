/**
 * The words PhotoSync shows people, on cards and pages, in English and Norwegian
 * ({@code messages*.properties}); never written in code. A message's language follows the Teams
 * client's locale, or the language a command was typed in.
 */
package io.photosync.i18n;
