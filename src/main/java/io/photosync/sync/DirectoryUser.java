package io.photosync.sync;

/**
 * A user as the directory (Entra ID) knows them.
 *
 * @param mail the primary SMTP address; null for people without a mailbox
 * @param jobTitle and {@code department}: what tells two people of the same name apart; may be null
 * @param preferredDataLocation the geo of a multi-geo tenant that holds their data ({@code EUR},
 *        {@code APC}, …); null for the tenant's central geo, and in a tenant of one geo
 */
public record DirectoryUser(String objectId, String userPrincipalName, String displayName, boolean guest,
                            String mail, String jobTitle, String department, String preferredDataLocation) {

    DirectoryUser(String objectId, String userPrincipalName, String displayName, boolean guest) {
        this(objectId, userPrincipalName, displayName, guest, null, null, null, null);
    }

    /** The claims-encoded account name SharePoint's user profile service expects. */
    public String accountName() {
        return "i:0#.f|membership|" + userPrincipalName;
    }
}
