package io.photosync.sandbox;

/** A Teams SSO token as Teams would hand it over, or one of the ways such a token can be wrong. */
public enum SsoToken { VALID, OTHER_AUDIENCE, EXPIRED, OTHER_TENANT, FORGED_SIGNATURE }
