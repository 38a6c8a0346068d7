package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.TokenProvider;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
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
@PhotoSyncIntegrationTest
class SharePointFidelityTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PEOPLE = "/_api/SP.UserProfiles.PeopleManager/";

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    OkHttpClient http;

    @Autowired
    TokenProvider tokens;

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
        request.header("Accept", "application/json;odata=nometadata")
                .header("Authorization", "Bearer " + tokens.accessToken(tenant.sharePointHost(host) + "/.default"));
        try (Response response = http.newCall(request.build()).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            return new Simulated(response.code(), response.header("Content-Type", ""), response.header("Retry-After"), body);
        }
    }

    private record Simulated(int status, String contentType, String retryAfter, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }
}
