package io.photosync.sync;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    @Bean
    PhotoSyncService photoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint,
                                      OwnProfile ownProfile, PhotoVersions versions, SyncProperties properties) {
        return new PhotoSyncService(directory, photos, sharePoint, ownProfile, versions, properties, Clock.systemUTC());
    }

}
