package io.photosync.doctor;

import io.photosync.doctor.Diagnosis.Check;
import io.photosync.doctor.Diagnosis.Finding;
import io.photosync.doctor.Diagnosis.Status;
import java.util.List;

/** What the photo doctor reads from Microsoft 365 besides the photo itself. */
public interface PhotoInspection {

    /** Graph's view of the person's photo: whether there is one, its ETag, or why there cannot be one. */
    SourcePhotoState sourcePhoto(String objectId);

    /** The tenant's photo policy ({@code photoUpdateSettings}), or why it could not be read. */
    PolicyReading photoPolicy();

    /**
     * @param present whether Microsoft 365 has a photo of the person
     * @param etag its {@code @odata.mediaEtag}; null without a photo
     * @param noMailbox Graph said the person has no Exchange Online mailbox
     */
    record SourcePhotoState(boolean present, String etag, boolean noMailbox) {
    }

    /** What reading the tenant's photo policy gave: the policy, or why there is none to show. */
    sealed interface PolicyReading {
        /** What the doctor says about it. */
        Finding finding();
    }

    /**
     * @param source where photos are managed: {@code cloud} or {@code onPremises}
     * @param allowedRoles the directory roles that may change photos; empty means everyone may change their own
     */
    record PhotoPolicy(String source, List<String> allowedRoles) implements PolicyReading {
        @Override
        public Finding finding() {
            if ("onPremises".equalsIgnoreCase(source)) {
                return new Finding(Check.TENANT_POLICY, Status.PROBLEM, "on-premises", null);
            }
            if (!allowedRoles.isEmpty()) {
                return new Finding(Check.TENANT_POLICY, Status.INFO, "roles", String.valueOf(allowedRoles.size()));
            }
            return new Finding(Check.TENANT_POLICY, Status.OK, "", null);
        }
    }

    /**
     * The policy could not be read.
     *
     * @param status Graph's HTTP status (200 when the answer came but its shape was not understood)
     */
    record PolicyUnreadable(Unreadable why, int status) implements PolicyReading {
        @Override
        public Finding finding() {
            return switch (why) {
                case NO_PERMISSION -> new Finding(Check.TENANT_POLICY, Status.INFO, "unreadable", null);
                case NOT_OFFERED -> new Finding(Check.TENANT_POLICY, Status.INFO, "not-offered", String.valueOf(status));
                case SHAPE -> new Finding(Check.TENANT_POLICY, Status.INFO, "shape", String.valueOf(status));
            };
        }
    }

    enum Unreadable {
        /** PhotoSync lacks {@code PeopleSettings.Read.All} (403). */
        NO_PERMISSION,
        /** Graph has no such setting here (404 or 400: the beta API is absent in some clouds). */
        NOT_OFFERED,
        /** An answer came whose shape PhotoSync does not know; it is not taken to mean "allowed". */
        SHAPE
    }
}
