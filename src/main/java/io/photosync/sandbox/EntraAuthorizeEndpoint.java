package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entra ID's browser side: the sign-in and consent page ({@code /authorize}, with PKCE and
 * {@code form_post}), and the OpenID metadata and keys that point clients to it.
 */
final class EntraAuthorizeEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SimIdentity identity;
    private final SimDirectory directory;
    private final AuthorizationCodes codes;

    EntraAuthorizeEndpoint(SimIdentity identity, SimDirectory directory, AuthorizationCodes codes) {
        this.identity = identity;
        this.directory = directory;
        this.codes = codes;
    }

    /** GET: the page a person sees, naming the app, the account and what it asks for. */
    SimResponse authorizePage(SimRequest request) {
        Map<String, String> query = request.query();
        AppRegistration app = identity.app(query.get("client_id"));
        if (app == null) {
            return html(400, "<h1>Sign in</h1><p>AADSTS700016: Application with identifier '" + escape(query.get("client_id")) + "' was not found in the directory.</p>");
        }
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method")) || blank(query.get("code_challenge"))) {
            return html(400, "<h1>Sign in</h1><p>AADSTS9002325: Proof Key for Code Exchange is required for this request.</p>");
        }
        SimUser user = directory.findUser(query.get("login_hint"));
        StringBuilder form = new StringBuilder("<form method=\"post\">");
        query.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\">"));
        if (user == null) {
            form.append("<label for=\"user\">Account</label> <select id=\"user\" name=\"user\">");
            directory.users().forEach(u -> form.append("<option value=\"").append(escape(u.id())).append("\">").append(escape(u.displayName())).append("</option>"));
            form.append("</select>");
        } else {
            form.append("<p>Signed in as <strong>").append(escape(user.displayName())).append("</strong> (").append(escape(user.userPrincipalName())).append(")</p>")
                    .append("<input type=\"hidden\" name=\"user\" value=\"").append(escape(user.id())).append("\">");
        }
        form.append("<p>PhotoSync wants to:</p><ul>");
        for (Api api : List.of(Api.GRAPH, Api.SHAREPOINT_MY)) {
            app.scopes(api).forEach(scope -> form.append("<li>").append(escape(scope)).append(" (").append(api == Api.GRAPH ? "Microsoft Graph" : "SharePoint").append(")</li>"));
        }
        form.append("</ul><button type=\"submit\" name=\"decision\" value=\"accept\">Accept</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></form>");
        return html(200, "<h1>Permissions requested</h1><p>Simulated Microsoft Entra ID, tenant " + escape(identity.tenantId()) + "</p>" + form);
    }

    /** POST: the person accepted or cancelled; back to the app's redirect URI with a code or an error. */
    SimResponse authorizeDecision(SimRequest request) {
        Map<String, String> form = SimRequest.parseQuery(request.bodyText());
        String redirect = form.get("redirect_uri");
        AppRegistration app = identity.app(form.get("client_id"));
        SimUser user = directory.findUser(form.get("user"));
        if (app == null || blank(redirect) || user == null || blank(form.get("code_challenge"))) {
            return html(400, "<h1>Sign in</h1><p>AADSTS900144: The request is missing a required parameter.</p>");
        }
        String separator = redirect.contains("?") ? "&" : "?";
        Map<String, String> answer = new LinkedHashMap<>();
        if ("accept".equals(form.get("decision"))) {
            answer.put("code", codes.issue(app.clientId(), user.id(), redirect, form.get("code_challenge"), form.getOrDefault("scope", "")));
        } else {
            answer.put("error", "access_denied");
            answer.put("error_description", "AADSTS65004: User declined to consent to access the app.");
        }
        answer.put("state", form.getOrDefault("state", ""));
        if ("form_post".equals(form.get("response_mode"))) {
            return formPost(redirect, answer);
        }
        StringBuilder query = new StringBuilder();
        answer.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return SimResponse.empty(302).withHeader("Location", redirect + separator + query);
    }

    /**
     * {@code response_mode=form_post}, as Entra answers it (and as msal4j asks since 2026): a page
     * whose form posts the code and state to the redirect URI, submitted by script on load.
     */
    private static SimResponse formPost(String redirect, Map<String, String> answer) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"").append(escape(redirect)).append("\">");
        answer.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                .append(escape(value)).append("\">"));
        form.append("<noscript><button type=\"submit\">Continue</button></noscript></form><script>document.forms[0].submit()</script>");
        return html(200, form.toString());
    }

    SimResponse openIdConfiguration() {
        String base = identity.entraOrigin() + "/" + identity.tenantId();
        // Every field of Entra's answer (entra-openid-configuration-200.json), for this tenant.
        ObjectNode body = MAPPER.createObjectNode().put("token_endpoint", base + "/oauth2/v2.0/token");
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt").add("client_secret_basic");
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        body.putArray("subject_types_supported").add("pairwise");
        body.putArray("id_token_signing_alg_values_supported").add("RS256");
        body.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        body.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        body.put("issuer", identity.v2Issuer()).put("request_uri_parameter_supported", false)
                .put("userinfo_endpoint", identity.graphRoot() + "/oidc/userinfo")
                .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
                .put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode")
                .put("http_logout_supported", true).put("frontchannel_logout_supported", true)
                .put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        body.putArray("claims_supported").add("sub").add("iss").add("aud").add("exp").add("iat").add("name").add("oid").add("tid");
        body.put("kerberos_endpoint", base + "/kerberos").put("tenant_region_scope", "EU")
                .put("cloud_instance_name", "microsoftonline.com").put("cloud_graph_host_name", "graph.windows.net")
                .put("msgraph_host", "graph.microsoft.com").put("rbac_url", "https://pas.windows.net");
        return SimResponse.json(200, body);
    }

    SimResponse keys() {
        return SimResponse.bytes("application/json", identity.entraIssuer().jwks(List.of(), identity.v2Issuer()).getBytes(StandardCharsets.UTF_8));
    }

    private static SimResponse html(int status, String body) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in to your account</title></head><body>" + body + "</body></html>";
        return SimResponse.text(status, "text/html; charset=utf-8", page);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
