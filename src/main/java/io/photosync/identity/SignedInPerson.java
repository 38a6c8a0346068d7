package io.photosync.identity;

import java.util.Set;

/** A person as their validated Teams SSO token identified them. */
public record SignedInPerson(String objectId, String userPrincipalName, Set<String> roles) {
}
