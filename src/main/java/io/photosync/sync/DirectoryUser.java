package io.photosync.sync;

/**
 * A user as the directory (Entra ID) knows them.
 *
 * @param mail the primary SMTP address; null for people without a mailbox
 * @param jobTitle and {@code department}: what tells two people of the same name apart; may be null
 */
public record DirectoryUser(String objectId, String userPrincipalName, String displayName, boolean guest,
                            String mail, String jobTitle, String department) {

    DirectoryUser(String objectId, String userPrincipalName, String displayName, boolean guest) {
        this(objectId, userPrincipalName, displayName, guest, null, null, null);
    }

    /** The claims-encoded account name SharePoint's user profile service expects. */
    public String accountName() {
        return "i:0#.f|membership|" + userPrincipalName;
    }
}
