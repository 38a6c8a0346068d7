package io.photosync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads everything the test run logged ({@code target/test-logs/photosync.log}, see
 * {@code logback-test.xml}) and fails the build if a token is in it: access tokens, Teams SSO
 * tokens and client assertions are all JWTs, which start {@code eyJ…} in both header and claims.
 * Run by Maven: {@code reset} before the tests, {@code check} in {@code verify}.
 */
public final class LogScan {

    static final Path LOG = Path.of("target", "test-logs", "photosync.log");
    /** A JWT: base64url JSON header, base64url JSON claims, and a signature part. */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    /** A base64 photo that made it into a log line. */
    static final Pattern PHOTO = Pattern.compile("/9j/4AAQSkZJRg|iVBORw0KGgo");

    private LogScan() {
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length == 1 && arguments[0].equals("reset")) {
            Files.deleteIfExists(LOG);
            return;
        }
        if (!Files.exists(LOG)) {
            throw new IllegalStateException(LOG + " is missing: the tests did not log where logback-test.xml says");
        }
        List<String> findings = findings(Files.readAllLines(LOG, StandardCharsets.UTF_8));
        long lines;
        try (var all = Files.lines(LOG, StandardCharsets.UTF_8)) {
            lines = all.count();
        }
        if (!findings.isEmpty()) {
            throw new IllegalStateException("secrets in the test logs (" + LOG + "):\n" + String.join("\n", findings));
        }
        System.out.println("log scan: " + lines + " lines logged by the tests, no token, assertion or photo among them");
    }

    static List<String> findings(List<String> lines) {
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher jwt = JWT.matcher(lines.get(i));
            if (jwt.find()) {
                findings.add("line " + (i + 1) + ": a JWT (" + jwt.group().substring(0, 12) + "…)");
            }
            if (PHOTO.matcher(lines.get(i)).find()) {
                findings.add("line " + (i + 1) + ": photo bytes");
            }
        }
        return findings;
    }
}
