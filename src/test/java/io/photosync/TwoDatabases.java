package io.photosync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 and a real PostgreSQL (embedded, started for the test class), for tests that must hold on
 * both: {@code @RegisterExtension static final TwoDatabases DATABASES = new TwoDatabases();} and
 * {@code @MethodSource("io.photosync.TwoDatabases#names")}.
 */
public final class TwoDatabases implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    /** The parameters of a test run on both: "h2" and "postgres". */
    public static Stream<String> names() {
        return Stream.of("h2", "postgres");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** A new, empty database of that kind with PhotoSync's migrations applied. */
    public DataSource fresh(String name) {
        DataSource dataSource;
        if ("h2".equals(name)) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:test-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            dataSource = h2;
        } else {
            String database = "test_" + System.nanoTime();
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + database).update();
            dataSource = postgres.getDatabase("postgres", database);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
