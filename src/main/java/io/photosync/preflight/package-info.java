/**
 * The preflight: before anyone uses PhotoSync, checks against the real tenant that the
 * certificate, the permissions, the token key and a test user's photo and profile are in place.
 * {@link io.photosync.preflight.PreflightChecks} is the bean (operators run it from Teams);
 * {@link io.photosync.preflight.PreflightCommand} is {@code java -jar photosync.jar preflight}.
 */
package io.photosync.preflight;
