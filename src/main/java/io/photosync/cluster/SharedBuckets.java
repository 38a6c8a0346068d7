package io.photosync.cluster;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where rate limits live: in PostgreSQL when the database is PostgreSQL, so all replicas together
 * stay under a limit; nowhere shared on H2 (one replica), where each limit is a bucket in memory.
 */
public final class SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    private final ProxyManager<Long> database;

    private SharedBuckets(ProxyManager<Long> database) {
        this.database = database;
    }

    static SharedBuckets on(DataSource dataSource) throws SQLException {
        if (postgreSql(dataSource)) {
            return new SharedBuckets(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).build());
        }
        log.info("The proactive send rate and the SharePoint budget are kept in memory (for one replica); use PostgreSQL for several.");
        return new SharedBuckets(null);
    }

    /** The buckets every replica shares, or empty when each replica keeps its own in memory. */
    public Optional<ProxyManager<Long>> database() {
        return Optional.ofNullable(database);
    }

    private static boolean postgreSql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }
}
