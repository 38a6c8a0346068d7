package io.photosync.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimGroup;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.DirectoryGroup;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.SourcePhoto;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Graph client (Microsoft's Graph SDK underneath) against the simulated Graph. */
@PhotoSyncIntegrationTest
class GraphIntegrationTests {

    @Autowired
    GraphClient graph;

    @Autowired
    SimulatedTenant tenant;

    @Test
    void findsUsersByIdAndByUpnAndKnowsGuests() {
        assertThat(graph.findUser(Personas.ADELE)).hasValueSatisfying(user -> {
            assertThat(user.userPrincipalName()).isEqualTo("adelev@" + Personas.DOMAIN);
            assertThat(user.guest()).isFalse();
        });
        assertThat(graph.findUser("patti.o'fernandez@" + Personas.DOMAIN)).hasValueSatisfying(user ->
                assertThat(user.objectId()).isEqualTo(Personas.PATTI));
        assertThat(graph.findUser(Personas.JOHN_GUEST)).hasValueSatisfying(user -> assertThat(user.guest()).isTrue());
        assertThat(graph.findUser("00000000-0000-0000-0000-000000000404")).isEmpty();
    }

    @Test
    void findsGroupsByNameOrStartWithoutLettingTheNameWidenTheSearch() {
        assertThat(graph.findGroups("sales and marketing", 6)).extracting(DirectoryGroup::displayName).containsExactly("Sales and Marketing");
        assertThat(graph.findGroups("Sales", 6)).extracting(DirectoryGroup::displayName).containsExactlyInAnyOrder("Sales and Marketing", "Sales Interns");
        assertThat(graph.findGroups("Finance", 6)).isEmpty();
        tenant.addGroup(java.util.UUID.randomUUID().toString(), "O'Fernandez Fan Club");
        assertThat(graph.findGroups("O'Fernandez", 6)).extracting(DirectoryGroup::displayName).containsExactly("O'Fernandez Fan Club");
        // Unescaped, this would read as "... or startswith(displayName,'H')" and find the Helpdesk.
        assertThat(graph.findGroups("x') or startswith(displayName,'H", 6)).isEmpty();
    }

    @Test
    void listsEveryMemberThroughNestedGroupsOnceAcrossPages() {
        assertThat(graph.transitiveMembers(Personas.SALES_AND_MARKETING_GROUP)).extracting(DirectoryUser::objectId)
                .containsExactly(Personas.MEGAN, Personas.ADELE, Personas.PATTI, Personas.JOHN_GUEST, Personas.LIDIA);
        SimGroup everyone = tenant.addGroup(java.util.UUID.randomUUID().toString(), "Paging test " + System.nanoTime());
        for (int i = 0; i < 1_234; i++) {
            everyone.add(tenant.addUser(java.util.UUID.randomUUID().toString(), "paging" + i + "." + System.nanoTime() + "@" + Personas.DOMAIN, "Paging " + i, false));
        }
        tenant.clearReceivedRequests();

        assertThat(graph.transitiveMembers(everyone.id())).hasSize(1_234).doesNotHaveDuplicates();
        assertThat(tenant.receivedRequests()).filteredOn(r -> r.path().contains("/transitiveMembers/")).hasSize(2);
        assertThat(graph.transitiveMembers(java.util.UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void findsPeopleByAddressOrTheStartOfTheirName() {
        assertThat(graph.find("ADELEV@" + Personas.DOMAIN, 6)).extracting(DirectoryUser::objectId).containsExactly(Personas.ADELE);
        tenant.user(Personas.NESTOR).setMail("nestor.wilke@contoso.com");
        assertThat(graph.find("nestor.wilke@contoso.com", 6)).singleElement().satisfies(nestor -> {
            assertThat(nestor.objectId()).isEqualTo(Personas.NESTOR);
            assertThat(nestor.jobTitle()).isEqualTo("Director");
            assertThat(nestor.department()).isEqualTo("Operations");
        });
        assertThat(graph.find("a", 6)).extracting(DirectoryUser::displayName).containsExactlyInAnyOrder("Alex Wilber", "Adele Vance");
        assertThat(graph.find("Patti O'F", 6)).extracting(DirectoryUser::objectId).containsExactly(Personas.PATTI);
        assertThat(graph.find("nobody@" + Personas.DOMAIN, 6)).isEmpty();
    }

    @Test
    void hostileNamesFindThemselvesAndNothingElse() {
        for (String name : java.util.List.of("Zoë \"Zee\" O'Brien-Ñúñez", "100% Real #1 Person", "Back\\slash & Ampersand", "日本 太郎")) {
            String id = tenant.addUser(java.util.UUID.randomUUID().toString(), "hostile" + System.nanoTime() + "@" + Personas.DOMAIN, name, false).id();
            assertThat(graph.find(name, 6)).as(name).extracting(DirectoryUser::objectId).containsExactly(id);
        }
        assertThat(graph.find("x' or startswith(displayName,'A", 6)).isEmpty();
        assertThat(graph.find("x') or (displayName eq 'Alex Wilber", 6)).isEmpty();
        assertThat(graph.find("%", 6)).isEmpty();
    }

    @Test
    void suggestsPeopleWhoseNameOrAddressStartsLikeAWordTyped() {
        assertThat(graph.suggest("megan.b@contoso.com", 5)).extracting(DirectoryUser::objectId).contains(Personas.MEGAN);
        assertThat(graph.suggest("Wilke Nestor", 5)).extracting(DirectoryUser::objectId).contains(Personas.NESTOR);
        assertThat(graph.suggest("\"", 5)).isEmpty();
    }

    @Test
    void theSimulatedGraphRefusesSearchWithoutConsistencyLevelEventualAsGraphDoes(@Autowired okhttp3.OkHttpClient http,
            @Autowired io.photosync.identity.TokenProvider tokens) throws Exception {
        String url = tenant.graphBaseUrl() + "/users?$search=" + java.net.URLEncoder.encode("\"displayName:megan\"", java.nio.charset.StandardCharsets.UTF_8);
        okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(url)
                .header("Authorization", "Bearer " + tokens.accessToken(tenant.baseUrl() + "/graph/.default"));

        try (okhttp3.Response plain = http.newCall(request.build()).execute()) {
            assertThat(plain.code()).isEqualTo(400);
            assertThat(plain.body().string()).contains("Request_UnsupportedQuery").contains("ConsistencyLevel: eventual");
        }
        try (okhttp3.Response eventual = http.newCall(request.header("ConsistencyLevel", "eventual").build()).execute()) {
            assertThat(eventual.code()).isEqualTo(200);
            assertThat(eventual.body().string()).contains(Personas.MEGAN);
        }
    }

    @Test
    void tellsWhichGroupsSomeoneIsInThroughNestedGroups() {
        java.util.List<String> groups = java.util.List.of(Personas.HELPDESK_GROUP, Personas.SALES_AND_MARKETING_GROUP, Personas.SALES_INTERNS_GROUP);

        assertThat(graph.memberOf(Personas.LIDIA, groups)).containsExactlyInAnyOrder(Personas.SALES_AND_MARKETING_GROUP, Personas.SALES_INTERNS_GROUP);
        assertThat(graph.memberOf(Personas.ALEX, groups)).containsExactly(Personas.HELPDESK_GROUP);
        assertThat(graph.memberOf(Personas.LYNNE, groups)).isEmpty();
    }

    @Test
    void listsEnabledMembersPageByPage() {
        tenant.addUser(java.util.UUID.randomUUID().toString(), "left" + System.nanoTime() + "@" + Personas.DOMAIN, "Left The Company", false)
                .setAccountEnabled(false);
        java.util.List<java.util.List<DirectoryUser>> pages = new java.util.ArrayList<>();

        graph.forEachEnabledMember(pages::add);

        java.util.List<DirectoryUser> everyone = pages.stream().flatMap(java.util.List::stream).toList();
        assertThat(everyone).extracting(DirectoryUser::objectId).contains(Personas.ADELE, Personas.LYNNE).doesNotContain(Personas.JOHN_GUEST)
                .doesNotHaveDuplicates().hasSize(tenant.users().stream().filter(u -> !u.guest() && u.accountEnabled()).toList().size());
        assertThat(everyone).noneMatch(user -> user.displayName().equals("Left The Company"));
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(999));
    }

    @Test
    void readsPhotoMetadataInOneBatchMatchedByIdAndRetriesAThrottledRequestAlone() {
        java.util.List<String> people = java.util.List.of(Personas.ADELE, Personas.LYNNE, Personas.MEGAN, Personas.ISAIAH, Personas.PATTI);
        tenant.clearReceivedRequests();
        tenant.throttle(SimulatedTenant.Api.GRAPH, 1, java.time.Duration.ofSeconds(1));

        java.util.Map<String, io.photosync.sync.TenantDirectory.PhotoMetadata> metadata = graph.photoMetadata(people);

        assertThat(metadata).containsOnlyKeys(people);
        assertThat(metadata.get(Personas.ADELE)).isEqualTo(new io.photosync.sync.TenantDirectory.PhotoMetadata(true, tenant.user(Personas.ADELE).photoEtag()));
        assertThat(metadata.get(Personas.MEGAN).etag()).isEqualTo(tenant.user(Personas.MEGAN).photoEtag());
        assertThat(metadata.get(Personas.LYNNE)).isEqualTo(new io.photosync.sync.TenantDirectory.PhotoMetadata(false, null));
        assertThat(tenant.receivedRequests()).filteredOn(r -> r.path().endsWith("/$batch")).as("the throttled one again, alone").hasSize(2);
    }

    @Test
    void readsThePhotoWithItsEtag() {
        SourcePhoto photo = graph.photoOf(Personas.ADELE).orElseThrow();

        assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.ADELE).photo());
        assertThat(photo.etag()).isEqualTo(tenant.user(Personas.ADELE).photoEtag()).isNotBlank();
    }

    @Test
    void fallsBackToTheOriginalWhenThe648SizeDoesNotExist() {
        assertThat(graph.photoOf(Personas.MEGAN)).hasValueSatisfying(photo ->
                assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.MEGAN).photo()));
    }

    @Test
    void reportsNoPhotoAsEmpty() {
        assertThat(graph.photoOf(Personas.LYNNE)).isEmpty();
    }
}
