package io.photosync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the PhotoSync bot. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhotoSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(PhotoSyncApplication.class, args);
    }
}
