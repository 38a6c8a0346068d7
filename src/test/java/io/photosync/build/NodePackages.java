package io.photosync.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the Node packages the build uses (the Teams manifest validator, the Agents Playground
 * and playwright-core), so that a fresh clone needs one command: {@code npm ci} in each folder
 * named, with the machine's own Node.js, only when {@code node_modules} does not already hold
 * what the lock file pins. Run by Maven before the tests; nothing here downloads Node itself.
 */
public final class NodePackages {

    /** Written into node_modules after a clean install: the SHA-256 of the lock file it installed. */
    static final String STAMP = ".photosync-lock-sha256";
    /**
     * Microsoft's manifest package loads ES modules with require(), which Node.js has done
     * unflagged since 20.19; Debian 12's own nodejs (18) fails on it, NodeSource's 20 does not.
     */
    static final int[] NODE_AT_LEAST = {20, 19};
    static final String INSTALL_NODE = "install Node.js 20.19 or newer with npm (Debian 13: sudo apt-get install nodejs npm;"
            + " older Debian and Ubuntu: NodeSource's nodejs; macOS: brew install node; Windows: winget install OpenJS.NodeJS.LTS)";
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private NodePackages() {
    }

    public static void main(String[] folders) throws IOException, InterruptedException {
        requireNode("node");
        for (String folder : folders) {
            install(Path.of(folder));
        }
    }

    static void install(Path folder) throws IOException, InterruptedException {
        Path lock = folder.resolve("package-lock.json");
        if (!Files.isRegularFile(lock)) {
            throw new IllegalStateException(lock + " is missing: the Node packages of " + folder + " are pinned by it");
        }
        if (upToDate(folder)) {
            System.out.println("node packages: " + folder + " matches its package-lock.json");
            return;
        }
        System.out.println("node packages: npm ci in " + folder);
        int exit = run(folder, List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"));
        if (exit != 0) {
            throw new IllegalStateException("npm ci in " + folder + " failed (exit " + exit + "); its output is above");
        }
        Files.writeString(folder.resolve("node_modules").resolve(STAMP), digest(lock), StandardCharsets.US_ASCII);
    }

    /** True when node_modules was installed by us from exactly this lock file. */
    static boolean upToDate(Path folder) throws IOException {
        Path stamp = folder.resolve("node_modules").resolve(STAMP);
        return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.US_ASCII).trim().equals(digest(folder.resolve("package-lock.json")));
    }

    static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireNode(String executable) throws InterruptedException {
        String version;
        try {
            Process node = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            node.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Node.js is not installed: " + INSTALL_NODE);
        }
        if (!recentEnough(version)) {
            throw new IllegalStateException("Node.js " + version + " is too old: " + INSTALL_NODE);
        }
    }

    static boolean recentEnough(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.lookingAt()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        return major > NODE_AT_LEAST[0] || major == NODE_AT_LEAST[0] && Integer.parseInt(matcher.group(2)) >= NODE_AT_LEAST[1];
    }

    private static int run(Path folder, List<String> command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("npm is not installed: " + INSTALL_NODE);
        }
    }
}
