package io.photosync.web;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Report sessions last an hour: long enough to read and download, short enough that a lost operator role soon counts. */
    @Bean
    ReportSessions reportSessions(DataSource dataSource) {
        return new ReportSessions(JdbcClient.create(dataSource), Duration.ofHours(1), Clock.systemUTC());
    }

    @Bean
    ConsentStates consentStates(DataSource dataSource) {
        return new ConsentStates(JdbcClient.create(dataSource), Clock.systemUTC());
    }
}
