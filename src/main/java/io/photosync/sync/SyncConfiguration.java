package io.photosync.sync;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    @Bean
    PhotoSyncService photoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint,
                                      OwnProfile ownProfile, SyncProperties properties) {
        return new PhotoSyncService(directory, photos, sharePoint, ownProfile, properties, Clock.systemUTC());
    }

    @Bean
    TenantScan tenantScan(TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history, ScanStore store) {
        return new TenantScan(directory, sharePoint, history, store);
    }

    @Bean
    PhotoDoctor photoDoctor(Directory directory, PhotoInspection microsoft365, ProfilePhotoStore sharePoint, SyncHistory history) {
        return new PhotoDoctor(directory, microsoft365, sharePoint, history);
    }
}
