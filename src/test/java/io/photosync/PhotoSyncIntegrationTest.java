package io.photosync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against a fresh simulated tenant, with Bot Framework JWT
 * validation on. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "photosync.bot.app-id=" + PhotoSyncIntegrationTest.BOT_APP_ID,
        "photosync.sandbox.port=0",
        "photosync.sandbox.connector-port=0",
        "photosync.photo.propagation-first-check=1s"})
public @interface PhotoSyncIntegrationTest {

    String BOT_APP_ID = "3e9a1f0c-6b2d-4d7e-8a15-c4f2e7b9d061";
}
