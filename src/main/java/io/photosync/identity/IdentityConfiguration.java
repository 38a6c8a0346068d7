package io.photosync.identity;

import io.photosync.http.Tls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    TokenProvider tokenProvider(EntraProperties properties, Tls tls) {
        if (!properties.tenantConfigured()) {
            throw new IllegalStateException("photosync.entra.tenant-id is not set (and no simulated tenant was started)");
        }
        return new MsalTokenProvider(properties, tls.socketFactory());
    }
}
