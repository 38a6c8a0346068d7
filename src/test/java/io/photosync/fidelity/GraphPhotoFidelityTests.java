package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.doctor.PhotoInspection.PhotoPolicy;
import io.photosync.doctor.PhotoInspection.PolicyReading;
import io.photosync.doctor.PhotoInspection.PolicyUnreadable;
import io.photosync.doctor.PhotoInspection.SourcePhotoState;
import io.photosync.doctor.PhotoInspection.Unreadable;
import io.photosync.doctor.PhotoInspection;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.MicrosoftAnswer;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.RetryAfterForm;
import io.photosync.sandbox.SimUser;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SourcePhoto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Microsoft Graph's photo answers as Microsoft gave them ({@code graph-photo-*}, {@code
 * graph-mailbox-*}, {@code graph-photoupdatesettings-*}, {@code graph-throttle-*}): the simulated
 * Graph answers the same request in the same shape, and PhotoSync's Graph client, fed the real
 * answer, reaches the right result.
 */
class GraphPhotoFidelityTests extends ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    PhotoSource photos;

    @Autowired
    PhotoInspection inspection;

    // --- metadata ---

    @Test
    void photoMetadataHasMicrosoftsShapeAndItsEtagIsWhatTheClientKeeps() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photo-metadata-200.json");
        SimUser person = NewPeople.add(tenant, "Metadata Shape", true, false);

        Simulated simulated = get("/users/" + person.id() + "/photo");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(simulated.contentType()).startsWith(real.header("Content-Type"));
        // The documented example carries @odata.id (a /me call); the observed live answer to /users/{id}/photo does not.
        assertThat(Shapes.differences(real.file().path("response").path("observedVariant"), simulated.json())).isEmpty();
        assertThat(Shapes.differences(real.json(0), simulated.json())).containsExactly("/@odata.id: missing (Microsoft: string)");

        replay("/users/[^/]+/photo", real.replayed(0));
        assertThat(inspection.sourcePhoto(person.id())).isEqualTo(new SourcePhotoState(true, "\"BA09D118\"", false));

        // The observed live answer is an Entra-stored photo (no Exchange mailbox): "default", at 256x256.
        SimUser entraStored = NewPeople.add(tenant, "Entra Stored", true, false).setMailbox(false);
        JsonNode stored = get("/users/" + entraStored.id() + "/photo").json();
        JsonNode observed = real.file().path("response").path("observedVariant");
        assertThat(stored.path("id")).isEqualTo(observed.path("id"));
        assertThat(stored.path("width")).isEqualTo(observed.path("width"));
        assertThat(stored.path("height")).isEqualTo(observed.path("height"));
        assertThat(photos.photoOf(entraStored.id())).as("its sizes are not stored: the default is read").isPresent();
    }

    @Test
    void theDocumentedOneByOnePlaceholderMeansNoPhoto() {
        Corpus.Answer real = Corpus.read("graph-photo-metadata-placeholder.json");
        SimUser person = NewPeople.add(tenant, "Placeholder", true, false);

        replay("/users/[^/]+/photo", real.replayed(0));
        assertThat(photos.photoOf(person.id())).isEmpty();
        replay("/users/[^/]+/photo", real.replayed(0));
        assertThat(inspection.sourcePhoto(person.id()).present()).isFalse();
    }

    // --- no photo, no mailbox ---

    @Test
    void noPhotoIsImageNotFoundInMicrosoftsShapeAndEveryCodeSeenForItMeansNoPhoto() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photo-404-imagenotfound.json");
        SimUser person = NewPeople.add(tenant, "No Photo", false, false);

        Simulated simulated = get("/users/" + person.id() + "/photo");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().at("/error/code").asText()).isEqualTo("ImageNotFound");

        List<MicrosoftAnswer> variants = new ArrayList<>(List.of(real.replayed(0)));
        real.file().path("variants").forEach(variant -> variants.add(MicrosoftAnswer.of(variant.path("status").asInt(),
                "application/json", MAPPER.createObjectNode().set("error", variant.path("error")).toString())));
        assertThat(variants).hasSize(4);
        for (MicrosoftAnswer variant : variants) {
            replay("/users/[^/]+/photo", variant);
            assertThat(photos.photoOf(person.id())).as(new String(variant.body(), StandardCharsets.UTF_8)).isEmpty();
            replay("/users/[^/]+/photo", variant);
            assertThat(inspection.sourcePhoto(person.id())).isEqualTo(new SourcePhotoState(false, null, false));
        }
    }

    @Test
    void noMailboxIsSaidAsMicrosoftSaysItIn404And400Alike() throws IOException {
        Corpus.Answer real = Corpus.read("graph-mailbox-not-enabled.json");
        SimUser person = NewPeople.add(tenant, "No Mailbox", false, false).setMailbox(false);

        Simulated simulated = get("/users/" + person.id() + "/photo");

        assertThat(simulated.status()).isEqualTo(real.status());
        for (int variant = 0; variant < real.bodies().size(); variant++) {
            JsonNode body = real.json(variant);
            // The 2019 variant's innerError predates client-request-id; Graph's current errors carry it.
            List<String> differences = Shapes.differences(body, simulated.json());
            assertThat(differences).allMatch(difference -> difference.startsWith("/error/innerError/client-request-id"));
            replay("/users/[^/]+/photo", real.replayed(variant));
            assertThat(inspection.sourcePhoto(person.id())).isEqualTo(new SourcePhotoState(false, null, true));
        }
        // Hybrid users: the same words with 400 (research notes §1.5); not a failure, no mailbox.
        ObjectNode hybrid = (ObjectNode) real.json(0).deepCopy();
        ((ObjectNode) hybrid.get("error")).put("code", "MailboxNotHostedInExchangeOnline");
        replay("/users/[^/]+/photo", MicrosoftAnswer.of(400, "application/json", hybrid.toString()));
        assertThat(inspection.sourcePhoto(person.id())).isEqualTo(new SourcePhotoState(false, null, true));
        replay("/users/[^/]+/photo", MicrosoftAnswer.of(400, "application/json", hybrid.toString()));
        assertThat(photos.photoOf(person.id())).isEmpty();
    }

    // --- the bytes ---

    @Test
    void aMissingSizeIsAnEmptyTextPlain404AndTheClientFallsBackToTheLargestPhoto() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photo-size-404-textplain.txt");
        Personas.Persona adele = Personas.byId(Personas.ADELE);
        SimUser small = NewPeople.add(tenant, "Small Photo", false, false);
        small.setPhoto(adele.photo(), adele.contentType(), 96, 96);

        Simulated simulated = get("/users/" + small.id() + "/photos/648x648/$value");

        assertThat(simulated.status()).isEqualTo(404);
        assertThat(simulated.contentType()).isEqualTo(real.header("content-type"));
        assertThat(simulated.body()).isEmpty();
        assertThat(photos.photoOf(small.id())).map(SourcePhoto::bytes).hasValue(adele.photo());

        SimUser person = NewPeople.add(tenant, "Fallback", true, false);
        for (MicrosoftAnswer missing : List.of(real.replayed(0),
                MicrosoftAnswer.of(404, "text/plain", "404 Not Found"),
                MicrosoftAnswer.of(404, "text/html; charset=utf-8", "<html><body><h1>404 - File or directory not found.</h1></body></html>"),
                MicrosoftAnswer.of(404, "application/json", "{\"error\": truncated"),
                new MicrosoftAnswer(404, Map.of(), new byte[0]))) {
            replay("/users/[^/]+/photos/648x648/\\$value", missing);
            assertThat(photos.photoOf(person.id())).as(new String(missing.body(), StandardCharsets.UTF_8))
                    .map(SourcePhoto::bytes).hasValue(adele.photo());
        }
    }

    @Test
    void aGatewaysHtmlErrorIsAnOrdinaryFailureWithItsStatusNotACrash() {
        SimUser person = NewPeople.add(tenant, "Gateway", true, false);
        MicrosoftAnswer gateway = MicrosoftAnswer.of(403, "text/html", "<html><body>Forbidden by the proxy</body></html>");

        replay("/users/[^/]+/photo", gateway);

        assertThatThrownBy(() -> photos.photoOf(person.id())).isInstanceOfSatisfying(RemoteServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.PERMISSION_DENIED);
            assertThat(e.getMessage()).contains("403 (text/html)").contains("Forbidden by the proxy");
        });
    }

    @Test
    void photoBytesComeWithTheirContentTypeAndAnyCaseOfItIsRead() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photo-value-200.txt");
        SimUser person = NewPeople.add(tenant, "Bytes", true, false);
        byte[] jpeg = Personas.byId(Personas.ADELE).photo();

        Simulated simulated = get("/users/" + person.id() + "/photo/$value");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(simulated.contentType()).isEqualToIgnoringCase(real.header("Content-Type"));
        assertThat(real.placeholder(0)).isTrue();
        replay("/users/[^/]+/photos/648x648/\\$value", MicrosoftAnswer.of(404, "text/plain", ""));
        replay("/users/[^/]+/photo/\\$value", real.replayed(Map.of("Content-Type", "image/Jpeg"), jpeg));
        assertThat(photos.photoOf(person.id())).map(SourcePhoto::bytes).hasValue(jpeg);
    }

    // --- throttling ---

    @Test
    void theMailboxConcurrencyRefusalEndsAsThrottledWithMicrosoftsRetryAfter() {
        Corpus.Answer real = Corpus.read("graph-throttle-429-mailboxconcurrency.json");
        SimUser person = NewPeople.add(tenant, "Busy Mailbox", true, false);

        // Past the SDK's own retries (it honours Retry-After itself), the failure is THROTTLED with Microsoft's wait.
        replay("/users/[^/]+/photo", real.replayed(Map.of("Retry-After", "0.001"), real.bodies().get(0).getBytes(StandardCharsets.UTF_8)), 4);

        assertThatThrownBy(() -> photos.photoOf(person.id())).isInstanceOfSatisfying(RemoteServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.THROTTLED);
            assertThat(e.retryAfter()).hasValue(Duration.ofMillis(1));
        });
    }

    @Test
    void graphsDocumentedThrottleWithFractionalSecondsIsRetriedAfterThoseSeconds() {
        Corpus.Answer real = Corpus.read("graph-throttle-429-doc.txt");
        SimUser person = NewPeople.add(tenant, "Throttled", true, false);
        assertThat(real.header("Retry-After")).isEqualTo("2.128");
        tenant.clearReceivedRequests();

        replay("/users/[^/]+/photo", real.replayed(0));

        assertThat(photos.photoOf(person.id())).isPresent();
        List<Long> asked = tenant.receivedRequests().stream().filter(r -> r.path().endsWith("/users/" + person.id() + "/photo"))
                .map(ReceivedRequest::receivedNanos).toList();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1) - asked.get(0)).as("nanoseconds between the 429 and the retry").isGreaterThanOrEqualTo(2_000_000_000L);
    }

    // --- the tenant's photo policy ---

    @Test
    void thePhotoPolicyIsReadInEveryShapeMicrosoftShowsAndNeverGuessedAllowed() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photoupdatesettings-get-200.json");
        Simulated simulated = getBeta("/admin/people/photoUpdateSettings");
        assertThat(simulated.status()).isEqualTo(real.status());
        // The simulator answers the configuration guide's top-level form, with its array of roles.
        assertThat(Shapes.differences(real.json(3), simulated.json()))
                .containsExactlyInAnyOrder("/@odata.context: not in Microsoft's answer (simulator: string)",
                        "/id: not in Microsoft's answer (simulator: string)");

        List<PolicyReading> readings = new ArrayList<>();
        for (int variant = 0; variant < real.bodies().size(); variant++) {
            replayPolicy(real.replayed(variant));
            readings.add(inspection.photoPolicy());
        }
        assertThat(readings).containsExactly(
                // Variant A is wrapped in "value", and its source is the docs' placeholder "String": not a value anyone can act on.
                new PolicyUnreadable(Unreadable.SHAPE, 200),
                new PhotoPolicy("cloud", List.of()),
                new PhotoPolicy("onPremises", List.of()),
                new PhotoPolicy("cloud", List.of("fe930be7-5e62-47db-91af-98c3a49a38b1")));

        ObjectNode wrapped = (ObjectNode) real.json(0).deepCopy();
        ((ObjectNode) wrapped.get("value")).put("source", "onPremises").putArray("allowedRoles");
        replayPolicy(MicrosoftAnswer.of(200, "application/json", wrapped.toString()));
        assertThat(inspection.photoPolicy()).isEqualTo(new PhotoPolicy("onPremises", List.of()));
        replayPolicy(MicrosoftAnswer.of(200, "application/json", "{}"));
        assertThat(inspection.photoPolicy()).as("the empty configuration every tenant has").isEqualTo(new PhotoPolicy("cloud", List.of()));
        replayPolicy(MicrosoftAnswer.of(200, "application/json", "[1, 2]"));
        assertThat(inspection.photoPolicy()).isEqualTo(new PolicyUnreadable(Unreadable.SHAPE, 200));
        replayPolicy(MicrosoftAnswer.of(403, "application/json", "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\"}}"));
        assertThat(inspection.photoPolicy()).isEqualTo(new PolicyUnreadable(Unreadable.NO_PERMISSION, 403));
    }

    @Test
    void theSimulatorAnswersThePolicyWrappedWhenAskedAndAnOnPremisesSourceIsReadFromIt() throws IOException {
        Corpus.Answer real = Corpus.read("graph-photoupdatesettings-get-200.json");
        tenant.setPhotoPolicy("onPremises", List.of());
        tenant.answerPhotoPolicyWrapped(true);
        try {
            Simulated simulated = getBeta("/admin/people/photoUpdateSettings");

            assertThat(Shapes.differences(real.json(0), simulated.json())).containsExactlyInAnyOrder(
                    "/@odata.context: not in Microsoft's answer (simulator: string)", "/value/@odata.type: missing (Microsoft: string)");
            assertThat(inspection.photoPolicy()).isEqualTo(new PhotoPolicy("onPremises", List.of()));
        } finally {
            tenant.answerPhotoPolicyWrapped(false);
            tenant.setPhotoPolicy("cloud", List.of());
        }
    }

    @Test
    void aThrottleWithAFractionalRetryAfterIsWaitedForToTheMillisecond() {
        SimUser person = NewPeople.add(tenant, "Fraction Throttled", true, false);
        tenant.setRetryAfterForm(RetryAfterForm.FRACTIONAL_SECONDS);
        tenant.clearReceivedRequests();
        try {
            tenant.throttle(Api.GRAPH, 1, Duration.ofMillis(1_500));

            assertThat(photos.photoOf(person.id())).isPresent();
        } finally {
            tenant.setRetryAfterForm(RetryAfterForm.SECONDS);
            tenant.throttle(Api.GRAPH, 0, Duration.ZERO);
        }
        // The metadata and the bytes go out together: whichever got the 429 was asked again.
        Map<String, List<Long>> asked = tenant.receivedRequests().stream().filter(r -> r.path().contains("/users/" + person.id() + "/photo"))
                .collect(Collectors.groupingBy(ReceivedRequest::path, Collectors.mapping(ReceivedRequest::receivedNanos, Collectors.toList())));
        List<Long> retried = asked.values().stream().filter(times -> times.size() > 1).findFirst().orElseThrow(() -> new AssertionError(asked));
        assertThat(retried).hasSize(2);
        assertThat(retried.get(1) - retried.get(0)).as("nanoseconds between the 429 and the retry").isGreaterThanOrEqualTo(1_450_000_000L);
    }

    // --- plumbing ---

    /** The next GET of this Graph v1.0 path (a pattern) gets Microsoft's answer. */
    private void replay(String graphPath, MicrosoftAnswer answer) {
        replay(graphPath, answer, 1);
    }

    private void replay(String graphPath, MicrosoftAnswer answer, int times) {
        tenant.replay("GET", Pattern.quote(tenant.graphBaseUrl()) + graphPath, answer, times);
    }

    private void replayPolicy(MicrosoftAnswer answer) {
        tenant.replay("GET", Pattern.quote(betaUrl()) + "/admin/people/photoUpdateSettings", answer, 1);
    }

    private String betaUrl() {
        return tenant.graphBaseUrl().replace("/v1.0", "/beta");
    }

    private Simulated get(String graphPath) throws IOException {
        return call(tenant.graphBaseUrl() + graphPath);
    }

    private Simulated getBeta(String path) throws IOException {
        return call(betaUrl() + path);
    }

    /** The simulated Graph's own answer, raw, with an app token as PhotoSync has. */
    private Simulated call(String url) throws IOException {
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + tokens.accessToken(tenant.baseUrl() + "/graph/.default")).build();
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            return new Simulated(response.code(), response.header("Content-Type", ""), body);
        }
    }

    private record Simulated(int status, String contentType, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }
}
