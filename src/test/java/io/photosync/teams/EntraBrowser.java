package io.photosync.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a browser does with PhotoSync's pages that need Entra: follows the redirect to the
 * simulated Entra's sign-in page, picks the account (when Entra did not get a hint), accepts,
 * and comes back with the code in a form post (as msal4j asks Entra to answer). Keeps the cookies
 * the bot sets and sends them back to the bot's pages, as a browser would; not on the form post
 * from Entra, which is cross-site (the bot's cookies are {@code SameSite=Lax}).
 */
public final class EntraBrowser {

    /** One response as the browser saw it. */
    public record Page(int status, String body, String location, String contentType, String csp, String setCookie) {
    }

    private final OkHttpClient http;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param http a client that trusts the simulated tenant's TLS; redirects are followed here, one by one */
    public EntraBrowser(OkHttpClient http, int port) {
        this.http = http.newBuilder().followRedirects(false).build();
        this.port = port;
    }

    /** A page of the bot by its public URL (the configured host is mapped to the test's port), with the browser's cookie. */
    public Page open(String url) throws IOException {
        Request.Builder request = new Request.Builder().url(onThisBot(url));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookie());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return read(response);
        }
    }

    /**
     * Opens {@code url}, expects the redirect to Entra, signs in there as {@code userId} (when the
     * page asks which account) and accepts; returns the bot's answer to Entra's redirect back.
     */
    public Page signInThrough(String url, String userId) throws IOException {
        return postForm(formFromEntra(url, userId));
    }

    /** As {@link #signInThrough}, up to Entra's self-posting form, which is returned instead of posted. */
    public String formFromEntra(String url, String userId) throws IOException {
        Page first = open(url);
        assertThat(first.status()).as("to Entra").isEqualTo(302);
        String toEntra = first.location();
        assertThat(toEntra).contains("code_challenge=").contains("code_challenge_method=S256").contains("response_mode=form_post");
        String signInPage;
        try (Response response = http.newCall(new Request.Builder().url(toEntra).build()).execute()) {
            signInPage = response.body().string();
        }
        assertThat(signInPage).contains("Permissions requested").contains("Accept");
        FormBody.Builder form = new FormBody.Builder();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(signInPage);
        boolean accountGiven = false;
        while (hidden.find()) {
            form.add(unescape(hidden.group(1)), unescape(hidden.group(2)));
            accountGiven |= hidden.group(1).equals("user");
        }
        if (!accountGiven) {
            form.add("user", userId);
        }
        form.add("decision", "accept");
        String answer;
        try (Response response = http.newCall(new Request.Builder().url(toEntra).post(form.build()).build()).execute()) {
            assertThat(response.code()).as("Entra answers with a form that posts to the app (form_post)").isEqualTo(200);
            answer = response.body().string();
        }
        return answer;
    }

    /** What the script on Entra's form_post page does: posts its hidden fields to the app. */
    public Page postForm(String html) throws IOException {
        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">").matcher(html);
        assertThat(action.find()).as("a form posting back to the app").isTrue();
        FormBody.Builder fields = new FormBody.Builder();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (hidden.find()) {
            fields.add(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        try (Response response = http.newCall(new Request.Builder().url(onThisBot(unescape(action.group(1)))).post(fields.build()).build()).execute()) {
            return read(response);
        }
    }

    /** The page, keeping the cookies it sets as a browser would. */
    private Page read(Response response) throws IOException {
        String setCookie = response.header("Set-Cookie");
        for (String set : response.headers("Set-Cookie")) {
            cookie(set.substring(0, set.contains(";") ? set.indexOf(';') : set.length()));
        }
        // The bytes as sent: OkHttp's string() would drop a byte order mark.
        String body = new String(response.body().bytes(), StandardCharsets.UTF_8);
        return new Page(response.code(), body, response.header("Location"), response.header("Content-Type"),
                response.header("Content-Security-Policy"), setCookie);
    }

    /** The Cookie header this browser sends the bot. */
    public String cookie() {
        return String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
    }

    /** Sets one cookie, {@code name=value}. */
    public void cookie(String nameValue) {
        int eq = nameValue.indexOf('=');
        cookies.put(nameValue.substring(0, eq), nameValue.substring(eq + 1));
    }

    private String onThisBot(String url) {
        URI uri = URI.create(url);
        return "http://localhost:" + port + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
