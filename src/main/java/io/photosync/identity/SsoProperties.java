package io.photosync.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Teams SSO settings ({@code photosync.sso.*}).
 *
 * @param tokenKey the AES-256 key (base64, 32 bytes) that seals stored delegated tokens; every
 *                 replica needs the same one. From the environment, never committed.
 * @param tokenKeyPath a file holding that key instead (a mounted secret)
 */
@Validated
@ConfigurationProperties("photosync.sso")
public record SsoProperties(String tokenKey, String tokenKeyPath) {

    @Override
    public String toString() {
        return "SsoProperties[tokenKey=" + (tokenKey == null || tokenKey.isBlank() ? "none" : "***") + ", tokenKeyPath=" + tokenKeyPath + "]";
    }
}
