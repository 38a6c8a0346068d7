package io.photosync.jobs;

/**
 * Someone a sync job is about or for, as far as the request knew them: the object id always, the
 * UPN and display name when they were at hand (a helpdesk sync knows both; a Teams message knows
 * the sender's name but not their UPN).
 */
public record JobPerson(String objectId, String userPrincipalName, String displayName) {

    public static JobPerson id(String objectId) {
        return new JobPerson(objectId, null, null);
    }
}
