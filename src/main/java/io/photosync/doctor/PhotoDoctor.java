package io.photosync.doctor;

import io.photosync.doctor.Diagnosis.Check;
import io.photosync.doctor.Diagnosis.Finding;
import io.photosync.doctor.Diagnosis.Status;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.ProfileSite;
import io.photosync.sync.SyncHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Why is my photo not showing?": checks, in order, everything that decides whether SharePoint
 * shows a person's Microsoft 365 photo, and says which one is wrong. It reads and never writes.
 */
public final class PhotoDoctor {

    private final Directory directory;
    private final PhotoInspection microsoft365;
    private final ProfilePhotoStore sharePoint;
    private final SyncHistory history;

    public PhotoDoctor(Directory directory, PhotoInspection microsoft365, ProfilePhotoStore sharePoint, SyncHistory history) {
        this.directory = directory;
        this.microsoft365 = microsoft365;
        this.sharePoint = sharePoint;
        this.history = history;
    }

    public Diagnosis examine(String objectId) {
        List<Finding> findings = new ArrayList<>();
        Optional<DirectoryUser> found = directory.findUser(objectId);
        if (found.isEmpty()) {
            findings.add(new Finding(Check.ACCOUNT, Status.PROBLEM, "", objectId));
            return new Diagnosis(null, findings, false);
        }
        DirectoryUser user = found.get();
        if (user.guest()) {
            findings.add(new Finding(Check.GUEST, Status.PROBLEM, "", user.userPrincipalName()));
            return new Diagnosis(user, findings, false);
        }
        findings.add(new Finding(Check.ACCOUNT, Status.OK, "", user.userPrincipalName()));
        PhotoInspection.SourcePhotoState source = microsoft365.sourcePhoto(objectId);
        if (source.noMailbox()) {
            findings.add(new Finding(Check.MAILBOX, Status.INFO, "", null));
        }
        findings.add(new Finding(Check.SOURCE_PHOTO, source.present() ? Status.OK : Status.PROBLEM, "", null));
        boolean lagging = examineSharePoint(user, source, findings);
        findings.add(microsoft365.photoPolicy().finding());
        return new Diagnosis(user, findings, source.present() && lagging);
    }

    /** The SharePoint side; true when SharePoint lags behind a photo Microsoft 365 has. */
    private boolean examineSharePoint(DirectoryUser user, PhotoInspection.SourcePhotoState source, List<Finding> findings) {
        Optional<ProfileSite> site = sharePoint.profileOf(user);
        // In a multi-geo tenant, the geo the profile was looked for in.
        String location = user.preferredDataLocation();
        if (site.isEmpty()) {
            findings.add(location == null ? new Finding(Check.SHAREPOINT_PROFILE, Status.PROBLEM, "", user.userPrincipalName())
                    : new Finding(Check.SHAREPOINT_PROFILE, Status.PROBLEM, "geo", location));
            return false;
        }
        findings.add(location == null ? new Finding(Check.SHAREPOINT_PROFILE, Status.OK, "", null)
                : new Finding(Check.SHAREPOINT_PROFILE, Status.OK, "geo", location + ", " + site.get().personalSiteHostUrl()));
        ProfilePicture picture = site.get().picture();
        boolean lagging = false;
        if (picture.pictureUrl() == null || picture.pictureUrl().isBlank()) {
            findings.add(new Finding(Check.PICTURE_URL, Status.PROBLEM, "", null));
            lagging = true;
        } else {
            findings.add(new Finding(Check.PICTURE_URL, Status.OK, "", null));
            boolean fileThere = sharePoint.readFile(site.get(), picture.fileUrl()).isPresent();
            findings.add(new Finding(Check.RENDITION, fileThere ? Status.OK : Status.PROBLEM, "", null));
            lagging |= !fileThere;
        }
        boolean placeholder = !"0".equals(picture.placeholderState());
        findings.add(new Finding(Check.PLACEHOLDER, placeholder ? Status.PROBLEM : Status.OK, "", null));
        lagging |= placeholder;
        if (source.present()) {
            Optional<String> synced = history.lastSyncedEtag(user.objectId());
            if (synced.isEmpty()) {
                findings.add(new Finding(Check.SINCE_LAST_SYNC, Status.INFO, "never", null));
            } else if (!synced.get().equals(source.etag())) {
                findings.add(new Finding(Check.SINCE_LAST_SYNC, Status.PROBLEM, "", null));
                lagging = true;
            } else {
                findings.add(new Finding(Check.SINCE_LAST_SYNC, Status.OK, "", null));
            }
        }
        return lagging;
    }

}
