package io.photosync.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The advice names the fix from Entra's code; the random ids every Entra error carries do not sway it. */
class EntraAdviceTests {

    private static final EntraProperties ENTRA = new EntraProperties("11111111-1111-1111-1111-111111111111",
            "22222222-2222-2222-2222-222222222222", "https://login.microsoftonline.com", true, null, null, null);
    private static final String SCOPE = "https://graph.microsoft.com/.default";

    @Test
    void aTraceIdWith404InItIsNotAnUnknownTenant() {
        RuntimeException badCertificate = new RuntimeException("AADSTS700027: The certificate with identifier used to sign the client "
                + "assertion is not registered on application. Trace ID: 9c2f4047-404a-4b1e-8d40-1a2b3c4d5e6f Correlation ID: "
                + "a404b0c1-0d2e-4f3a-9b8c-7d6e5f404404");

        assertThat(EntraAdvice.about(badCertificate, ENTRA, SCOPE)).startsWith("the certificate is not the one uploaded");
    }

    @Test
    void anHttp404IsAnUnknownTenantAuthority() {
        assertThat(EntraAdvice.about(new RuntimeException("HTTP 404: Not Found"), ENTRA, SCOPE))
                .isEqualTo("Entra ID knows no tenant 11111111-1111-1111-1111-111111111111: check PHOTOSYNC_ENTRA_TENANT_ID");
        assertThat(EntraAdvice.about(new RuntimeException("AADSTS90002: Tenant 'x' not found."), ENTRA, SCOPE)).startsWith("Entra ID knows no tenant");
    }
}
