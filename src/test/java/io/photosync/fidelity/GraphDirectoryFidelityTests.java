package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.sandbox.MicrosoftAnswer;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimGroup;
import io.photosync.sandbox.SimUser;
import io.photosync.scan.TenantDirectory;
import io.photosync.scan.TenantDirectory.PhotoMetadata;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.GroupDirectory;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.RemoteServiceException.Kind;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Microsoft Graph's directory and batch answers as Microsoft gave them ({@code graph-user-*},
 * {@code graph-users-*}, {@code graph-transitivemembers-*}, {@code graph-checkmembergroups-*},
 * {@code graph-batch-*}): the simulated Graph answers the same requests in the same shape, and
 * PhotoSync's directory clients, fed the real answers, find the right people.
 */
class GraphDirectoryFidelityTests extends ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    Directory directory;

    @Autowired
    PeopleSearch search;

    @Autowired
    GroupDirectory groups;

    @Autowired
    TenantDirectory members;

    // --- users ---

    @Test
    void aSelectAnswersOnlyWhatWasSelectedUnderAContextNamingIt() throws IOException {
        Corpus.Answer real = Corpus.read("graph-user-get-select-200.json");

        Simulated simulated = get("/users/adelev@" + Personas.DOMAIN + "?$select=id");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().path("@odata.context").asText()).endsWith("$metadata#users(id)/$entity");

        replay("/users/[^/]+", real.replayed(0));
        assertThat(directory.findUser("adelev@" + Personas.DOMAIN)).hasValueSatisfying(user -> {
            assertThat(user.objectId()).isEqualTo("0000000d-0000-4000-8000-00000000000d");
            assertThat(user.displayName()).isNull();
            assertThat(user.guest()).isFalse();
        });
    }

    @Test
    void aGuestsMailIsTheirOwnAddressNotNull() throws IOException {
        SimUser guest = tenant.addUser(UUID.randomUUID().toString(), "quinn_fabrikam.com#EXT#@" + Personas.DOMAIN, "Quinn Guest", true);

        Simulated simulated = get("/users/" + guest.id() + "?$select=id,mail,userType");

        assertThat(simulated.json().path("mail").asText()).isEqualTo("quinn@fabrikam.com");
        assertThat(directory.findUser(guest.id())).hasValueSatisfying(user -> {
            assertThat(user.guest()).isTrue();
            assertThat(user.mail()).isEqualTo("quinn@fabrikam.com");
        });
    }

    @Test
    void aListOfUsersHasMicrosoftsShapeAndEveryUserIsRead() throws IOException {
        Corpus.Answer real = Corpus.read("graph-users-list-200.json");
        SimUser person = NewPeople.add(tenant, "Lynne Listed", false, false);

        Simulated simulated = get("/users?$select=id,displayName,userPrincipalName&$filter=" + encode("userPrincipalName eq '" + person.userPrincipalName() + "'"));

        assertThat(simulated.status()).isEqualTo(real.status());
        // @odata.count comes only with $count=true and ConsistencyLevel: eventual, which PhotoSync never asks for.
        assertThat(Shapes.differences(real.json(0), simulated.json())).containsExactly("/@odata.count: missing (Microsoft: number)");

        replay("/users", real.replayed(0));
        assertThat(search.find("Lynne", 5)).extracting(DirectoryUser::displayName, DirectoryUser::userPrincipalName)
                .containsExactly(tuple("Lynne Robbins", "LynneR@contoso.com"));
    }

    @Test
    void anUnsupportedFilterIsRequestUnsupportedQueryAndAnOrdinaryRefusal() throws IOException {
        Corpus.Answer real = Corpus.read("graph-users-filter-400-unsupported.json");

        Simulated simulated = get("/users?$filter=" + encode("endswith(mail,'@contoso.com')"));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");
        assertThat(simulated.json().at("/error/message").asText()).isEqualTo(real.json(0).at("/error/message").asText());

        replay("/users", real.replayed(0));
        assertThatThrownBy(() -> search.find("Lynne", 5)).isInstanceOfSatisfying(RemoteServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("400 Request_UnsupportedQuery").contains("Unsupported Query.");
        });
    }

    @Test
    void aSearchWithoutConsistencyLevelIsRefusedAsMicrosoftSaysAndSuggestionsNeverBreakNoSuchUser() throws IOException {
        Corpus.Answer real = Corpus.read("graph-users-search-400-no-consistencylevel.json");

        Simulated simulated = get("/users?$search=" + encode("\"displayName:ali\""));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().at("/error/message").asText()).isEqualTo(real.json(0).at("/error/message").asText());

        // PhotoSync sends the header: the simulator, which enforces it, finds Megan ...
        assertThat(search.suggest("megan", 3)).extracting(DirectoryUser::displayName).contains("Megan Bowen");
        // ... and a tenant whose Graph refuses the search anyway still gets "no such user", without suggestions.
        replay("/users", real.replayed(0));
        assertThat(search.suggest("megan", 3)).isEmpty();
    }

    // --- groups ---

    @Test
    void transitiveMembersCastToUsersNameTheirTypeAndAreRead() throws IOException {
        Corpus.Answer real = Corpus.read("graph-transitivemembers-user-200.json");
        SimGroup group = tenant.addGroup(UUID.randomUUID().toString(), "Fidelity Group");
        group.add(NewPeople.add(tenant, "Group Member", false, false));

        Simulated simulated = get("/groups/" + group.id() + "/transitiveMembers/microsoft.graph.user?$select=id,mail");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();

        replay("/groups/[^/]+/transitiveMembers/(microsoft\\.)?graph\\.user", real.replayed(0));
        assertThat(groups.transitiveMembers(group.id())).extracting(DirectoryUser::objectId, DirectoryUser::mail)
                .containsExactly(tuple("11111111-2222-3333-4444-555555555555", "group1@contoso.com"));
    }

    @Test
    void theCastToGroupsIsRefusedAsReportedAndARefusedMemberListIsAFailureNotAnEmptyGroup() throws IOException {
        Corpus.Answer real = Corpus.read("graph-transitivemembers-group-cast-400.json");
        SimGroup group = tenant.addGroup(UUID.randomUUID().toString(), "Cast Group");

        Simulated simulated = get("/groups/" + group.id() + "/transitiveMembers/microsoft.graph.group");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();

        replay("/groups/[^/]+/transitiveMembers/(microsoft\\.)?graph\\.user", real.replayed(0));
        assertThatThrownBy(() -> groups.transitiveMembers(group.id())).isInstanceOfSatisfying(RemoteServiceException.class,
                e -> assertThat(e.getMessage()).contains("Request_UnsupportedQuery").contains("Invalid search request."));
    }

    @Test
    void checkMemberGroupsAnswersTheGroupsTheUserIsInAsACollectionOfStrings() throws IOException {
        Corpus.Answer real = Corpus.read("graph-checkmembergroups-200.json");
        SimUser person = NewPeople.add(tenant, "Member Check", false, false);
        SimGroup group = tenant.addGroup(UUID.randomUUID().toString(), "Checked Group").add(person);
        String body = MAPPER.createObjectNode().set("groupIds", MAPPER.createArrayNode().add(group.id()).add(UUID.randomUUID().toString())).toString();

        Simulated simulated = post("/users/" + person.id() + "/checkMemberGroups", body);

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().path("value")).extracting(JsonNode::asText).containsExactly(group.id());

        List<String> asked = new ArrayList<>();
        real.file().path("request").path("body").path("groupIds").forEach(id -> asked.add(id.asText()));
        tenant.replay("POST", Pattern.quote(tenant.graphBaseUrl()) + "/users/[^/]+/checkMemberGroups", real.replayed(0), 1);
        assertThat(groups.memberOf(person.id(), asked)).containsExactlyInAnyOrder("f448435d-3ca7-4073-8152-a1fd73c0fd09",
                "93670da6-d731-4366-94b5-abed40b6016b", "f5484ab1-4d4d-41ec-a9b8-754b3957bfc7", "c9103f26-f3cf-4004-a611-2a14e81b8f79");
    }

    // --- batches ---

    @Test
    void aBatchAnswersOutOfOrderWithErrorsInsideA200AndTheClientMatchesById() throws IOException {
        Corpus.Answer real = Corpus.read("graph-batch-user-get-outoforder.json");
        String requests = real.file().path("request").path("body").toString();

        Simulated simulated = post("/$batch", requests);

        assertThat(simulated.status()).isEqualTo(real.status());
        Map<String, JsonNode> simulatedById = byId(simulated.json());
        Map<String, JsonNode> realById = byId(real.json(0));
        assertThat(simulatedById.keySet()).isEqualTo(realById.keySet());
        assertThat(simulated.json().at("/responses/0/id").asText()).as("answered out of order, as recorded").isEqualTo("2");
        for (String id : realById.keySet()) {
            assertThat(simulatedById.get(id).path("status")).isEqualTo(realById.get(id).path("status"));
            // Sub-response headers differ by service (Cache-Control, x-ms-resource-unit, OData-Version); PhotoSync reads none but Retry-After.
            assertThat(Shapes.differences(realById.get(id), simulatedById.get(id))).allMatch(difference -> difference.startsWith("/headers/"));
        }

        // The photo batches of a scan, answered in Microsoft's order with a 404 inside: matched by id, not position.
        SimUser first = NewPeople.add(tenant, "Batch First", true, false);
        SimUser second = NewPeople.add(tenant, "Batch Second", true, false);
        JsonNode recorded = real.json(0).deepCopy();
        ((ObjectNode) realById(recorded, "1")).set("body", Corpus.read("graph-photo-metadata-200.json").file().path("response").path("observedVariant"));
        replayBatch(MicrosoftAnswer.of(200, "application/json", recorded.toString()));
        Map<String, PhotoMetadata> found = members.photoMetadata(List.of(first.id(), second.id()));
        assertThat(found.get(second.id())).as("the 404 answered the second request").isEqualTo(new PhotoMetadata(false, null));
        assertThat(found.get(first.id()).present()).as("the 200 answered the first").isTrue();
    }

    @Test
    void aRequestThrottledInsideABatchIsSentAgainAfterItsRetryAfter() {
        Corpus.Answer real = Corpus.read("graph-batch-429-subresponse.json");
        assertThat(real.json(0).at("/responses/0/headers/Retry-After").asText()).isEqualTo("5");
        SimUser person = NewPeople.add(tenant, "Batch Throttled", true, false);
        tenant.clearReceivedRequests();

        replayBatch(real.replayed(0));
        Map<String, PhotoMetadata> found = members.photoMetadata(List.of(person.id()));

        assertThat(found.get(person.id()).present()).isTrue();
        List<Long> batches = tenant.receivedRequests().stream().filter(r -> r.path().endsWith("/$batch")).map(ReceivedRequest::receivedNanos).toList();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1) - batches.get(0)).as("nanoseconds between the throttled batch and the retry").isGreaterThanOrEqualTo(5_000_000_000L);
    }

    @Test
    void aPermissionRefusalInsideABatchIsPermissionDeniedEvenWithAnEmptyCode() {
        Corpus.Answer real = Corpus.read("graph-batch-doc-example.json");
        assertThat(real.json(0).at("/responses/1/body/error/code").asText()).isEmpty();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

        replayBatch(real.replayed(0));

        assertThatThrownBy(() -> members.photoMetadata(ids)).isInstanceOfSatisfying(RemoteServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED);
            assertThat(e.getMessage()).contains("403");
        });
    }

    // --- plumbing ---

    private static JsonNode realById(JsonNode batch, String id) {
        return byId(batch).get(id);
    }

    private static Map<String, JsonNode> byId(JsonNode batch) {
        Map<String, JsonNode> byId = new HashMap<>();
        batch.path("responses").forEach(response -> byId.put(response.path("id").asText(), response));
        return byId;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The next GET of this Graph v1.0 path (a pattern) gets Microsoft's answer. */
    private void replay(String graphPath, MicrosoftAnswer answer) {
        tenant.replay("GET", Pattern.quote(tenant.graphBaseUrl()) + graphPath, answer, 1);
    }

    /** The next {@code $batch} gets Microsoft's answer, its sub-responses renamed to the ids the client sent. */
    private void replayBatch(MicrosoftAnswer answer) {
        tenant.replay("POST", Pattern.quote(tenant.graphBaseUrl()) + "/\\$batch", answer, 1);
    }

    private Simulated get(String graphPath) throws IOException {
        return call(new Request.Builder().url(tenant.graphBaseUrl() + graphPath).get());
    }

    private Simulated post(String graphPath, String json) throws IOException {
        return call(new Request.Builder().url(tenant.graphBaseUrl() + graphPath).post(RequestBody.create(json, MediaType.get("application/json"))));
    }

    /** The simulated Graph's own answer, raw, with an app token as PhotoSync has. */
    private Simulated call(Request.Builder request) throws IOException {
        request.header("Authorization", "Bearer " + tokens.accessToken(tenant.baseUrl() + "/graph/.default"));
        try (Response response = http.newCall(request.build()).execute()) {
            return new Simulated(response.code(), response.body() == null ? new byte[0] : response.body().bytes());
        }
    }

    private record Simulated(int status, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }
}
