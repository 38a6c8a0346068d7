package io.photosync.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.photosync.identity.TokenProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The image a person sent the bot, and its bytes. Teams sends a file from the compose box as a
 * {@code file.download.info} attachment whose {@code downloadUrl} is pre-authorised (fetched with
 * no token), and a pasted picture as an {@code image/*} attachment on the Bot Connector, fetched
 * with the bot's own Bot Framework token. That token goes only to the host the conversation's
 * service URL names, which the channel token vouched for; never to a URL found in an attachment.
 * A file's link is followed only to the tenant's OneDrive host (the My Site host), so an activity
 * cannot make the bot fetch from anywhere else.
 */
final class SentImages {

    static final String FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param url where the bytes are
     * @param withBotToken whether the bot's token must go with the request (an inline image on the Bot Connector)
     * @param name the file name Teams gave, or null
     */
    record SentImage(URI url, boolean withBotToken, String name) {
    }

    /** What fetching gave: the bytes, or why there are none. */
    sealed interface Fetched {
        record Bytes(byte[] bytes) implements Fetched {
        }

        /** More than the limit: reading stopped there. */
        record TooLarge(long limit) implements Fetched {
        }

        /** Teams or OneDrive did not hand it over (an expired link, a refused token, a network fault). */
        record Unavailable(String why) implements Fetched {
        }
    }

    private final OkHttpClient http;
    private final TokenProvider tokens;
    private final boolean withToken;
    private final long maxBytes;
    private final String fileHost;
    private final String connectorScope;

    /**
     * @param withToken whether the bot has an app id to get a Bot Connector token for (not in anonymous sandbox mode)
     * @param fileHost the host files' links may point to (the My Site host's), lower case
     * @param connectorScope the scope of the bot's Bot Connector token, the one it sends activities with
     */
    SentImages(OkHttpClient http, TokenProvider tokens, boolean withToken, long maxBytes, String fileHost, String connectorScope) {
        this.connectorScope = connectorScope;
        this.http = http;
        this.tokens = tokens;
        this.withToken = withToken;
        this.maxBytes = maxBytes;
        this.fileHost = fileHost;
    }

    /** The first image the activity carries: a file from OneDrive, or a picture pasted into the message. */
    static Optional<SentImage> of(Activity activity) {
        if (activity.getAttachments() == null) {
            return Optional.empty();
        }
        for (Attachment attachment : activity.getAttachments()) {
            String type = attachment.getContentType() == null ? "" : attachment.getContentType().toLowerCase(Locale.ROOT);
            if (type.equals(FILE_DOWNLOAD_INFO)) {
                JsonNode content = MAPPER.valueToTree(attachment.getContent());
                Optional<URI> url = https(content.path("downloadUrl").asText(null));
                if (url.isPresent()) {
                    return Optional.of(new SentImage(url.get(), false, attachment.getName()));
                }
            } else if (type.startsWith("image/") && attachment.getContentUrl() != null) {
                Optional<URI> url = onServiceHost(attachment.getContentUrl(), activity.getServiceUrl());
                if (url.isPresent()) {
                    return Optional.of(new SentImage(url.get(), true, attachment.getName()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the activity carries an attachment that looks like a file or picture at all, usable or not. */
    static boolean carriesFile(Activity activity) {
        return activity.getAttachments() != null && activity.getAttachments().stream().map(Attachment::getContentType)
                .anyMatch(type -> type != null && (type.equalsIgnoreCase(FILE_DOWNLOAD_INFO) || type.toLowerCase(Locale.ROOT).startsWith("image/")));
    }

    /** The bytes, read no further than the limit. */
    Fetched fetch(SentImage image) {
        if (!image.withBotToken() && !image.url().getHost().equalsIgnoreCase(fileHost)) {
            return new Fetched.Unavailable("a file link outside the tenant's OneDrive host");
        }
        Request.Builder request = new Request.Builder().url(image.url().toString()).get();
        if (image.withBotToken() && withToken) {
            request.header("Authorization", "Bearer " + tokens.accessToken(connectorScope));
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                return new Fetched.Unavailable("HTTP " + response.code());
            }
            if (response.body().contentLength() > maxBytes) {
                return new Fetched.TooLarge(maxBytes);
            }
            try (InputStream in = new LimitedInputStream(response.body().byteStream(), maxBytes)) {
                return new Fetched.Bytes(in.readAllBytes());
            } catch (LimitedInputStream.TooLarge e) {
                return new Fetched.TooLarge(maxBytes);
            }
        } catch (IOException | RuntimeException e) {
            return new Fetched.Unavailable(e.getClass().getSimpleName());
        }
    }

    /** A pre-authorised link: https only, so it never travels in the clear. */
    private static Optional<URI> https(String url) {
        try {
            URI uri = url == null ? null : new URI(url.strip());
            return uri != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** An inline image's URL, when it is on the conversation's own service host: only there does the bot's token go. */
    private static Optional<URI> onServiceHost(String contentUrl, String serviceUrl) {
        try {
            URI content = new URI(contentUrl.strip());
            URI service = new URI(serviceUrl == null ? "" : serviceUrl.strip());
            boolean sameOrigin = content.getHost() != null && content.getHost().equalsIgnoreCase(service.getHost())
                    && content.getPort() == service.getPort() && content.getScheme() != null && content.getScheme().equalsIgnoreCase(service.getScheme());
            return sameOrigin ? Optional.of(content) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
