package io.photosync.http;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    Tls tls(HttpProperties properties) {
        return Tls.trusting(properties.trustedCertificatePath());
    }

    /**
     * Connections kept open for the next call, across every host: a sync has up to three calls in
     * flight to each of Graph and SharePoint, and each job thread its own; OkHttp's default keeps 5.
     */
    private static final int IDLE_CONNECTIONS = 64;

    /** One connection pool for every adapter; each adds its own interceptors with {@code newBuilder()}. */
    @Bean
    OkHttpClient okHttpClient(HttpProperties properties, Tls tls) {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .sslSocketFactory(tls.socketFactory(), tls.trustManager())
                .build();
    }
}
