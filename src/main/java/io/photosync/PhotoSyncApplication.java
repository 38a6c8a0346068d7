package io.photosync;

import io.photosync.preflight.PreflightCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the PhotoSync bot; {@code preflight [--user <upn>] [--write] [--record <file>]} checks the setup instead
 * ({@link PreflightCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhotoSyncApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("preflight")) {
            PreflightCommand.main(PhotoSyncApplication.class, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(PhotoSyncApplication.class, args);
    }
}
