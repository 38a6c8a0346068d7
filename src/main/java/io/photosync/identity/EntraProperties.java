package io.photosync.identity;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Entra app registration PhotoSync signs in as ({@code photosync.entra.*}).
 *
 * @param tenantId the directory (tenant) id; blank means no tenant is configured (sandbox mode)
 * @param clientId the app registration's application (client) id
 * @param authorityHost the Entra sign-in host (differs in sovereign clouds)
 * @param instanceDiscovery whether msal4j validates the authority against Microsoft's instance list
 * @param certificatePath a PEM file with the private key and certificate, or a PKCS#12 (.pfx/.p12) file
 * @param certificatePassword the PKCS#12 password (from the environment, never committed)
 * @param clientSecret a client secret; accepted for Graph only, so start-up refuses it alone
 */
@Validated
@ConfigurationProperties("photosync.entra")
public record EntraProperties(String tenantId,
                              String clientId,
                              @DefaultValue("https://login.microsoftonline.com") @Pattern(regexp = "https://\\S+", message = "must be an https URL") String authorityHost,
                              @DefaultValue("true") boolean instanceDiscovery,
                              String certificatePath,
                              String certificatePassword,
                              String clientSecret) {

    /** Whether a real (or simulated) tenant is configured at all. */
    boolean tenantConfigured() {
        return tenantId != null && !tenantId.isBlank();
    }

    String authority() {
        return authorityHost.replaceAll("/+$", "") + "/" + tenantId + "/";
    }

    @Override
    public String toString() {
        return "EntraProperties[tenantId=" + tenantId + ", clientId=" + clientId + ", authorityHost=" + authorityHost
                + ", certificatePath=" + certificatePath + ", secret=" + (clientSecret == null ? "none" : "***") + "]";
    }
}
