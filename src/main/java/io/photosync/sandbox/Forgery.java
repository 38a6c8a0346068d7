package io.photosync.sandbox;

/** Ways a Bot Framework channel token can be wrong, for tests of the bot's validation; {@code NONE} is the genuine article. */
public enum Forgery {
    NONE, WRONG_AUDIENCE, WRONG_ISSUER, WRONG_SERVICE_URL, NO_SERVICE_URL, EXPIRED, NOT_YET_VALID, BAD_SIGNATURE, UNKNOWN_KEY, ALG_NONE,
    HS256_WITH_PUBLIC_KEY
}
