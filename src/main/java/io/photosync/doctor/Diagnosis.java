package io.photosync.doctor;

import io.photosync.sync.DirectoryUser;
import java.util.List;

/**
 * The photo doctor's findings about one person, in the order a person reads them.
 *
 * @param user who was examined; null when the directory has nobody with that id
 * @param syncWouldHelp whether "sync" fixes what was found (the source photo exists and SharePoint lags behind)
 */
public record Diagnosis(DirectoryUser user, List<Finding> findings, boolean syncWouldHelp) {

    /** What the doctor looks at. */
    public enum Check { ACCOUNT, GUEST, MAILBOX, SOURCE_PHOTO, SHAREPOINT_PROFILE, PICTURE_URL, PLACEHOLDER, RENDITION, SINCE_LAST_SYNC, TENANT_POLICY }

    public enum Status { OK, PROBLEM, INFO }

    /**
     * One check's result.
     *
     * @param variant which message describes it (e.g. {@code on-premises} for the tenant policy); "" for the plain one
     * @param detail a value the message names (an address, a date); may be null
     */
    public record Finding(Check check, Status status, String variant, String detail) {
    }

    public boolean healthy() {
        return findings.stream().noneMatch(finding -> finding.status() == Status.PROBLEM);
    }
}
