package io.photosync.history;

import io.photosync.jobs.Recurring;
import io.photosync.sync.Directory;
import io.photosync.sync.RemoteServiceException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HistoryConfiguration.class);

    @Bean
    JdbcPhotoVersions photoVersions(DataSource dataSource, TransactionTemplate transactions, HistoryProperties properties) {
        return new JdbcPhotoVersions(JdbcClient.create(dataSource), transactions, properties, Clock.systemUTC());
    }

    @Bean
    JdbcNewPhotos newPhotos(DataSource dataSource, NewPhotoProperties properties) {
        return new JdbcNewPhotos(JdbcClient.create(dataSource), properties.expireAfter(), Clock.systemUTC());
    }

    /** Sent photos nobody used in time go with their bytes, at least every hour. */
    @Bean
    Recurring newPhotoExpiry(JdbcNewPhotos photos, NewPhotoProperties properties) {
        return Recurring.sweeping("new-photo-expiry", properties.expireAfter(), Duration.ofMinutes(1), Duration.ofHours(1), photos::purgeExpired);
    }

    /** Versions past their retention and those of deleted accounts go; a directory that does not answer deletes nothing. */
    @Bean
    Recurring photoHistoryPruning(JdbcPhotoVersions versions, Directory directory, HistoryProperties properties) {
        return Recurring.every("photo-history-pruning", properties.pruneEvery(), () -> {
            int removed = versions.prune(subjectId -> {
                try {
                    return directory.findUser(subjectId).isPresent();
                } catch (RemoteServiceException e) {
                    return true;
                }
            });
            if (removed > 0) {
                log.info("photo history: {} version(s) past their retention or of deleted accounts removed", removed);
            }
        });
    }
}
