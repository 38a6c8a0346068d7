package io.photosync.doctor;

import io.photosync.sync.Directory;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.SyncHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DoctorConfiguration {

    @Bean
    PhotoDoctor photoDoctor(Directory directory, PhotoInspection microsoft365, ProfilePhotoStore sharePoint, SyncHistory history) {
        return new PhotoDoctor(directory, microsoft365, sharePoint, history);
    }
}
