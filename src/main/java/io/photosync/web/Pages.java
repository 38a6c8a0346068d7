package io.photosync.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the bot's web pages (sign-in, reports) share: their headers, the notice page, PKCE and escaping. */
final class Pages {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private Pages() {
    }

    /** Nothing on these pages loads from elsewhere or runs script, nobody may frame them, and nothing is cached. */
    static void secure(HttpHeaders headers) {
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl(CacheControl.noStore());
    }

    /** A short page that says one thing: a title and a sentence. */
    static ResponseEntity<String> notice(HttpStatus status, Locale language, String title, String text) {
        String html = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>PhotoSync – %s</title>
                <style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#242424}
                h1{font-size:1.4rem;font-weight:600}p{line-height:1.5}</style></head>
                <body><main><h1>%s</h1><p>%s</p></main></body></html>
                """.formatted(language.getLanguage(), escape(title), escape(title), escape(text));
        return ResponseEntity.status(status).contentType(HTML).headers(Pages::secure).body(html);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A random URL-safe value of this many bytes: PKCE verifiers, states, session cookies. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The PKCE {@code S256} challenge of a verifier. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
