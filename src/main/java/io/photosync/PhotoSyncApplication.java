package io.photosync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the PhotoSync bot; {@code preflight [--user <upn>] [--write]} checks the setup instead
 * ({@link io.photosync.preflight.Preflight}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhotoSyncApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("preflight")) {
            io.photosync.preflight.Preflight.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(PhotoSyncApplication.class, args);
    }
}
