package io.photosync.identity;

import java.util.Optional;

/** Delegated access tokens, looked up by the person they were issued to and nothing else. */
public interface UserTokens {

    /** A usable access token of this person for the scope (e.g. {@code https://contoso-my.sharepoint.com/.default}). */
    Optional<String> accessToken(String objectId, String scope);
}
