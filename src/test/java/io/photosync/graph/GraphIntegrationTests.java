package io.photosync.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.TokenProvider;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimGroup;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.scan.TenantDirectory;
import io.photosync.sync.DirectoryGroup;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.SourcePhoto;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Graph client (Microsoft's Graph SDK underneath) against the simulated Graph. */
@PhotoSyncIntegrationTest
class GraphIntegrationTests {

    @Autowired
    GraphUsers users;

    @Autowired
    GraphGroups groups;

    @Autowired
    GraphPhotos photos;

    @Autowired
    GraphMembers members;

    @Autowired
    SimulatedTenant tenant;

    @Test
    void findsUsersByIdAndByUpnAndKnowsGuests() {
        assertThat(users.findUser(Personas.ADELE)).hasValueSatisfying(user -> {
            assertThat(user.userPrincipalName()).isEqualTo("adelev@" + Personas.DOMAIN);
            assertThat(user.guest()).isFalse();
        });
        assertThat(users.findUser("patti.o'fernandez@" + Personas.DOMAIN)).hasValueSatisfying(user ->
                assertThat(user.objectId()).isEqualTo(Personas.PATTI));
        assertThat(users.findUser(Personas.JOHN_GUEST)).hasValueSatisfying(user -> assertThat(user.guest()).isTrue());
        assertThat(users.findUser("00000000-0000-0000-0000-000000000404")).isEmpty();
    }

    @Test
    void findsGroupsByNameOrStartWithoutLettingTheNameWidenTheSearch() {
        assertThat(groups.findGroups("sales and marketing", 6)).extracting(DirectoryGroup::displayName).containsExactly("Sales and Marketing");
        assertThat(groups.findGroups("Sales", 6)).extracting(DirectoryGroup::displayName).containsExactlyInAnyOrder("Sales and Marketing", "Sales Interns");
        assertThat(groups.findGroups("Finance", 6)).isEmpty();
        tenant.addGroup(UUID.randomUUID().toString(), "O'Fernandez Fan Club");
        assertThat(groups.findGroups("O'Fernandez", 6)).extracting(DirectoryGroup::displayName).containsExactly("O'Fernandez Fan Club");
        // Unescaped, this would read as "... or startswith(displayName,'H')" and find the Helpdesk.
        assertThat(groups.findGroups("x') or startswith(displayName,'H", 6)).isEmpty();
    }

    @Test
    void listsEveryMemberThroughNestedGroupsOnceAcrossPages() {
        assertThat(groups.transitiveMembers(Personas.SALES_AND_MARKETING_GROUP)).extracting(DirectoryUser::objectId)
                .containsExactly(Personas.MEGAN, Personas.ADELE, Personas.PATTI, Personas.JOHN_GUEST, Personas.LIDIA);
        SimGroup everyone = tenant.addGroup(UUID.randomUUID().toString(), "Paging test " + System.nanoTime());
        for (int i = 0; i < 1_234; i++) {
            everyone.add(tenant.addUser(UUID.randomUUID().toString(), "paging" + i + "." + System.nanoTime() + "@" + Personas.DOMAIN, "Paging " + i, false));
        }
        tenant.clearReceivedRequests();

        assertThat(groups.transitiveMembers(everyone.id())).hasSize(1_234).doesNotHaveDuplicates();
        assertThat(tenant.receivedRequests()).filteredOn(r -> r.path().contains("/transitiveMembers/")).hasSize(2);
        assertThat(groups.transitiveMembers(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void findsPeopleByAddressOrTheStartOfTheirName() {
        assertThat(users.find("ADELEV@" + Personas.DOMAIN, 6)).extracting(DirectoryUser::objectId).containsExactly(Personas.ADELE);
        tenant.user(Personas.NESTOR).setMail("nestor.wilke@contoso.com");
        assertThat(users.find("nestor.wilke@contoso.com", 6)).singleElement().satisfies(nestor -> {
            assertThat(nestor.objectId()).isEqualTo(Personas.NESTOR);
            assertThat(nestor.jobTitle()).isEqualTo("Director");
            assertThat(nestor.department()).isEqualTo("Operations");
        });
        assertThat(users.find("a", 6)).extracting(DirectoryUser::displayName).containsExactlyInAnyOrder("Alex Wilber", "Adele Vance");
        assertThat(users.find("Patti O'F", 6)).extracting(DirectoryUser::objectId).containsExactly(Personas.PATTI);
        assertThat(users.find("nobody@" + Personas.DOMAIN, 6)).isEmpty();
    }

    @Test
    void hostileNamesFindThemselvesAndNothingElse() {
        for (String name : List.of("Zoë \"Zee\" O'Brien-Ñúñez", "100% Real #1 Person", "Back\\slash & Ampersand", "日本 太郎")) {
            String id = tenant.addUser(UUID.randomUUID().toString(), "hostile" + System.nanoTime() + "@" + Personas.DOMAIN, name, false).id();
            assertThat(users.find(name, 6)).as(name).extracting(DirectoryUser::objectId).containsExactly(id);
        }
        assertThat(users.find("x' or startswith(displayName,'A", 6)).isEmpty();
        assertThat(users.find("x') or (displayName eq 'Alex Wilber", 6)).isEmpty();
        assertThat(users.find("%", 6)).isEmpty();
    }

    @Test
    void suggestsPeopleWhoseNameOrAddressStartsLikeAWordTyped() {
        assertThat(users.suggest("megan.b@contoso.com", 5)).extracting(DirectoryUser::objectId).contains(Personas.MEGAN);
        assertThat(users.suggest("Wilke Nestor", 5)).extracting(DirectoryUser::objectId).contains(Personas.NESTOR);
        assertThat(users.suggest("\"", 5)).isEmpty();
    }

    @Test
    void theSimulatedGraphRefusesSearchWithoutConsistencyLevelEventualAsGraphDoes(@Autowired OkHttpClient http,
            @Autowired TokenProvider tokens) throws Exception {
        String url = tenant.graphBaseUrl() + "/users?$search=" + URLEncoder.encode("\"displayName:megan\"", StandardCharsets.UTF_8);
        Request.Builder request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + tokens.accessToken(tenant.baseUrl() + "/graph/.default"));

        try (Response plain = http.newCall(request.build()).execute()) {
            assertThat(plain.code()).isEqualTo(400);
            assertThat(plain.body().string()).contains("Request_UnsupportedQuery").contains("ConsistencyLevel: eventual");
        }
        try (Response eventual = http.newCall(request.header("ConsistencyLevel", "eventual").build()).execute()) {
            assertThat(eventual.code()).isEqualTo(200);
            assertThat(eventual.body().string()).contains(Personas.MEGAN);
        }
    }

    @Test
    void tellsWhichGroupsSomeoneIsInThroughNestedGroups() {
        List<String> asked = List.of(Personas.HELPDESK_GROUP, Personas.SALES_AND_MARKETING_GROUP, Personas.SALES_INTERNS_GROUP);

        assertThat(groups.memberOf(Personas.LIDIA, asked)).containsExactlyInAnyOrder(Personas.SALES_AND_MARKETING_GROUP, Personas.SALES_INTERNS_GROUP);
        assertThat(groups.memberOf(Personas.ALEX, asked)).containsExactly(Personas.HELPDESK_GROUP);
        assertThat(groups.memberOf(Personas.LYNNE, asked)).isEmpty();
    }

    @Test
    void listsEnabledMembersPageByPage() {
        tenant.addUser(UUID.randomUUID().toString(), "left" + System.nanoTime() + "@" + Personas.DOMAIN, "Left The Company", false)
                .setAccountEnabled(false);
        List<List<DirectoryUser>> pages = new ArrayList<>();

        members.forEachEnabledMember(pages::add);

        List<DirectoryUser> everyone = pages.stream().flatMap(List::stream).toList();
        assertThat(everyone).extracting(DirectoryUser::objectId).contains(Personas.ADELE, Personas.LYNNE).doesNotContain(Personas.JOHN_GUEST)
                .doesNotHaveDuplicates().hasSize(tenant.users().stream().filter(u -> !u.guest() && u.accountEnabled()).toList().size());
        assertThat(everyone).noneMatch(user -> user.displayName().equals("Left The Company"));
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(999));
    }

    @Test
    void readsPhotoMetadataInOneBatchMatchedByIdAndRetriesAThrottledRequestAlone() {
        List<String> people = List.of(Personas.ADELE, Personas.LYNNE, Personas.MEGAN, Personas.ISAIAH, Personas.PATTI);
        tenant.clearReceivedRequests();
        tenant.throttle(Api.GRAPH, 1, Duration.ofSeconds(1));

        Map<String, TenantDirectory.PhotoMetadata> metadata = members.photoMetadata(people);

        assertThat(metadata).containsOnlyKeys(people);
        assertThat(metadata.get(Personas.ADELE)).isEqualTo(new TenantDirectory.PhotoMetadata(true, tenant.user(Personas.ADELE).photoEtag()));
        assertThat(metadata.get(Personas.MEGAN).etag()).isEqualTo(tenant.user(Personas.MEGAN).photoEtag());
        assertThat(metadata.get(Personas.LYNNE)).isEqualTo(new TenantDirectory.PhotoMetadata(false, null));
        assertThat(tenant.receivedRequests()).filteredOn(r -> r.path().endsWith("/$batch")).as("the throttled one again, alone").hasSize(2);
    }

    @Test
    void readsThePhotoWithItsEtag() {
        SourcePhoto photo = photos.photoOf(Personas.ADELE).orElseThrow();

        assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.ADELE).photo());
        assertThat(photo.etag()).isEqualTo(tenant.user(Personas.ADELE).photoEtag()).isNotBlank();
    }

    @Test
    void fallsBackToTheOriginalWhenThe648SizeDoesNotExist() {
        assertThat(photos.photoOf(Personas.MEGAN)).hasValueSatisfying(photo ->
                assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.MEGAN).photo()));
    }

    @Test
    void reportsNoPhotoAsEmpty() {
        assertThat(photos.photoOf(Personas.LYNNE)).isEmpty();
    }
}
