package io.photosync.http;

import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    Tls tls(HttpProperties properties) {
        return Tls.trusting(properties.trustedCertificatePath());
    }

    /** One connection pool for every adapter; each adds its own interceptors with {@code newBuilder()}. */
    @Bean
    OkHttpClient okHttpClient(HttpProperties properties, Tls tls) {
        return new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .sslSocketFactory(tls.socketFactory(), tls.trustManager())
                .build();
    }
}
