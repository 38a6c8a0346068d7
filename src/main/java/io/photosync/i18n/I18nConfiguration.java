package io.photosync.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    @Bean
    Messages messages(MessageSource messageSource) {
        return new Messages(messageSource);
    }
}
