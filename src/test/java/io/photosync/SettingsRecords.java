package io.photosync;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Every {@code @ConfigurationProperties} record PhotoSync has, found as the application finds them (a scan), not listed by hand. */
final class SettingsRecords {

    static final List<Class<?>> ALL = scan();

    private SettingsRecords() {
    }

    private static List<Class<?>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents("io.photosync").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, SettingsRecords.class.getClassLoader()))
                .toList();
    }
}
