package io.photosync.sync;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    /** Threads that read a sync's independent files together; a few per running sync are plenty. */
    private static final int READ_THREADS = 16;

    @Bean
    PhotoSyncService photoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint,
                                      OwnProfile ownProfile, PhotoVersions versions, NewPhotos newPhotos, PhotoWriter writer,
                                      SyncProperties properties, ExecutorService syncReads, RecentlySynced recentlySynced) {
        return new PhotoSyncService(recentlySynced.remembering(directory), photos, sharePoint, ownProfile, versions, newPhotos, writer, properties,
                Clock.systemUTC(), syncReads);
    }

    @Bean
    RecentlySynced recentlySynced() {
        return new RecentlySynced();
    }

    /** A bounded pool shared by every sync, not a thread per call. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService syncReads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(READ_THREADS, work -> {
            Thread thread = new Thread(work, "sync-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
