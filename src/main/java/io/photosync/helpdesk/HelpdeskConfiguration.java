package io.photosync.helpdesk;

import io.photosync.identity.SsoExchange;
import io.photosync.sync.GroupDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HelpdeskConfiguration {

    @Bean
    Operators operators(SsoExchange sso, GroupDirectory groups, HelpdeskProperties helpdesk) {
        return new Operators(sso, groups, helpdesk);
    }
}
