package io.photosync.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.graph.GraphProperties;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.TokenProvider;
import io.photosync.sharepoint.SharePointProperties;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code preflight --record FILE}: asks the tenant what no public source confirms (docs/fidelity.md
 * lists each behaviour and the probe that settles it) and keeps Microsoft's raw answers, passed
 * through {@link Redactor}, for an admin to attach to an issue. Every probe but one opt-in write
 * only reads; a photo's bytes are never kept, only their count and type.
 */
final class PreflightRecorder {

    /** The probes, in the order recorded; docs/fidelity.md names them. */
    enum Probe {
        PROPERTIES_ON_ADMIN_HOST("GetPropertiesFor, app-only, on the admin host"),
        PROPERTIES_ON_MY_SITE_HOST("GetPropertiesFor, app-only, on the My Site host"),
        MISSING_PHOTO_SIZE("A photo size the person may not have: /photos/648x648/$value"),
        PHOTO_POLICY("The tenant's photo policy, raw: photoUpdateSettings"),
        MEDIA_ETAG_TWICE("@odata.mediaEtag, read twice"),
        TOKEN_VERSION("The access-token version the app registration asks for"),
        CHANNEL_ISSUER("The issuer of the channel tokens Teams sends"),
        PROPERTY_WRITTEN_BACK("A profile property written and read back"),
        OWN_PICTURE_RENDITIONS("Rendition names and pixel sizes after SetMyProfilePicture");

        final String behaviour;

        Probe(String behaviour) {
            this.behaviour = behaviour;
        }

        boolean aboutAPerson() {
            return this != PHOTO_POLICY && this != TOKEN_VERSION && this != CHANNEL_ISSUER && this != OWN_PICTURE_RENDITIONS;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> HEADERS_KEPT = Set.of("content-type", "retry-after", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "x-ms-diagnostics", "www-authenticate", "odata-version", "x-ms-resource-unit");
    private static final String PEOPLE = "/_api/SP.UserProfiles.PeopleManager/";

    /** What the probes ask with: the app's own tokens, the HTTP client trusting the configured certificates, the directory. */
    record Clients(Supplier<TokenProvider> tokens, Supplier<OkHttpClient> http, Supplier<Directory> directory) {
    }

    private final EntraProperties entra;
    private final GraphProperties graph;
    private final SharePointProperties sharePoint;
    private final Clients clients;
    private final String version;

    PreflightRecorder(EntraProperties entra, GraphProperties graph, SharePointProperties sharePoint, Clients clients, String version) {
        this.entra = entra;
        this.graph = graph;
        this.sharePoint = sharePoint;
        this.clients = clients;
        this.version = version;
    }

    /** @param userPrincipalName the test user the person-level probes ask about; null skips them */
    ObjectNode record(String userPrincipalName, boolean write) {
        Redactor redactor = new Redactor().knowing(entra.tenantId(), "<tenant id>").knowing(entra.clientId(), "<app id>")
                .knowing(tenantPrefix(), "<tenant>");
        ObjectNode recording = MAPPER.createObjectNode()
                .put("recordedBy", "PhotoSync " + version)
                .put("recordedAt", Instant.now().toString())
                .put("about", "Microsoft's raw answers to PhotoSync's probes of behaviours no public source confirms (docs/fidelity.md); "
                        + "tokens, ids, addresses, names and photo bytes removed.");
        ArrayNode probes = recording.putArray("probes");
        Optional<DirectoryUser> user = Optional.empty();
        String whyNoUser = "needs --user <upn>: a test user to ask about";
        if (userPrincipalName != null) {
            try {
                user = clients.directory().get().findUser(userPrincipalName);
                whyNoUser = user.isPresent() ? null : "no user " + redactor.text(userPrincipalName) + " in the directory";
            } catch (RuntimeException e) {
                whyNoUser = "the directory could not be read: " + redactor.text(String.valueOf(e.getMessage()));
            }
        }
        user.ifPresent(found -> redactor.knowing(found.userPrincipalName(), "<user upn>").knowing(found.mail(), "<user mail>")
                .knowing(found.displayName(), "<user name>").knowing(found.objectId(), "<user id>")
                .knowing(found.userPrincipalName().replaceAll("[^A-Za-z0-9]", "_"), "<user upn>"));
        Probes run = new Probes(redactor, probes);
        for (Probe probe : Probe.values()) {
            run.probe(probe, user.orElse(null), whyNoUser, write);
        }
        return recording;
    }

    /** One recording's probes. */
    private final class Probes {
        private final Redactor redactor;
        private final ArrayNode probes;

        Probes(Redactor redactor, ArrayNode probes) {
            this.redactor = redactor;
            this.probes = probes;
        }

        void probe(Probe probe, DirectoryUser user, String whyNoUser, boolean write) {
            ObjectNode recorded = probes.addObject().put("behaviour", probe.behaviour);
            if (probe.aboutAPerson() && user == null) {
                recorded.put("skipped", whyNoUser);
                return;
            }
            String admin = trim(sharePoint.adminHost());
            String mySite = trim(sharePoint.mySiteHost());
            String properties = user == null ? null : PEOPLE + "GetPropertiesFor(accountName=@v)?@v="
                    + URLEncoder.encode("'" + user.accountName().replace("'", "''") + "'", StandardCharsets.UTF_8).replace("+", "%20");
            switch (probe) {
                case PROPERTIES_ON_ADMIN_HOST -> ask(recorded, "GET", admin + properties, admin + "/.default", null);
                case PROPERTIES_ON_MY_SITE_HOST -> ask(recorded, "GET", mySite + properties, mySite + "/.default", null);
                case MISSING_PHOTO_SIZE -> ask(recorded, "GET", graphRoot() + "/v1.0/users/" + user.objectId() + "/photos/648x648/$value", graphScope(), null);
                case PHOTO_POLICY -> ask(recorded, "GET", graphRoot() + "/beta/admin/people/photoUpdateSettings", graphScope(), null);
                case MEDIA_ETAG_TWICE -> {
                    String photo = graphRoot() + "/v1.0/users/" + user.objectId() + "/photo";
                    JsonNode first = ask(recorded.putObject("first"), "GET", photo, graphScope(), null);
                    JsonNode second = ask(recorded.putObject("second"), "GET", photo, graphScope(), null);
                    recorded.put("sameEtag", first != null && second != null && first.path("@odata.mediaEtag").equals(second.path("@odata.mediaEtag")));
                }
                case TOKEN_VERSION -> ask(recorded, "GET", graphRoot() + "/v1.0/applications(appId='" + entra.clientId() + "')?$select=api", graphScope(), null);
                case CHANNEL_ISSUER -> recorded.put("skipped", "seen only by the running service, which logs each channel-token issuer "
                        + "the first time it accepts one (\"channel tokens issued by … accepted\")");
                case PROPERTY_WRITTEN_BACK -> {
                    if (write) {
                        writeBack(recorded, user, properties);
                    } else {
                        recorded.put("skipped", "reading only: --write writes the property's own value back");
                    }
                }
                case OWN_PICTURE_RENDITIONS -> recorded.put("skipped", "needs the person's own sign-in: after they say \"sync my photo\", "
                        + "\"doctor\" reads the renditions");
            }
        }

        /** SPS-PicturePlaceholderState written with the value it has, then read again: whether app-only profile writes are allowed. */
        private void writeBack(ObjectNode probe, DirectoryUser user, String properties) {
            String admin = trim(sharePoint.adminHost());
            JsonNode profile = ask(probe.putObject("before"), "GET", admin + properties, admin + "/.default", null);
            String state = "1";
            for (JsonNode property : profile == null ? MAPPER.createArrayNode() : profile.path("UserProfileProperties")) {
                if ("SPS-PicturePlaceholderState".equals(property.path("Key").asText())) {
                    state = property.path("Value").asText("1");
                }
            }
            String body = MAPPER.createObjectNode().put("accountName", user.accountName()).put("propertyName", "SPS-PicturePlaceholderState")
                    .put("propertyValue", state).toString();
            ask(probe.putObject("write"), "POST", admin + PEOPLE + "SetSingleValueProfileProperty", admin + "/.default", body);
            ask(probe.putObject("after"), "GET", admin + properties, admin + "/.default", null);
        }

        /** One call, recorded redacted into {@code into}; its JSON body (unredacted) for the probe's own use, or null. */
        private JsonNode ask(ObjectNode into, String method, String url, String scope, String jsonBody) {
            into.putObject("request").put("method", method).put("url", redactor.text(url));
            Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json;odata=nometadata");
            request.method(method, jsonBody == null ? null : RequestBody.create(jsonBody, MediaType.get("application/json;odata=nometadata")));
            try {
                request.header("Authorization", "Bearer " + clients.tokens().get().accessToken(scope));
            } catch (RuntimeException e) {
                into.put("skipped", "no token for " + redactor.text(scope) + ": " + redactor.text(String.valueOf(e.getMessage())));
                return null;
            }
            try (Response response = clients.http().get().newCall(request.build()).execute()) {
                ObjectNode answer = into.putObject("response").put("status", response.code());
                ObjectNode headers = answer.putObject("headers");
                response.headers().forEach(header -> {
                    if (HEADERS_KEPT.contains(header.getFirst().toLowerCase(Locale.ROOT))) {
                        headers.put(header.getFirst(), redactor.text(header.getSecond()));
                    }
                });
                byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
                String type = response.header("Content-Type", "");
                if (type.startsWith("image/") || type.startsWith("application/octet-stream")) {
                    answer.putObject("body").put("bytes", bytes.length).put("kept", false);
                    return null;
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                try {
                    JsonNode json = MAPPER.readTree(text);
                    if (json != null && (json.isObject() || json.isArray())) {
                        answer.set("body", redactor.json(json));
                        return json;
                    }
                } catch (IOException notJson) {
                    // kept as text below
                }
                answer.put("bodyText", redactor.text(text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text));
                return null;
            } catch (IOException e) {
                into.put("failed", "no answer: " + redactor.text(String.valueOf(e.getMessage())));
                return null;
            }
        }
    }

    private String graphScope() {
        return graphRoot() + "/.default";
    }

    private String graphRoot() {
        URI uri = URI.create(graph.baseUrl());
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath().replaceAll("/(v1\\.0|beta)/?$", "");
    }

    /** The tenant's own name in its SharePoint hosts ({@code contoso} of {@code contoso-my.sharepoint.com}), when it has one. */
    private String tenantPrefix() {
        String host = URI.create(trim(sharePoint.mySiteHost())).getHost();
        return host != null && host.endsWith(".sharepoint.com") ? host.substring(0, host.indexOf('.')).replaceFirst("-my$", "") : null;
    }

    private static String trim(String host) {
        return host == null ? "" : host.replaceAll("/+$", "");
    }
}
