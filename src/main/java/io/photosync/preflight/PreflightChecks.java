package io.photosync.preflight;

import io.photosync.graph.GraphProperties;
import io.photosync.identity.AppTokens;
import io.photosync.identity.EntraAdvice;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.SsoProperties;
import io.photosync.identity.TokenProvider;
import io.photosync.sharepoint.SharePointGeos;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Checks against the real tenant that every piece is in place — the certificate, a token for each
 * resource with the permissions PhotoSync needs, the key that seals people's tokens, a test user's
 * Graph photo and SharePoint profile, optionally a full write-and-verify round trip on that user —
 * one line per check, ✔ or ✘ with the exact missing piece. Used by the command line
 * ({@link PreflightCommand}) and by operators in Teams ("preflight", reading only).
 */
public final class PreflightChecks {


    /**
     * The settings checked; {@code selfMode} is the one the service runs with; {@code approving}
     * whether people's new photos wait for an approver (then they are written app-only).
     */
    record Settings(EntraProperties entra, GraphProperties graph, SharePointProperties sharePoint, SsoProperties sso, String selfMode,
                    boolean approving, String syncMode) {
    }

    /**
     * What the test-user checks read and write through, each built only when reached; and a
     * signed-in person's delegated Graph token (by object id), whose {@code scp} shows which
     * delegated permissions the tenant consented to.
     */
    record TestUser(Supplier<Directory> directory, Supplier<PhotoSource> photos, Supplier<ProfilePhotoStore> profiles,
                    Supplier<PhotoSyncService> sync, Function<String, Optional<String>> delegatedGraphToken) {
    }

    /** The delegated permissions that let a person set their own Microsoft 365 photo (least privileged first). */
    private static final List<String> OWN_PHOTO_WRITE = List.of("ProfilePhoto.ReadWrite.All", "User.ReadWrite", "User.ReadWrite.All");

    private final Settings settings;
    private final Supplier<SSLSocketFactory> tls;
    private final TestUser testUser;
    private final MicrosoftEndpoints endpoints;

    PreflightChecks(MicrosoftEndpoints endpoints, Settings settings, Supplier<SSLSocketFactory> tls, TestUser testUser) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.tls = tls;
        this.testUser = testUser;
    }

    /** @param userPrincipalName a test user to read (and, with {@code write}, sync), or null */
    public PreflightReport check(String userPrincipalName, boolean write) {
        return check(userPrincipalName, write, null);
    }

    /** @param signedIn the object id of the person asking from Teams, whose sign-in shows the delegated permissions; null on the command line */
    public PreflightReport check(String userPrincipalName, boolean write, String signedIn) {
        List<PreflightReport.Line> lines = new ArrayList<>();
        Run run = new Run(lines);
        lines.add(new PreflightReport.Line(true, "Microsoft endpoints", endpoints.summary()));
        run.check(userPrincipalName, write);
        run.newPhotos(signedIn);
        return new PreflightReport(lines);
    }

    /** One preflight's lines, in the order checked. */
    private final class Run {
        private final List<PreflightReport.Line> lines;

        Run(List<PreflightReport.Line> lines) {
            this.lines = lines;
        }

        void check(String userPrincipalName, boolean write) {
            EntraProperties entra = settings.entra();
            if (!credentialConfigured(entra)) {
                return;
            }
            TokenProvider tokens;
            try {
                tokens = AppTokens.of(entra, tls.get());
                pass("credential", !blank(entra.certificatePath()) ? "certificate " + entra.certificatePath() + " loaded" : "client secret");
            } catch (RuntimeException e) {
                fail("credential", "the certificate " + entra.certificatePath() + " cannot be used: " + EntraAdvice.firstLine(e));
                return;
            }
            boolean tokensOk = token(tokens, "Microsoft Graph", origin(settings.graph().baseUrl()) + "/.default",
                    List.of(List.of("User.Read.All"), List.of("ProfilePhoto.Read.All", "User.Read.All"),
                            List.of("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All")))
                    & token(tokens, "SharePoint My Site host", trim(settings.sharePoint().mySiteHost()) + "/.default",
                    SharePointNeeds.mySiteHost(settings.syncMode()))
                    & token(tokens, "SharePoint admin host", trim(settings.sharePoint().adminHost()) + "/.default",
                    SharePointNeeds.adminHost(settings.syncMode()))
                    & token(tokens, "Bot Connector", endpoints.connectorScope(), List.of());
            for (SharePointGeos.Hosts geo : SharePointGeos.of(settings.sharePoint()).others()) {
                tokensOk &= token(tokens, "SharePoint My Site host (" + geo.location() + ")", geo.mySite() + "/.default", SharePointNeeds.mySiteHost(settings.syncMode()))
                        & token(tokens, "SharePoint admin host (" + geo.location() + ")", geo.admin() + "/.default", SharePointNeeds.adminHost(settings.syncMode()));
            }
            if (tokensOk) {
                pass("SharePoint writes", SharePointNeeds.writes(settings.syncMode(),
                        TokenClaims.roles(tokens.accessToken(trim(settings.sharePoint().adminHost()) + "/.default"))));
                colleaguePhotos(tokens);
            }
            ssoKey();
            if (userPrincipalName != null && tokensOk) {
                checkUser(userPrincipalName, write);
            } else if (userPrincipalName == null) {
                pass("test user", "none given (--user <upn> reads a user's photo and profile; --write also writes them)");
            }
        }

        /**
         * "Use this as my photo" sets the person's Microsoft 365 photo with their own delegated
         * token: Graph's {@code ProfilePhoto.ReadWrite.All} (or {@code User.ReadWrite}) must be
         * consented. Only a signed-in person's token shows it; the command line cannot.
         */
        void newPhotos(String signedIn) {
            if (signedIn == null) {
                pass("new photos from Teams", "delegated " + OWN_PHOTO_WRITE.get(0) + " not checked here: run \"preflight\" in Teams as an "
                        + "operator, whose sign-in shows the consented delegated permissions");
                return;
            }
            Optional<String> token;
            try {
                token = testUser.delegatedGraphToken().apply(signedIn);
            } catch (RuntimeException e) {
                token = Optional.empty();
            }
            if (token.isEmpty()) {
                pass("new photos from Teams", "not checked: no delegated Graph token of yours is kept now (sign in again and ask once more)");
                return;
            }
            Set<String> scopes = TokenClaims.scopes(token.get());
            Optional<String> granted = OWN_PHOTO_WRITE.stream().filter(scopes::contains).findFirst();
            if (granted.isPresent()) {
                pass("new photos from Teams", "delegated " + granted.get() + " consented: people can set their own photo");
            } else {
                fail("new photos from Teams", "grant Microsoft Graph delegated permission " + OWN_PHOTO_WRITE.get(0) + " and consent: "
                        + "without it Microsoft 365 refuses a photo people send the bot");
            }
        }

        /** "set photo for <who>" writes a colleague's Microsoft 365 photo app-only: optional, and said so either way. */
        private void colleaguePhotos(TokenProvider tokens) {
            Set<String> roles = TokenClaims.roles(tokens.accessToken(origin(settings.graph().baseUrl()) + "/.default"));
            if (roles.contains("ProfilePhoto.ReadWrite.All") || roles.contains("User.ReadWrite.All")) {
                pass("helpdesk new photos", "application ProfilePhoto.ReadWrite.All granted: operators can set a colleague's photo");
            } else if (settings.approving()) {
                fail("helpdesk new photos", "PHOTOSYNC_PHOTO_APPROVAL is set, and approved photos are written with PhotoSync's own permission: "
                        + "grant Microsoft Graph application permission ProfilePhoto.ReadWrite.All and consent");
            } else {
                pass("helpdesk new photos", "optional, not granted: operators cannot set a colleague's photo (\"set photo for\"); grant Microsoft "
                        + "Graph application permission ProfilePhoto.ReadWrite.All to allow it");
            }
        }

        /** "Sync my photo" as the person needs the key that seals their tokens, the same on every replica. */
        private void ssoKey() {
            SsoProperties sso = settings.sso();
            if (settings.selfMode().equals("app-only")) {
                pass("Teams SSO", "off (PHOTOSYNC_SYNC_SELF_MODE=app-only)");
            } else if (blank(sso.tokenKey()) && (blank(sso.tokenKeyPath()) || !Files.isReadable(Path.of(sso.tokenKeyPath())))) {
                fail("Teams SSO", "set PHOTOSYNC_SSO_TOKEN_KEY_PATH to a file holding 32 random bytes, base64 (openssl rand -base64 32), the same on every replica");
            } else {
                pass("Teams SSO", "token key configured; self-mode " + settings.selfMode());
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
        private boolean token(TokenProvider tokens, String resource, String scope, List<List<String>> required) {
            String token;
            try {
                token = tokens.accessToken(scope);
            } catch (RuntimeException e) {
                fail("token for " + resource, EntraAdvice.about(e, settings.entra(), scope));
                return false;
            }
            Set<String> roles = TokenClaims.roles(token);
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
                Optional<DirectoryUser> found = testUser.directory().get().findUser(userPrincipalName);
                if (found.isEmpty()) {
                    fail("test user", "no user " + userPrincipalName + " in the directory: give the UPN of an existing member");
                    return;
                }
                DirectoryUser user = found.get();
                pass("test user", user.displayName() + " (" + user.objectId() + ")");
                Optional<SourcePhoto> photo = testUser.photos().get().photoOf(user.objectId());
                if (photo.isPresent()) {
                    pass("Microsoft 365 photo", photo.get().bytes().length + " bytes, ETag " + photo.get().etag());
                } else {
                    fail("Microsoft 365 photo", user.userPrincipalName() + " has no photo in Microsoft 365: pick a test user who has one");
                }
                boolean profile = testUser.profiles().get().profileOf(user).isPresent();
                if (profile) {
                    pass("SharePoint profile", user.accountName());
                } else {
                    fail("SharePoint profile", "SharePoint has no profile for " + user.userPrincipalName() + " yet: they must open SharePoint or OneDrive once");
                }
                if (write && photo.isPresent() && profile) {
                    writeAndReadBack(user);
                }
            } catch (RuntimeException e) {
                fail("test user", EntraAdvice.firstLine(e));
            }
        }

        private void writeAndReadBack(DirectoryUser user) {
            SyncOutcome outcome = testUser.sync().get().sync(new SyncRequest(user.objectId()));
            if (outcome instanceof SyncOutcome.Synced synced) {
                pass("write and read back", "PictureURL " + synced.pictureUrl());
            } else if (outcome instanceof SyncOutcome.PullRequested pull) {
                pass("write and read back", "least privilege: nothing written; opened by the person, " + pull.link() + " makes SharePoint pull");
            } else if (outcome instanceof SyncOutcome.AccessRefused refused) {
                fail("write and read back", refused.call() + " on " + refused.host() + " answered " + refused.said()
                        + ": grant SharePoint application permission " + refused.needs() + " and consent; if it is granted, this tenant refuses "
                        + "app-only profile writes: set PHOTOSYNC_SYNC_SELF_MODE=delegated so people sync their own photo with their own rights");
            } else if (outcome instanceof SyncOutcome.CertificateRequired refused) {
                fail("write and read back", refused.host() + " refused the app-only token (Unsupported app only token): sign in with a certificate");
            } else {
                fail("write and read back", outcome.code() + ": " + outcome);
            }
        }

        private void pass(String check, String detail) {
            lines.add(new PreflightReport.Line(true, check, detail));
        }

        private void fail(String check, String detail) {
            lines.add(new PreflightReport.Line(false, check, detail));
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath().replaceAll("/v1\\.0/?$|/beta/?$", "");
    }

    private static String trim(String host) {
        return host == null ? "" : host.replaceAll("/+$", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
