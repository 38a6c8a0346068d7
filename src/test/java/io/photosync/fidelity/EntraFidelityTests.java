package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.EntraAdvice;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.SsoExchange;
import io.photosync.sandbox.MicrosoftAnswer;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SsoToken;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entra ID's answers as Microsoft gave them ({@code entra-*}): the simulated Entra's metadata, keys,
 * tokens and token errors have the same status and shape, error descriptions included.
 */
class EntraFidelityTests extends ConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    SsoExchange sso;

    @Autowired
    EntraProperties entra;

    @Test
    void theOpenIdMetadataAndSigningKeysHaveEntrasShape() throws IOException {
        Corpus.Answer metadata = Corpus.read("entra-openid-configuration-200.json");
        Corpus.Answer keys = Corpus.read("entra-jwks-200.json");

        Answered simulatedMetadata = get("/v2.0/.well-known/openid-configuration");
        Answered simulatedKeys = get("/discovery/v2.0/keys");

        assertThat(simulatedMetadata.status()).isEqualTo(metadata.status());
        // Microsoft's tenant_region_scope is null for the common endpoint; a tenant's names its region.
        assertThat(Shapes.differences(metadata.json(0), simulatedMetadata.json())).containsExactly("/tenant_region_scope: string, Microsoft null");
        assertThat(simulatedMetadata.json().path("issuer").asText()).endsWith("/" + tenant.tenantId() + "/v2.0");
        assertThat(simulatedKeys.status()).isEqualTo(keys.status());
        assertThat(Shapes.differences(keys.json(0), simulatedKeys.json())).isEmpty();
    }

    @Test
    void anAppTokenHasEntrasShape() throws IOException {
        Corpus.Answer real = Corpus.read("entra-token-client-credentials-200.json");
        String app = newApp();

        Answered simulated = token(Map.of("grant_type", "client_credentials", "client_id", app, "client_secret", "s3cret",
                "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default"));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
    }

    @Test
    void tokenErrorsCarryEntrasFieldsAndTheirTraceLines() throws IOException {
        String app = newApp();
        Map<String, Answered> simulated = Map.of(
                "entra-token-invalid-client-secret-401.json", token(Map.of("grant_type", "client_credentials", "client_id", app,
                        "client_secret", "wrong", "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default")),
                "entra-token-unknown-app-400.json", token(Map.of("grant_type", "client_credentials", "client_id", UUID.randomUUID().toString(),
                        "client_secret", "s3cret", "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default")),
                "entra-token-invalid-resource-400.json", token(Map.of("grant_type", "client_credentials", "client_id", app,
                        "client_secret", "s3cret", "scope", "https://nowhere.example/.default")),
                "entra-token-invalid-tenant-400.json", call("/no-such-tenant/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                        "client_id", app, "client_secret", "s3cret", "scope", "https://graph.microsoft.com/.default")));

        simulated.forEach((name, answer) -> {
            Corpus.Answer real = Corpus.read(name);
            assertThat(answer.status()).as(name).isEqualTo(real.status());
            JsonNode body = answer.json();
            assertThat(Shapes.differences(real.json(0), body)).as(name).isEmpty();
            assertThat(body.path("error").asText()).as(name).isEqualTo(real.json(0).path("error").asText());
            assertThat(body.path("error_codes").get(0).asInt()).as(name).isEqualTo(real.json(0).path("error_codes").get(0).asInt());
            assertThat(body.path("error_description").asText()).as(name).contains("\r\nTrace ID: ").contains("\r\nCorrelation ID: ");
        });
    }

    // --- on behalf of the person ---

    @Test
    void anOnBehalfOfAnswerHasNoIdTokenAndARefreshTokenOnlyForOfflineAccess() throws IOException {
        Corpus.Answer real = Corpus.read("entra-token-obo-200.json");
        String app = newApp();
        SimUser person = NewPeople.add(tenant, "Obo Shape", false, false);

        Answered offline = onBehalfOf(app, person, "offline_access " + graphScope());
        Answered plain = onBehalfOf(app, person, graphScope());

        assertThat(offline.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), offline.json())).isEmpty();
        assertThat(Shapes.differences(real.json(0), plain.json())).containsExactly("/refresh_token: missing (Microsoft: string)");

        // PhotoSync's exchange, fed Microsoft's documented answer for each resource, keeps the token it was given.
        SimUser signing = NewPeople.add(tenant, "Obo Client", false, false);
        replayToken(real.replayed(0), 2);
        assertThat(sso.exchange(botSsoToken(signing), signing.id())).isInstanceOf(SsoExchange.Result.SignedIn.class);
        assertThat(sso.accessToken(signing.id(), tenant.graphBaseUrl().replace("/v1.0", "") + "/.default")).hasValue("eyJ0eXAiOiJKV1Qi...");
    }

    @Test
    void consentNotGivenIsAadsts65001AndTheExchangeAsksForConsent() throws IOException {
        Corpus.Answer real = Corpus.read("entra-token-obo-consent-required-400.json");
        String app = newApp();
        SimUser person = NewPeople.add(tenant, "Obo Consent", false, false);
        tenant.requireConsent(app, person.id());

        Answered simulated = onBehalfOf(app, person, graphScope());

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).containsExactly("/error_uri: not in Microsoft's answer (simulator: string)");
        assertThat(simulated.json().path("suberror").asText()).isEqualTo("consent_required");

        SimUser signing = NewPeople.add(tenant, "Obo Consent Client", false, false);
        replayToken(real.replayed(0), 1);
        assertThat(sso.exchange(botSsoToken(signing), signing.id())).isInstanceOfSatisfying(SsoExchange.Result.ConsentRequired.class,
                consent -> assertThat(consent.reason()).contains("AADSTS65001"));
    }

    @Test
    void multiFactorAuthenticationIsAskedForInBothFormsAndTheExchangeSaysSo() throws IOException {
        Corpus.Answer real = Corpus.read("entra-token-obo-interaction-required-400.json");
        String app = newApp();
        SimUser person = NewPeople.add(tenant, "Obo Mfa", false, false).requireMfa();

        Answered simulated = onBehalfOf(app, person, graphScope());

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(1), simulated.json())).isEmpty();
        assertThat(simulated.json().path("error_codes").get(0).asInt()).isEqualTo(50076);

        for (int variant = 0; variant < real.bodies().size(); variant++) {
            SimUser signing = NewPeople.add(tenant, "Obo Mfa Client " + variant, false, false);
            replayToken(real.replayed(variant), 1);
            assertThat(sso.exchange(botSsoToken(signing), signing.id())).as(real.json(variant).path("error").asText())
                    .isInstanceOfSatisfying(SsoExchange.Result.SecondFactorRequired.class,
                            mfa -> assertThat(mfa.reason()).containsPattern("AADSTS5007[69]"));
        }
    }

    @Test
    void aCertificateEntraDoesNotKnowIsAadsts700027AndTheAdviceNamesTheCertificate() throws Exception {
        Corpus.Answer real = Corpus.read("entra-token-bad-assertion-401.json");
        String app = UUID.randomUUID().toString();
        tenant.registerAppWithNewCertificate(app, null, Files.createTempDirectory("fidelity"));

        Answered simulated = token(Map.of("grant_type", "client_credentials", "client_id", app, "scope", graphScope(),
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertionWithAnotherKey(app)));

        assertThat(simulated.status()).isEqualTo(real.status());
        // The report kept only these three fields; Entra's trace fields come with every error (see tokenErrorsCarry…).
        assertThat(Shapes.differences(real.json(0), simulated.json())).allMatch(difference -> difference.contains("not in Microsoft's answer"));
        String prefix = real.json(0).path("error_description").asText().substring(0, real.json(0).path("error_description").asText().indexOf("[Reason"));
        assertThat(simulated.json().path("error_description").asText()).startsWith(prefix).contains("Thumbprint of key used by client: '");

        replayToken(real.replayed(0), 1);
        assertThatThrownBy(() -> tokens.accessToken("https://" + UUID.randomUUID() + ".example/.default"))
                .isInstanceOfSatisfying(RuntimeException.class, refusal -> assertThat(EntraAdvice.about(refusal, entra, graphScope()))
                        .contains("the certificate is not the one uploaded to the app registration"));
    }

    // --- plumbing ---

    private String newApp() {
        String app = UUID.randomUUID().toString();
        tenant.registerApp(app, null, "s3cret");
        return app;
    }

    private String graphScope() {
        return tenant.graphBaseUrl().replace("/v1.0", "") + "/.default";
    }

    private Answered onBehalfOf(String app, SimUser person, String scope) throws IOException {
        return token(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "client_id", app, "client_secret", "s3cret",
                "assertion", tenant.ssoToken(person.id(), app, SsoToken.VALID), "requested_token_use", "on_behalf_of", "scope", scope));
    }

    private String botSsoToken(SimUser person) {
        return tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);
    }

    /** The next token requests (any app, any grant) get Microsoft's answer. */
    private void replayToken(MicrosoftAnswer answer, int times) {
        tenant.replay("POST", Pattern.quote(tenant.baseUrl() + "/" + tenant.tenantId() + "/oauth2/v2.0/token"), answer, times);
    }

    /** A client assertion for {@code app}, signed with a key Entra was never given. */
    private String assertionWithAnotherKey(String app) throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(app).subject(app).jwtID(UUID.randomUUID().toString())
                .audience(tenant.baseUrl() + "/" + tenant.tenantId() + "/oauth2/v2.0/token")
                .notBeforeTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertSHA256Thumbprint(Base64URL.encode(new byte[32])).build(), claims);
        jwt.sign(new RSASSASigner(stranger));
        return jwt.serialize();
    }

    private Answered token(Map<String, String> form) throws IOException {
        return call("/" + tenant.tenantId() + "/oauth2/v2.0/token", form);
    }

    private Answered get(String below) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(tenant.baseUrl() + "/" + tenant.tenantId() + below).get().build()).execute()) {
            return new Answered(response.code(), response.body().bytes());
        }
    }

    private Answered call(String path, Map<String, String> form) throws IOException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        try (Response response = http.newCall(new Request.Builder().url(tenant.baseUrl() + path).post(body.build()).build()).execute()) {
            return new Answered(response.code(), response.body().bytes());
        }
    }

    private record Answered(int status, byte[] body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
