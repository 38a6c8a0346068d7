package io.photosync.audit;

import io.photosync.identity.SignedInPerson;
import io.photosync.identity.SsoExchange;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.RecentlySynced;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(JdbcClient.create(dataSource), Clock.systemUTC());
    }

    /** First among the job listeners: the entry exists before the card that reports the sync. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SyncAudit syncAudit(AuditLog audit, SsoExchange sso, RecentlySynced recentlySynced, Directory directory) {
        return new SyncAudit(audit, objectId -> recentlySynced.userPrincipalName(objectId)
                .or(() -> sso.person(objectId).map(SignedInPerson::userPrincipalName))
                .or(() -> directory.findUser(objectId).map(DirectoryUser::userPrincipalName)));
    }
}
