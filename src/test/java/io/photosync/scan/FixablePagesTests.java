package io.photosync.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.TwoDatabases;
import io.photosync.sync.DirectoryUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** "scan and fix" walks the people a sync would help a page at a time: every one once, in order, nobody else. */
class FixablePagesTests {

    @RegisterExtension
    static final TwoDatabases DATABASES = new TwoDatabases();

    @ParameterizedTest
    @MethodSource("io.photosync.TwoDatabases#names")
    void pagesThroughTheStaleAndMissingByObjectId(String database) {
        DataSource dataSource = DATABASES.fresh(database);
        JdbcScanStore store = new JdbcScanStore(JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
        String run = store.create("operator");
        ScanClass[] classes = {ScanClass.STALE, ScanClass.CURRENT, ScanClass.MISSING, ScanClass.SKIPPED, ScanClass.STALE};
        List<ScanStore.Finding> findings = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = String.format("person-%02d", i);
            findings.add(new ScanStore.Finding(run, new DirectoryUser(id, id + "@contoso.com", id, false, null, null, null, null), classes[i % 5], null));
        }
        store.save(findings);

        Map<String, String> walked = new LinkedHashMap<>();
        List<Integer> pageSizes = new ArrayList<>();
        String after = "";
        for (int pages = 0; pages < 100; pages++) {
            Map<String, String> page = store.fixable(run, after, 4);
            if (page.isEmpty()) {
                break;
            }
            pageSizes.add(page.size());
            walked.putAll(page);
            after = List.copyOf(page.keySet()).get(page.size() - 1);
        }

        assertThat(walked).isEqualTo(store.fixable(run)).hasSize(15).containsEntry("person-02", "person-02@contoso.com")
                .doesNotContainKeys("person-01", "person-03");
        assertThat(List.copyOf(walked.keySet())).isSorted();
        assertThat(pageSizes).containsExactly(4, 4, 4, 3);
    }
}
