package io.photosync.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.sandbox.Personas;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.FakeTenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantScanTests {

    private static final byte[] PHOTO = Personas.byId(Personas.ADELE).photo();

    private final FakeTenant tenant = new FakeTenant();
    private final Map<String, String> synced = new HashMap<>();
    private final MemoryStore store = new MemoryStore();
    private final Pages pages = new Pages();
    private final TenantScan scan = new TenantScan(pages, tenant, subjectId -> Optional.ofNullable(synced.get(subjectId)), store);

    @Test
    void classifiesEveryoneAndReadsSharePointOnlyForThoseNeverSynced() {
        DirectoryUser current = tenant.add("current", "current@contoso.com", false, PHOTO, true);
        synced.put("current", "\"etag-current\"");
        DirectoryUser stale = tenant.add("stale", "stale@contoso.com", false, PHOTO, true);
        synced.put("stale", "\"an older etag\"");
        showPicture(stale);
        DirectoryUser missing = tenant.add("missing", "missing@contoso.com", false, PHOTO, true);
        DirectoryUser dangling = tenant.add("dangling", "dangling@contoso.com", false, PHOTO, true);
        tenant.profiles.get(dangling.accountName()).putAll(Map.of("PictureURL", FakeTenant.HOST + "/gone.jpg", "SPS-PicturePlaceholderState", "0"));
        DirectoryUser nothing = tenant.add("nothing", "nothing@contoso.com", false, null, true);
        DirectoryUser orphan = tenant.add("orphan", "orphan@contoso.com", false, null, true);
        showPicture(orphan);
        DirectoryUser unknown = tenant.add("unknown", "unknown@contoso.com", false, PHOTO, true);
        showPicture(unknown);
        DirectoryUser noProfile = tenant.add("noprofile", "noprofile@contoso.com", false, PHOTO, false);
        pages.pages = List.of(List.of(current, stale, missing, dangling), List.of(nothing, orphan, unknown, noProfile));

        scan.run("run");

        assertThat(store.classes).containsExactlyInAnyOrderEntriesOf(new LinkedHashMap<>(Map.of(
                "current", ScanClass.CURRENT, "stale", ScanClass.STALE, "missing", ScanClass.MISSING, "dangling", ScanClass.MISSING,
                "nothing", ScanClass.NO_SOURCE_PHOTO, "orphan", ScanClass.ORPHANED, "unknown", ScanClass.STALE, "noprofile", ScanClass.SKIPPED)));
        assertThat(store.details.get("dangling")).isEqualTo("PictureURL names a missing file");
        assertThat(store.details.get("unknown")).isEqualTo("never synced by PhotoSync");
        assertThat(tenant.profileLookups).as("a recorded sync answers for SharePoint").doesNotContain("current", "stale")
                .contains("missing", "dangling", "unknown");
        assertThat(store.details.get("stale")).isEqualTo("photo changed since the last sync");
        assertThat(store.done).isTrue();
    }

    @Test
    void resumesFromTheSavedPageAfterAFailure() {
        List<List<DirectoryUser>> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<DirectoryUser> members = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                members.add(tenant.add("p" + page + "u" + i, "p" + page + "u" + i + "@contoso.com", false, PHOTO, true));
            }
            all.add(members);
        }
        pages.pages = all;
        pages.failOnPage = 1;

        assertThatThrownBy(() -> scan.run("run")).hasMessageContaining("page 1");
        assertThat(store.cursor("run")).hasValue("1");
        assertThat(store.classes).hasSize(25);

        pages.failOnPage = -1;
        scan.run("run");

        assertThat(store.classes).hasSize(75);
        assertThat(pages.requested).containsExactly("first", "1", "1", "2");
        assertThat(store.done).isTrue();
    }

    private void showPicture(DirectoryUser user) {
        String url = FakeTenant.HOST + "/User%20Photos/Profile%20Pictures/" + user.objectId() + "_MThumb.jpg";
        tenant.files.put(url, new byte[] {1});
        tenant.profiles.get(user.accountName()).putAll(Map.of("PictureURL", url, "SPS-PicturePlaceholderState", "0"));
    }

    /** Pages of members; the cursor is the next page's number. */
    private final class Pages implements TenantDirectory {
        List<List<DirectoryUser>> pages = List.of();
        int failOnPage = -1;
        final List<String> requested = new ArrayList<>();

        @Override
        public MemberPage enabledMembers(String cursor) {
            int number = cursor == null ? 0 : Integer.parseInt(cursor);
            requested.add(cursor == null ? "first" : cursor);
            if (number == failOnPage) {
                throw new IllegalStateException("Graph failed on page " + number);
            }
            return new MemberPage(pages.get(number), number + 1 < pages.size() ? String.valueOf(number + 1) : null);
        }

        @Override
        public Map<String, PhotoMetadata> photoMetadata(List<String> objectIds) {
            assertThat(objectIds).hasSizeLessThanOrEqualTo(BATCH);
            Map<String, PhotoMetadata> found = new HashMap<>();
            objectIds.forEach(id -> found.put(id, tenant.photoOf(id).map(photo -> new PhotoMetadata(true, photo.etag())).orElse(new PhotoMetadata(false, null))));
            return found;
        }
    }

    private static final class MemoryStore implements ScanStore {
        final Map<String, ScanClass> classes = new LinkedHashMap<>();
        final Map<String, String> details = new HashMap<>();
        String cursor;
        boolean done;

        @Override
        public void save(List<Finding> findings) {
            findings.forEach(finding -> {
                classes.put(finding.user().objectId(), finding.scanClass());
                details.put(finding.user().objectId(), finding.detail());
            });
        }

        @Override
        public Optional<String> cursor(String runId) {
            return Optional.ofNullable(cursor);
        }

        @Override
        public void pageDone(String runId, String next) {
            cursor = next;
            done = next == null;
        }
    }
}
