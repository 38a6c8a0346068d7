package io.photosync.preflight;

import io.photosync.graph.GraphProperties;
import io.photosync.http.Tls;
import io.photosync.identity.AppTokens;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.SsoProperties;
import io.photosync.identity.UserTokens;
import io.photosync.sharepoint.SharePointGeos;
import io.photosync.sharepoint.SharePointProperties;
import io.photosync.sync.Directory;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.ProfilePhotoStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class PreflightConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PreflightConfiguration.class);

    /** Collaborators are looked up only by the check that needs them: one that cannot be built is that check's ✘. */
    @Bean
    PreflightChecks preflightChecks(EntraProperties entra, Tls tls, GraphProperties graph, SharePointProperties sharePoint, SsoProperties sso,
                                    Environment environment, ObjectProvider<Directory> directory, ObjectProvider<PhotoSource> photos,
                                    ObjectProvider<ProfilePhotoStore> profiles, ObjectProvider<PhotoSyncService> sync,
                                    ObjectProvider<UserTokens> people, MicrosoftEndpoints endpoints) {
        String selfMode = environment.getProperty("photosync.preflight.self-mode",
                environment.getProperty("photosync.sync.self-mode", "delegated-then-app-only"));
        return new PreflightChecks(endpoints, new PreflightChecks.Settings(entra, graph, sharePoint, sso, selfMode,
                !environment.getProperty("photosync.photo.approval", "").isBlank(), environment.getProperty("photosync.sync.mode", "auto")
                        .toLowerCase(Locale.ROOT).replace('_', '-')), () -> tls.socketFactory(),
                new PreflightChecks.TestUser(directory::getObject, photos::getObject, profiles::getObject, sync::getObject,
                        objectId -> people.getObject().accessToken(objectId, graph.scope())));
    }

    /** The Microsoft endpoints PhotoSync calls, from its settings: said once it is ready, and by the preflight. */
    @Bean
    MicrosoftEndpoints microsoftEndpoints(EntraProperties entra, GraphProperties graph, SharePointProperties sharePoint, Environment environment) {
        List<Clouds.Setting> endpoints = new ArrayList<>(List.of(new Clouds.Setting("Entra ID", entra.authorityHost()),
                new Clouds.Setting("Microsoft Graph", graph.baseUrl()),
                new Clouds.Setting("the My Site host", sharePoint.mySiteHost()), new Clouds.Setting("the admin host", sharePoint.adminHost()),
                new Clouds.Setting("the Bot Framework's metadata", environment.getProperty("photosync.bot.open-id-metadata-url", "")),
                new Clouds.Setting("the Bot Connector's token scope", environment.getProperty("photosync.bot.connector-scope", ""))));
        SharePointGeos.of(sharePoint).others().forEach(geo -> endpoints.addAll(List.of(new Clouds.Setting(geo.location() + "'s My Site host", geo.mySite()),
                new Clouds.Setting(geo.location() + "'s admin host", geo.admin()))));
        Clouds.requireOneCloud(endpoints);
        String serviceHosts = environment.getProperty("photosync.bot.service-url-hosts", "smba.trafficmanager.net");
        String connector = environment.getProperty("photosync.bot.connector-scope", "https://api.botframework.com").replaceAll("/+$", "")
                .replaceAll("/\\.default$", "") + "/.default";
        return new MicrosoftEndpoints(entra, graph, sharePoint, environment.getProperty("photosync.bot.open-id-metadata-url", ""),
                List.of(serviceHosts.split(",")), connector);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> microsoftEndpointsAttestation(MicrosoftEndpoints endpoints) {
        return ready -> log.info("Microsoft endpoints PhotoSync calls: {}", endpoints.summary());
    }

    /** {@code preflight --record}: the probes' raw answers, asked with the app's own tokens, built only when recording. */
    @Bean
    PreflightRecorder preflightRecorder(EntraProperties entra, Tls tls, GraphProperties graph, SharePointProperties sharePoint,
                                        ObjectProvider<OkHttpClient> http, ObjectProvider<Directory> directory,
                                        @Value("${photosync.version}") String version) {
        return new PreflightRecorder(entra, graph, sharePoint,
                new PreflightRecorder.Clients(() -> AppTokens.of(entra, tls.socketFactory()), http::getObject, directory::getObject), version);
    }
}
