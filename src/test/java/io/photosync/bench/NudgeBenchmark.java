package io.photosync.bench;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import io.photosync.PhotoSyncApplication;
import io.photosync.nudge.NudgeStatus;
import io.photosync.nudge.Nudges;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A nudge to thousands of people from two replicas sharing one PostgreSQL, against a Bot
 * Connector that refuses anything above 30 sends per second: how close to the limit the
 * replicas together stay, and whether any nudge is lost or sent twice.
 */
final class NudgeBenchmark {

    private NudgeBenchmark() {
    }

    static String run(int recipients, int limit) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String database = "nudge_bench";
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database " + database);
            }
            try (ConfigurableApplicationContext first = replica(postgres, database, limit);
                 ConfigurableApplicationContext second = replica(postgres, database, limit)) {
                SimulatedBotConnector connector = first.getBean(SimulatedTenant.class).botConnector();
                connector.enforceRate(limit);
                List<String> people = conversations(first.getBean(DataSource.class), connector.serviceUrl(), recipients);
                Nudges nudges = first.getBean(Nudges.class);

                long start = System.nanoTime();
                String campaign = nudges.start("bench-operator", people, "en").id();
                NudgeStatus status;
                while ((status = nudges.status(campaign)).pending() > 0) {
                    Thread.sleep(200);
                }
                double seconds = (System.nanoTime() - start) / 1e9;

                Map<String, Integer> perConversation = new HashMap<>();
                connector.sent().forEach(sent -> perConversation.merge(sent.conversationId(), 1, Integer::sum));
                long duplicates = perConversation.values().stream().filter(n -> n > 1).count();
                int lost = recipients - perConversation.size();
                return String.format(Locale.ROOT, "nudge: %d recipients from 2 replicas on PostgreSQL, connector limit %d/s: %d sent in %.1f s = %.1f/s "
                                + "(%.0f %% of the limit; target >= 90 %%); lost %d, sent twice %d, failed %d; connector refusals %d, tenant pauses %d",
                        recipients, limit, status.sent(), seconds, status.sent() / seconds, 100 * status.sent() / seconds / limit,
                        lost, duplicates, status.failed(), connector.rateRefusals(), nudges.pauses());
            }
        }
    }

    private static ConfigurableApplicationContext replica(EmbeddedPostgres postgres, String database, int limit) {
        return new SpringApplicationBuilder(PhotoSyncApplication.class).run("--server.port=0", "--management.server.port=0", "--photosync.sandbox.port=0",
                "--photosync.sandbox.connector-port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--photosync.proactive.tenant-rate=" + limit,
                "--logging.level.io.photosync=WARN");
    }

    /** Stores a 1:1 conversation with the bot for each of {@code count} new people; returns their ids. */
    private static List<String> conversations(DataSource dataSource, String serviceUrl, int count) throws Exception {
        var mapper = new JacksonAdapter().serializer();
        List<Object[]> rows = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = UUID.randomUUID().toString();
            ConversationReference reference = new ConversationReference();
            reference.setChannelId("msteams");
            reference.setServiceUrl(serviceUrl);
            reference.setConversation(new ConversationAccount("a:nudge-" + person));
            reference.setBot(new ChannelAccount("28:photosync"));
            reference.setUser(new ChannelAccount("29:" + person));
            rows.add(new Object[] {person, "a:nudge-" + person, serviceUrl, mapper.writeValueAsString(reference), OffsetDateTime.now()});
            people.add(person);
        }
        new JdbcTemplate(dataSource).batchUpdate("insert into conversation_reference (user_object_id, conversation_id, service_url, "
                + "reference_json, installed, updated_at) values (?, ?, ?, ?, true, ?)", rows);
        return people;
    }
}
