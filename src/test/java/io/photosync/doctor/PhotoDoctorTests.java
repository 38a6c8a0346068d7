package io.photosync.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.doctor.Diagnosis.Check;
import io.photosync.doctor.Diagnosis.Finding;
import io.photosync.doctor.Diagnosis.Status;
import io.photosync.sandbox.Personas;
import io.photosync.sync.FakeTenant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhotoDoctorTests {

    private final FakeTenant tenant = new FakeTenant();
    private PhotoInspection.PolicyReading policy = new PhotoInspection.PolicyUnreadable(PhotoInspection.Unreadable.NO_PERMISSION, 403);
    private final PhotoInspection microsoft365 = new PhotoInspection() {
        @Override
        public SourcePhotoState sourcePhoto(String objectId) {
            return tenant.photoOf(objectId).map(photo -> new SourcePhotoState(true, photo.etag(), false))
                    .orElseGet(() -> new SourcePhotoState(false, null, false));
        }

        @Override
        public PolicyReading photoPolicy() {
            return policy;
        }
    };
    private final PhotoDoctor doctor = new PhotoDoctor(tenant, microsoft365, tenant, subjectId -> Optional.empty());

    @Test
    void anUnknownAccountIsTheOnlyFinding() {
        Diagnosis diagnosis = doctor.examine("nobody");

        assertThat(diagnosis.user()).isNull();
        assertThat(diagnosis.findings()).containsExactly(new Finding(Check.ACCOUNT, Status.PROBLEM, "", "nobody"));
        assertThat(diagnosis.syncWouldHelp()).isFalse();
    }

    @Test
    void anUnreadablePolicyIsSaidAndTheRestStillChecked() {
        tenant.add("u1", "adele@contoso.com", false, Personas.byId(Personas.ADELE).photo(), true);

        Diagnosis diagnosis = doctor.examine("u1");

        assertThat(diagnosis.findings()).extracting(Finding::check).containsExactly(Check.ACCOUNT, Check.SOURCE_PHOTO,
                Check.SHAREPOINT_PROFILE, Check.PICTURE_URL, Check.PLACEHOLDER, Check.SINCE_LAST_SYNC, Check.TENANT_POLICY);
        assertThat(diagnosis.findings().get(6)).isEqualTo(new Finding(Check.TENANT_POLICY, Status.INFO, "unreadable", null));
        assertThat(diagnosis.syncWouldHelp()).isTrue();
        policy = new PhotoInspection.PhotoPolicy("cloud", List.of());
        assertThat(doctor.examine("u1").findings().get(6).status()).isEqualTo(Status.OK);
    }

    @Test
    void aPolicyAnswerOfAnUnknownShapeIsNeverTakenForAllowed() {
        tenant.add("u1", "adele@contoso.com", false, Personas.byId(Personas.ADELE).photo(), true);
        policy = new PhotoInspection.PolicyUnreadable(PhotoInspection.Unreadable.SHAPE, 200);

        assertThat(doctor.examine("u1").findings().get(6)).isEqualTo(new Finding(Check.TENANT_POLICY, Status.INFO, "shape", "200"));
        policy = new PhotoInspection.PolicyUnreadable(PhotoInspection.Unreadable.NOT_OFFERED, 404);
        assertThat(doctor.examine("u1").findings().get(6)).isEqualTo(new Finding(Check.TENANT_POLICY, Status.INFO, "not-offered", "404"));
    }
}
