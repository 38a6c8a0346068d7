package io.photosync.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar photosync.jar preflight [--user <upn>] [--write] [--record <file>]}: runs
 * {@link PreflightChecks} in an application context of its own that starts nothing (no web server,
 * no jobs, beans only when a check needs them), so a broken setting shows up as a ✘ line, not a
 * failed start; {@code --record} also writes the probes' redacted answers ({@link PreflightRecorder}).
 */
public final class PreflightCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PreflightCommand() {
    }

    /** Prints the report and exits with its code. */
    public static void main(Class<?> application, String[] arguments) {
        // Only the report on the console: the application's own log stays quiet.
        PreflightReport report = run(application, arguments, "--logging.level.root=WARN", "--logging.level.io.photosync=WARN");
        report.lines().forEach(line -> System.out.println(line.render()));
        System.exit(report.exitCode());
    }

    /** @param settings extra {@code --name=value} properties (tests use them) */
    public static PreflightReport run(Class<?> application, String[] arguments, String... settings) {
        List<String> options = Arrays.asList(arguments);
        int user = options.indexOf("--user");
        String testUser = user >= 0 && user + 1 < options.size() ? options.get(user + 1) : null;
        int record = options.indexOf("--record");
        Path recording = record >= 0 && record + 1 < options.size() ? Path.of(options.get(record + 1)) : null;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).run(properties(settings))) {
            PreflightReport report = context.getBean(PreflightChecks.class).check(testUser, options.contains("--write"));
            return recording == null ? report : report.with(record(context.getBean(PreflightRecorder.class), testUser, options.contains("--write"), recording));
        }
    }

    private static PreflightReport.Line record(PreflightRecorder recorder, String testUser, boolean write, Path file) {
        ObjectNode recorded = recorder.record(testUser, write);
        try {
            Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(recorded) + "\n");
            return new PreflightReport.Line(true, "recording", recorded.path("probes").size() + " probes written to " + file
                    + " (tokens, ids, names and photo bytes removed): attach it to an issue");
        } catch (IOException e) {
            return new PreflightReport.Line(false, "recording", "could not write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Lazy beans, no jobs, and app-only syncs (the write check syncs as the app). The SSO check
     * still judges the self-mode the service will run with, so it is passed on separately.
     */
    private static String[] properties(String... settings) {
        String selfMode = Arrays.stream(settings).filter(s -> s.startsWith("--photosync.sync.self-mode=")).map(s -> s.substring(s.indexOf('=') + 1))
                .findFirst().orElse(Optional.ofNullable(System.getenv("PHOTOSYNC_SYNC_SELF_MODE")).orElse("delegated-then-app-only"));
        List<String> properties = new ArrayList<>(List.of("--spring.main.lazy-initialization=true", "--photosync.jobs.autostart=false",
                "--photosync.preflight.self-mode=" + selfMode, "--spring.main.banner-mode=off"));
        properties.addAll(List.of(settings));
        properties.add("--photosync.sync.self-mode=app-only");
        return properties.toArray(String[]::new);
    }
}
