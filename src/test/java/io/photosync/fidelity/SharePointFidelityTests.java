package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.SsoExchange;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.MicrosoftAnswer;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.RetryAfterForm;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SsoToken;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.OwnProfile;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.ProfileSite;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SharePoint Online's answers as Microsoft gave them ({@code sp-*}, most recorded by the PnP Core
 * SDK against live tenants): the simulated SharePoint answers the same calls with the same status,
 * content type and shape.
 */
class SharePointFidelityTests extends ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PEOPLE = "/_api/SP.UserProfiles.PeopleManager/";

    @Autowired
    PhotoSyncService sync;

    @Autowired
    ProfilePhotoStore profiles;

    @Autowired
    OwnProfile own;

    @Autowired
    SsoExchange sso;

    @AfterEach
    void noThrottling() {
        tenant.throttle(Api.SHAREPOINT, 0, Duration.ZERO);
    }

    @Test
    void getPropertiesForHasTheRecordedShape() throws IOException {
        Corpus.Answer real = Corpus.read("sp-getpropertiesfor-200.json");
        SimUser person = NewPeople.add(tenant, "Properties Shape", true, true);
        tenant.showInSharePoint(person.userPrincipalName(), ImageIO.read(new ByteArrayInputStream(Personas.byId(Personas.ADELE).photo())));

        Simulated simulated = get(Api.SHAREPOINT_ADMIN, PEOPLE + "GetPropertiesFor(accountName=@v)?@v="
                + literal("i:0#.f|membership|" + person.userPrincipalName()));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
    }

    @Test
    void getPropertiesForSomeoneWithoutAProfileIsOdataNull() throws IOException {
        Corpus.Answer real = Corpus.read("sp-getpropertiesfor-noprofile.json");
        SimUser person = NewPeople.add(tenant, "No Profile", true, false);

        Simulated simulated = get(Api.SHAREPOINT_ADMIN, PEOPLE + "GetPropertiesFor(accountName=@v)?@v="
                + literal("i:0#.f|membership|" + person.userPrincipalName()));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(simulated.json()).isEqualTo(real.json(0));
    }

    @Test
    void aMissingFileIsSharePointsOdataErrorWith404() throws IOException {
        Corpus.Answer real = Corpus.read("sp-getfile-404.json");

        Simulated simulated = get(Api.SHAREPOINT_MY, "/_api/web/GetFileByServerRelativeUrl('/User%20Photos/Profile%20Pictures/none.jpg')/$value");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
    }

    @Test
    void writesAnswerOdataNullAsRecorded() throws IOException {
        Corpus.Answer single = Corpus.read("sp-setsinglevalueprofileproperty-200.json");
        SimUser person = NewPeople.add(tenant, "Single Value", true, true);
        String body = MAPPER.createObjectNode().put("accountName", "i:0#.f|membership|" + person.userPrincipalName())
                .put("propertyName", "SPS-PicturePlaceholderState").put("propertyValue", "0").toString();

        Simulated simulated = post(Api.SHAREPOINT_ADMIN, PEOPLE + "SetSingleValueProfileProperty", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(simulated.status()).isEqualTo(single.status());
        assertThat(simulated.json()).isEqualTo(single.json(0));
        assertThat(Corpus.read("sp-setmyprofilepicture-200.json").json(0)).isEqualTo(single.json(0));
    }

    @Test
    void throttlingIsA429WithRetryAfterAndAPlainTextBody() throws IOException {
        Corpus.Answer real = Corpus.read("sp-429-throttled.txt");
        tenant.throttle(Api.SHAREPOINT, 1, Duration.ofSeconds(120));

        Simulated simulated = get(Api.SHAREPOINT_MY, PEOPLE + "GetMyProperties");

        assertThat(simulated.status()).isEqualTo(429);
        assertThat(simulated.retryAfter()).isEqualTo("120");
        assertThat(simulated.contentType()).startsWith("text/plain");
        assertThat(new String(simulated.body(), StandardCharsets.UTF_8)).isEqualTo(real.bodies().get(0));
    }

    // --- refusals ---

    @Test
    void anAppOnlyTokenFromASecretIsRefusedWith401AndTheSyncSaysACertificateIsNeeded() throws IOException {
        Corpus.Answer real = Corpus.read("sp-401-app-only-token.json");
        String secretApp = UUID.randomUUID().toString();
        tenant.registerApp(secretApp, null, "s3cret");
        String token = appTokenWithSecret(secretApp, tenant.sharePointHost(Api.SHAREPOINT_MY) + "/.default");

        Simulated simulated = call(Api.SHAREPOINT_MY, new Request.Builder().url(tenant.sharePointHost(Api.SHAREPOINT_MY) + "/_api/web").get(), token);

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json()).isEqualTo(real.json(0));
        assertThat(simulated.headers()).containsKeys("x-ms-diagnostics", "WWW-Authenticate");

        SimUser person = NewPeople.add(tenant, "Secret Refused", true, true);
        replayAdmin("GET", PEOPLE + "GetPropertiesFor.*", real.replayed(0));
        assertThat(sync.sync(new SyncRequest(person.id()))).isEqualTo(new SyncOutcome.CertificateRequired(adminHostName()));
        // The other 401s seen are about the token itself, not the credential: an ordinary sign-in failure.
        replayAdmin("GET", PEOPLE + "GetPropertiesFor.*", real.replayed(1));
        assertThat(sync.sync(new SyncRequest(person.id()))).isInstanceOfSatisfying(SyncOutcome.PermissionMissing.class,
                missing -> assertThat(missing.detail()).contains("401").contains("Invalid issuer or signature."));
    }

    @Test
    void aTenantThatRefusesAppOnlyProfileWritesGetsAnOutcomeNamingTheCallTheHostAndThePermission() throws IOException {
        Corpus.Answer real = Corpus.read("sp-403-access-denied.json");
        tenant.sharePoint().refuseAppOnlyProfileWrites(true);
        try {
            SimUser person = NewPeople.add(tenant, "Writes Refused", true, true);
            String body = MAPPER.createObjectNode().put("accountName", "i:0#.f|membership|" + person.userPrincipalName())
                    .put("propertyName", "SPS-PicturePlaceholderState").put("propertyValue", "0").toString();

            Simulated simulated = post(Api.SHAREPOINT_ADMIN, PEOPLE + "SetSingleValueProfileProperty", body.getBytes(StandardCharsets.UTF_8), "application/json");

            assertThat(simulated.status()).isEqualTo(real.status());
            assertThat(simulated.json()).isEqualTo(real.json(0));

            SyncOutcome refused = new SyncOutcome.AccessRefused("SetSingleValueProfileProperty", adminHostName(), "User.ReadWrite.All",
                    "403 Access denied. You do not have permission to perform this action or access this resource.");
            assertThat(sync.sync(new SyncRequest(person.id()))).isEqualTo(refused);
            tenant.sharePoint().refuseAppOnlyProfileWrites(false);
            replayAdmin("POST", PEOPLE + "SetSingleValueProfileProperty", real.replayed(0));
            assertThat(sync.sync(new SyncRequest(person.id()))).as("Microsoft's own answer").isEqualTo(refused);
        } finally {
            tenant.sharePoint().refuseAppOnlyMySiteReads(false);
            tenant.sharePoint().refuseAppOnlyProfileWrites(false);
        }
    }

    @Test
    void profilesAreReadOnTheAdminHostSoATenantThatRefusesThemOnTheMySiteHostStillSyncs() {
        tenant.sharePoint().refuseAppOnlyMySiteReads(true);
        try {
            SimUser person = NewPeople.add(tenant, "Admin Host Reader", true, true);
            assertThat(sync.sync(new SyncRequest(person.id()))).isInstanceOf(SyncOutcome.Synced.class);
        } finally {
            tenant.sharePoint().refuseAppOnlyMySiteReads(false);
        }
    }

    @Test
    void aSiteThatDoesNotExistIsAPlainText404AndAnOrdinaryFailureWithSharePointsWords() throws IOException {
        Corpus.Answer real = Corpus.read("sp-404-plaintext.json");

        Simulated simulated = get(Api.SHAREPOINT_MY, "/sites/does-not-exist/_api/web");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(simulated.contentType()).startsWith("text/plain");
        assertThat(new String(simulated.body(), StandardCharsets.UTF_8)).isEqualTo(real.bodies().get(0));

        SimUser person = NewPeople.add(tenant, "Plain Not Found", true, true);
        replayAdmin("GET", PEOPLE + "GetPropertiesFor.*", real.replayed(0));
        assertThat(sync.sync(new SyncRequest(person.id()))).isInstanceOfSatisfying(SyncOutcome.Failed.class,
                failed -> assertThat(failed.detail()).contains("SharePoint 404").contains("404 FILE NOT FOUND"));
    }

    // --- files and one's own profile ---

    @Test
    void anUploadAnswersAnSpFileWithItsRecordedFieldsAndTheWriterReadsItsServerRelativeUrl() throws IOException {
        Corpus.Answer real = Corpus.read("sp-files-addusingpath-200.json");
        String folder = "/sp-my/User Photos/Profile Pictures";
        String path = "/_api/web/GetFolderByServerRelativeUrl('" + folder.replace(" ", "%20") + "')/Files/add(url='shape.jpg',overwrite=true)";

        Simulated simulated = post(Api.SHAREPOINT_MY, path, Personas.byId(Personas.ADELE).photo(), "image/jpeg");

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
        assertThat(simulated.json().path("TimeLastModified").asText()).doesNotContain(".");

        SimUser person = NewPeople.add(tenant, "Recorded Upload", true, true);
        replay(Api.SHAREPOINT_MY, "POST", "/_api/web/GetFolderByServerRelativeUrl.*", real.replayed(0));
        ProfileSite site = profiles.profileOf(userOf(person)).orElseThrow();
        URI host = URI.create(site.personalSiteHostUrl());
        assertThat(profiles.writeRendition(site, "any.jpg", new byte[] {1}))
                .isEqualTo(host.getScheme() + "://" + host.getRawAuthority() + "/sites/prov-2/SiteAssets/PNP_SDK_TEST_test_added.docx");
    }

    @Test
    void onesOwnPropertiesHaveTheRecordedShapeAndThePictureIsReadFromThem() throws IOException {
        Corpus.Answer real = Corpus.read("sp-getmyproperties-200.json");
        SimUser person = NewPeople.add(tenant, "Own Properties", true, true);
        tenant.showInSharePoint(person.userPrincipalName(), ImageIO.read(new ByteArrayInputStream(Personas.byId(Personas.ADELE).photo())));
        String token = delegatedToken(person, Api.SHAREPOINT_MY);

        Simulated simulated = call(Api.SHAREPOINT_MY, new Request.Builder().url(tenant.sharePointHost(Api.SHAREPOINT_MY) + PEOPLE + "GetMyProperties").get(), token);

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();

        signIn(person);
        replay(Api.SHAREPOINT_MY, "GET", PEOPLE + "GetMyProperties", real.replayed(0));
        assertThat(own.myPicture(userOf(person))).isEqualTo(new ProfilePicture(
                "https://contoso-my.sharepoint.com:443/User%20Photos/Profile%20Pictures/adelev_contoso_onmicrosoft_com_MThumb.jpg", "0", "63775083296"));
    }

    @Test
    void anEmptyPictureIsParameterIsNotValidAndAnOrdinaryRefusal() throws IOException {
        Corpus.Answer real = Corpus.read("sp-setmyprofilepicture-400.json");
        SimUser person = NewPeople.add(tenant, "Empty Picture", true, true);
        String token = delegatedToken(person, Api.SHAREPOINT_MY);

        Simulated simulated = call(Api.SHAREPOINT_MY, new Request.Builder().url(tenant.sharePointHost(Api.SHAREPOINT_MY) + PEOPLE + "SetMyProfilePicture")
                .post(RequestBody.create(new byte[0], MediaType.get("application/octet-stream"))), token);

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(simulated.json()).isEqualTo(real.json(0));

        signIn(person);
        replay(Api.SHAREPOINT_MY, "POST", PEOPLE + "SetMyProfilePicture", real.replayed(0));
        assertThatThrownBy(() -> own.setMyPicture(userOf(person), new byte[] {1}))
                .isInstanceOfSatisfying(RemoteServiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("400").contains("Parameter is not valid.");
                });
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsWaitedFor() {
        Corpus.Answer real = Corpus.read("sp-429-throttled.txt");
        SimUser person = NewPeople.add(tenant, "Date Retry", true, true);
        long wallAtStart = System.currentTimeMillis();
        long nanosAtStart = System.nanoTime();
        ZonedDateTime until = Instant.ofEpochMilli(wallAtStart).plusSeconds(3).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        tenant.clearReceivedRequests();

        replayAdmin("GET", PEOPLE + "GetPropertiesFor.*", real.replayed(Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(until)),
                real.bodies().get(0).getBytes(StandardCharsets.UTF_8)));

        assertThat(profiles.profileOf(userOf(person))).isPresent();
        List<Long> asked = tenant.receivedRequests().stream().filter(r -> r.path().contains("GetPropertiesFor")).map(ReceivedRequest::receivedNanos).toList();
        assertThat(asked).hasSize(2);
        long dateInNanos = (until.toInstant().toEpochMilli() - wallAtStart - 50) * 1_000_000L;
        assertThat(asked.get(1) - nanosAtStart).as("the retry came after the date SharePoint named").isGreaterThanOrEqualTo(dateInNanos);
    }

    @Test
    void theSimulatorCanSayRetryAfterAsAnHttpDateAndTheClientWaitsForIt() {
        SimUser person = NewPeople.add(tenant, "Date Form", true, true);
        tenant.setRetryAfterForm(RetryAfterForm.HTTP_DATE);
        tenant.clearReceivedRequests();
        try {
            tenant.throttle(Api.SHAREPOINT, 1, Duration.ofSeconds(1));

            assertThat(profiles.profileOf(userOf(person))).isPresent();
        } finally {
            tenant.setRetryAfterForm(RetryAfterForm.SECONDS);
        }
        List<Long> asked = tenant.receivedRequests().stream().filter(r -> r.path().contains("GetPropertiesFor")).map(ReceivedRequest::receivedNanos).toList();
        assertThat(asked).hasSize(2);
        // One second from now, rounded up to the next whole second: at least a second later.
        assertThat(asked.get(1) - asked.get(0)).isGreaterThanOrEqualTo(950_000_000L);
    }

    // --- plumbing ---

    private static String literal(String value) {
        return URLEncoder.encode("'" + value + "'", StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Simulated get(Api host, String path) throws IOException {
        return call(host, new Request.Builder().url(tenant.sharePointHost(host) + path).get());
    }

    private Simulated post(Api host, String path, byte[] body, String contentType) throws IOException {
        return call(host, new Request.Builder().url(tenant.sharePointHost(host) + path).post(RequestBody.create(body, MediaType.get(contentType))));
    }

    /** The simulated SharePoint's own answer, raw, with an app token as PhotoSync has. */
    private Simulated call(Api host, Request.Builder request) throws IOException {
        return call(host, request, tokens.accessToken(tenant.sharePointHost(host) + "/.default"));
    }

    private Simulated call(Api host, Request.Builder request, String token) throws IOException {
        request.header("Accept", "application/json;odata=nometadata").header("Authorization", "Bearer " + token);
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach(header -> headers.put(header.getFirst(), header.getSecond()));
            return new Simulated(response.code(), response.header("Content-Type", ""), response.header("Retry-After"), body, headers);
        }
    }

    /** The next call of this method and path (a pattern, below the host) on that host gets Microsoft's answer. */
    private void replay(Api host, String method, String path, MicrosoftAnswer answer) {
        tenant.replay(method, Pattern.quote(tenant.sharePointHost(host)) + path, answer, 1);
    }

    private void replayAdmin(String method, String path, MicrosoftAnswer answer) {
        replay(Api.SHAREPOINT_ADMIN, method, path, answer);
    }

    private static DirectoryUser userOf(SimUser person) {
        return new DirectoryUser(person.id(), person.userPrincipalName(), person.displayName(), false, null, null, null, null);
    }

    private String adminHostName() {
        return tenant.sharePointHost(Api.SHAREPOINT_ADMIN).replaceFirst("^https?://", "");
    }

    /** The person signed in through Teams SSO, as "sync my photo" would have them. */
    private void signIn(SimUser person) {
        assertThat(sso.exchange(tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID), person.id()))
                .isInstanceOf(SsoExchange.Result.SignedIn.class);
    }

    /** A token for the person, from an app of this test's own (secret-signed, as delegated tokens may be), on-behalf-of their SSO token. */
    private String delegatedToken(SimUser person, Api host) throws IOException {
        String app = UUID.randomUUID().toString();
        tenant.registerApp(app, null, "s3cret");
        return tokenFrom(new FormBody.Builder().add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer").add("client_id", app)
                .add("client_secret", "s3cret").add("assertion", tenant.ssoToken(person.id(), app, SsoToken.VALID))
                .add("requested_token_use", "on_behalf_of").add("scope", tenant.sharePointHost(host) + "/.default").build());
    }

    private String appTokenWithSecret(String app, String scope) throws IOException {
        return tokenFrom(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", app)
                .add("client_secret", "s3cret").add("scope", scope).build());
    }

    private String tokenFrom(FormBody form) throws IOException {
        Request request = new Request.Builder().url(tenant.baseUrl() + "/" + tenant.tenantId() + "/oauth2/v2.0/token").post(form).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode body = MAPPER.readTree(response.body().bytes());
            assertThat(response.code()).as(body.toString()).isEqualTo(200);
            return body.path("access_token").asText();
        }
    }

    private record Simulated(int status, String contentType, String retryAfter, byte[] body, Map<String, String> headers) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }
}
