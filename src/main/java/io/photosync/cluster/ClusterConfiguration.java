package io.photosync.cluster;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    SharedBuckets sharedBuckets(DataSource dataSource) throws SQLException {
        return SharedBuckets.on(dataSource);
    }
}
