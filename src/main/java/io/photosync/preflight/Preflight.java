package io.photosync.preflight;

import com.nimbusds.jwt.JWTParser;
import io.photosync.PhotoSyncApplication;
import io.photosync.graph.GraphProperties;
import io.photosync.http.Tls;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.TokenProvider;
import io.photosync.sharepoint.SharePointProperties;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.SourcePhoto;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar photosync.jar preflight [--user <upn>] [--write]}: before anyone uses PhotoSync,
 * checks against the real tenant that every piece is in place — the certificate, a token for each
 * resource with the permissions PhotoSync needs, a test user's Graph photo and SharePoint profile,
 * optionally a full write-and-verify round trip on that user, and the bot's own Bot Connector
 * token. One line per check, ✔ or ✘ with the exact missing piece; any ✘ exits non-zero.
 */
public final class Preflight {

    /** One check's result. */
    public record Line(boolean ok, String check, String detail) {

        public String render() {
            return (ok ? "✔ " : "✘ ") + check + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** Every line, in the order checked. */
    public record Report(List<Line> lines) {

        public int exitCode() {
            return lines.stream().allMatch(Line::ok) ? 0 : 1;
        }
    }

    private static final String BOT_CONNECTOR = "https://api.botframework.com/.default";

    private final org.springframework.context.ApplicationContext context;
    private final List<Line> lines = new ArrayList<>();

    private Preflight(org.springframework.context.ApplicationContext context) {
        this.context = context;
    }

    /**
     * The same checks inside the running application (the operators' "preflight" command): its
     * own settings and beans, reading only — no {@code --write}.
     */
    public static Report checkRunning(org.springframework.context.ApplicationContext running, String userPrincipalName) {
        Preflight preflight = new Preflight(running);
        preflight.check(userPrincipalName, false);
        return new Report(List.copyOf(preflight.lines));
    }

    /** The command line: prints the report and exits with its code. */
    public static void main(String[] arguments) {
        // Only the report on the console: the application's own log stays quiet.
        Report report = run(arguments, "--logging.level.root=WARN", "--logging.level.io.photosync=WARN");
        report.lines().forEach(line -> System.out.println(line.render()));
        System.exit(report.exitCode());
    }

    /**
     * Runs the checks in an application context of its own that starts nothing (no web server, no
     * jobs, beans only when a check needs them), so a broken setting shows up as a ✘ line, not a
     * failed start. {@code settings} are extra {@code --name=value} properties (tests use them).
     */
    public static Report run(String[] arguments, String... settings) {
        List<String> options = Arrays.asList(arguments);
        String user = options.contains("--user") && options.indexOf("--user") + 1 < options.size()
                ? options.get(options.indexOf("--user") + 1) : null;
        // The check reads the SSO setting itself (tokenKey); its own context needs no key to start.
        String selfMode = Arrays.stream(settings).filter(s -> s.startsWith("--photosync.sync.self-mode=")).map(s -> s.substring(s.indexOf('=') + 1))
                .findFirst().orElse(Optional.ofNullable(System.getenv("PHOTOSYNC_SYNC_SELF_MODE")).orElse("delegated-then-app-only"));
        List<String> properties = new ArrayList<>(List.of("--spring.main.lazy-initialization=true", "--photosync.jobs.autostart=false",
                "--photosync.preflight.self-mode=" + selfMode,
                "--spring.main.banner-mode=off"));
        properties.addAll(List.of(settings));
        properties.add("--photosync.sync.self-mode=app-only");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PhotoSyncApplication.class)
                .web(WebApplicationType.NONE).run(properties.toArray(String[]::new))) {
            Preflight preflight = new Preflight(context);
            preflight.check(user, options.contains("--write"));
            return new Report(List.copyOf(preflight.lines));
        }
    }

    private void check(String userPrincipalName, boolean write) {
        EntraProperties entra = context.getBean(EntraProperties.class);
        if (!credentialConfigured(entra)) {
            return;
        }
        TokenProvider tokens;
        try {
            tokens = TokenProvider.forApp(entra, context.getBean(Tls.class).socketFactory());
            pass("credential", entra.certificatePath() != null && !entra.certificatePath().isBlank()
                    ? "certificate " + entra.certificatePath() + " loaded" : "client secret");
        } catch (RuntimeException e) {
            fail("credential", "the certificate " + entra.certificatePath() + " cannot be used: " + firstLine(e));
            return;
        }
        GraphProperties graph = context.getBean(GraphProperties.class);
        SharePointProperties sharePoint = context.getBean(SharePointProperties.class);
        boolean tokensOk = token(tokens, entra, "Microsoft Graph", origin(graph.baseUrl()) + "/.default",
                List.of(List.of("User.Read.All"), List.of("ProfilePhoto.Read.All", "User.Read.All"),
                        List.of("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All")))
                & token(tokens, entra, "SharePoint My Site host", trim(sharePoint.mySiteHost()) + "/.default",
                List.of(List.of("Sites.FullControl.All", "Sites.ReadWrite.All"), List.of("User.ReadWrite.All", "User.Read.All")))
                & token(tokens, entra, "SharePoint admin host", trim(sharePoint.adminHost()) + "/.default",
                List.of(List.of("User.ReadWrite.All")))
                & token(tokens, entra, "Bot Connector", BOT_CONNECTOR, List.of());
        ssoKey();
        if (userPrincipalName != null && tokensOk) {
            checkUser(userPrincipalName, write);
        } else if (userPrincipalName == null) {
            pass("test user", "none given (--user <upn> reads a user's photo and profile; --write also writes them)");
        }
    }

    /** "Sync my photo" as the person needs the key that seals their tokens, the same on every replica. */
    private void ssoKey() {
        String mode = context.getEnvironment().getProperty("photosync.preflight.self-mode",
                context.getEnvironment().getProperty("photosync.sync.self-mode", "delegated-then-app-only"));
        io.photosync.identity.SsoProperties sso = context.getBean(io.photosync.identity.SsoProperties.class);
        if (mode.equals("app-only")) {
            pass("Teams SSO", "off (PHOTOSYNC_SYNC_SELF_MODE=app-only)");
        } else if (blank(sso.tokenKey()) && (blank(sso.tokenKeyPath()) || !java.nio.file.Files.isReadable(java.nio.file.Path.of(sso.tokenKeyPath())))) {
            fail("Teams SSO", "set PHOTOSYNC_SSO_TOKEN_KEY_PATH to a file holding 32 random bytes, base64 (openssl rand -base64 32), the same on every replica");
        } else {
            pass("Teams SSO", "token key configured; self-mode " + mode);
        }
    }

    private boolean credentialConfigured(EntraProperties entra) {
        if (blank(entra.tenantId())) {
            fail("configuration", "set PHOTOSYNC_ENTRA_TENANT_ID to the directory (tenant) id");
            return false;
        }
        if (blank(entra.clientId())) {
            fail("configuration", "set PHOTOSYNC_ENTRA_CLIENT_ID to the app registration's application (client) id");
            return false;
        }
        pass("configuration", "tenant " + entra.tenantId() + ", app " + entra.clientId());
        if (blank(entra.certificatePath())) {
            fail("SharePoint credential", blank(entra.clientSecret())
                    ? "set PHOTOSYNC_ENTRA_CERTIFICATE_PATH to the app's certificate (PEM or PKCS#12)"
                    : "SharePoint app-only needs a certificate, not a secret: upload a certificate to the app registration and set PHOTOSYNC_ENTRA_CERTIFICATE_PATH");
            return !blank(entra.clientSecret());
        }
        return true;
    }

    /** A token for the resource, and every permission group satisfied by one of its roles. */
    private boolean token(TokenProvider tokens, EntraProperties entra, String resource, String scope, List<List<String>> required) {
        String token;
        try {
            token = tokens.accessToken(scope);
        } catch (RuntimeException e) {
            fail("token for " + resource, explain(e, entra, scope));
            return false;
        }
        Set<String> roles = roles(token);
        List<String> missing = required.stream().filter(anyOf -> anyOf.stream().noneMatch(roles::contains))
                .map(anyOf -> anyOf.get(0)).toList();
        if (!missing.isEmpty()) {
            String api = resource.startsWith("SharePoint") ? "SharePoint" : "Microsoft Graph";
            fail("token for " + resource, "grant " + api + " application permission " + String.join(", ", missing) + " and consent");
            return false;
        }
        pass("token for " + resource, roles.isEmpty() ? "" : "permissions " + String.join(", ", roles.stream().sorted().toList()));
        return true;
    }

    private void checkUser(String userPrincipalName, boolean write) {
        try {
            Optional<DirectoryUser> found = context.getBean(Directory.class).findUser(userPrincipalName);
            if (found.isEmpty()) {
                fail("test user", "no user " + userPrincipalName + " in the directory: give the UPN of an existing member");
                return;
            }
            DirectoryUser user = found.get();
            pass("test user", user.displayName() + " (" + user.objectId() + ")");
            Optional<SourcePhoto> photo = context.getBean(PhotoSource.class).photoOf(user.objectId());
            if (photo.isPresent()) {
                pass("Microsoft 365 photo", photo.get().bytes().length + " bytes, ETag " + photo.get().etag());
            } else {
                fail("Microsoft 365 photo", user.userPrincipalName() + " has no photo in Microsoft 365: pick a test user who has one");
            }
            boolean profile = context.getBean(ProfilePhotoStore.class).profileOf(user).isPresent();
            if (profile) {
                pass("SharePoint profile", user.accountName());
            } else {
                fail("SharePoint profile", "SharePoint has no profile for " + user.userPrincipalName() + " yet: they must open SharePoint or OneDrive once");
            }
            if (write && photo.isPresent() && profile) {
                SyncOutcome outcome = context.getBean(PhotoSyncService.class).sync(new SyncRequest(user.objectId()));
                if (outcome instanceof SyncOutcome.Synced synced) {
                    pass("write and read back", "PictureURL " + synced.pictureUrl());
                } else {
                    fail("write and read back", outcome.code() + ": " + outcome);
                }
            }
        } catch (RuntimeException e) {
            fail("test user", firstLine(e));
        }
    }

    /** The AADSTS codes an admin meets first, in words that name the fix. */
    private static String explain(RuntimeException e, EntraProperties entra, String scope) {
        String message = firstLine(e);
        if (message.contains("AADSTS90002") || message.contains("AADSTS900023") || message.contains("404")) {
            return "Entra ID knows no tenant " + entra.tenantId() + ": check PHOTOSYNC_ENTRA_TENANT_ID";
        }
        if (message.contains("AADSTS700016")) {
            return "tenant " + entra.tenantId() + " has no app " + entra.clientId() + ": check PHOTOSYNC_ENTRA_CLIENT_ID";
        }
        if (message.contains("AADSTS700027")) {
            return "the certificate is not the one uploaded to the app registration: upload it (Certificates & secrets)";
        }
        if (message.contains("AADSTS7000215")) {
            return "the client secret is wrong or expired";
        }
        if (message.contains("AADSTS500011")) {
            return "the resource " + scope.replace("/.default", "") + " does not exist in the tenant: check the host name";
        }
        return message;
    }

    private static Set<String> roles(String token) {
        try {
            Object roles = JWTParser.parse(token).getJWTClaimsSet().getClaim("roles");
            if (roles instanceof Collection<?> list) {
                return list.stream().map(String::valueOf).collect(Collectors.toSet());
            }
            return Set.of();
        } catch (java.text.ParseException e) {
            return Set.of();
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath().replaceAll("/v1\\.0/?$|/beta/?$", "");
    }

    private static String trim(String host) {
        return host == null ? "" : host.replaceAll("/+$", "");
    }

    private void pass(String check, String detail) {
        lines.add(new Line(true, check, detail));
    }

    private void fail(String check, String detail) {
        lines.add(new Line(false, check, detail));
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
