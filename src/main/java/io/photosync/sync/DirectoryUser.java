package io.photosync.sync;

/** A user as the directory (Entra ID) knows them. */
public record DirectoryUser(String objectId, String userPrincipalName, String displayName, boolean guest) {

    /** The claims-encoded account name SharePoint's user profile service expects. */
    public String accountName() {
        return "i:0#.f|membership|" + userPrincipalName;
    }
}
