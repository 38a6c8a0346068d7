package io.photosync.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.photosync.http.Tls;
import io.photosync.identity.TokenProvider;
import io.photosync.identity.UserTokens;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

    /** One Graph SDK client for the life of the app, with the SDK's own retry (Retry-After aware) and redirect handling. */
    @Bean
    GraphServiceClient graphServiceClient(GraphProperties properties, TokenProvider tokens, OkHttpClient http, Tls tls) {
        String host = URI.create(properties.baseUrl()).getHost();
        AccessTokenProvider appOnly = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return tokens.accessToken(properties.scope());
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(host);
            }
        };
        OkHttpClient graphHttp = GraphClientFactory.create()
                .connectTimeout(http.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(http.connectionPool())
                .sslSocketFactory(tls.socketFactory(), tls.trustManager())
                .addInterceptor(new ErrorBodies())
                .build();
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(appOnly), graphHttp);
        graph.getRequestAdapter().setBaseUrl(properties.baseUrl());
        return graph;
    }

    @Bean
    GraphUsers graphUsers(GraphServiceClient graph) {
        return new GraphUsers(graph);
    }

    @Bean
    GraphGroups graphGroups(GraphServiceClient graph) {
        return new GraphGroups(graph);
    }

    @Bean
    GraphPhotos graphPhotos(GraphServiceClient graph, GraphProperties properties, UserTokens people, @Qualifier("syncReads") ExecutorService syncReads) {
        return new GraphPhotos(graph, properties, people, syncReads);
    }

    @Bean
    GraphMembers graphMembers(GraphServiceClient graph) {
        return new GraphMembers(graph);
    }
}
