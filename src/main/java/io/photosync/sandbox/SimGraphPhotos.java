package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Graph's photo calls: metadata, bytes, bytes at a size (404 with an empty {@code text/plain}
 * body when the photo does not come in that size, as Graph was reported answering), at most 4
 * concurrent per mailbox (the Outlook limit Graph documents for
 * photos), and the tenant's {@code photoUpdateSettings}.
 */
final class SimGraphPhotos {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PHOTO = Pattern.compile("/users/([^/]+)/photo");
    private static final Pattern PHOTO_VALUE = Pattern.compile("/users/([^/]+)/photo/\\$value");
    private static final Pattern SIZED_VALUE = Pattern.compile("/users/([^/]+)/photos/(\\d+)x(\\d+)/\\$value");
    private static final int MAILBOX_CONCURRENCY = 4;
    private static final int MAX_PHOTO_BYTES = 4 * 1024 * 1024;

    private final SimIdentity identity;
    private final SimDirectory directory;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    SimGraphPhotos(SimIdentity identity, SimDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /**
     * A photo call, unless this mailbox already has as many in flight as Graph allows. A mailbox
     * is counted only while it has calls in flight: a scan of 100,000 people leaves nothing behind.
     */
    SimResponse serve(String path) {
        String mailbox = firstSegmentAfterUsers(path);
        int[] running = new int[1];
        inFlight.compute(mailbox, (key, count) -> {
            AtomicInteger counted = count == null ? new AtomicInteger() : count;
            running[0] = counted.incrementAndGet();
            return counted;
        });
        try {
            if (running[0] > MAILBOX_CONCURRENCY) {
                return SimErrors.graph(429, "ApplicationThrottled", "Too many concurrent requests to this mailbox.").withHeader("Retry-After", "1");
            }
            return photo(path);
        } finally {
            inFlight.computeIfPresent(mailbox, (key, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }

    /**
     * Update profilePhoto ({@code PUT /users/{id}/photo/$value}): with a delegated token
     * ({@code ProfilePhoto.ReadWrite.All}, {@code User.ReadWrite} or {@code User.ReadWrite.All})
     * for the signed-in person's own photo only, and only when the tenant's photo policy lets
     * people change theirs; app-only with {@code ProfilePhoto.ReadWrite.All} or
     * {@code User.ReadWrite.All}, unless photos are mastered on-premises. At most 4 MB, an image.
     */
    SimResponse update(SimRequest request, JWTClaimsSet token, String idOrUpn) {
        SimUser user = directory.findUser(idOrUpn);
        if (user == null) {
            return SimErrors.graph(404, "Request_ResourceNotFound", "Resource '" + idOrUpn + "' does not exist or one of its queried reference-property objects are not present.");
        }
        Object scp = token.getClaim("scp");
        boolean allowed;
        if (scp != null) {
            Set<String> scopes = Set.of(String.valueOf(scp).split(" "));
            allowed = (scopes.contains("ProfilePhoto.ReadWrite.All") || scopes.contains("User.ReadWrite") || scopes.contains("User.ReadWrite.All"))
                    && user.id().equalsIgnoreCase(String.valueOf(token.getClaim("oid")))
                    && "cloud".equals(directory.photoPolicySource()) && directory.photoPolicyAllowedRoles().isEmpty();
        } else {
            Set<String> roles = SimIdentity.roles(token);
            allowed = (roles.contains("ProfilePhoto.ReadWrite.All") || roles.contains("User.ReadWrite.All")) && "cloud".equals(directory.photoPolicySource());
        }
        if (!allowed) {
            return SimErrors.graph(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        if (request.body().length > MAX_PHOTO_BYTES) {
            return SimErrors.graph(413, "RequestEntityTooLarge", "The photo is larger than 4 MB.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(request.body()));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            return SimErrors.graph(400, "ImageNotValid", "The image is not valid.");
        }
        if (directory.photoUpdateDelay().isZero()) {
            user.setPhoto(request.body(), "image/jpeg", image.getWidth(), image.getHeight());
        } else {
            user.setPhotoShownAfter(request.body(), "image/jpeg", image.getWidth(), image.getHeight(), directory.photoUpdateDelay());
        }
        return SimResponse.empty(200);
    }

    /** The tenant's photo policy, as Graph beta's {@code photoUpdateSettings} answers it. */
    SimResponse photoPolicy() {
        String context = identity.graphUrl(GraphEndpoint.BETA_PREFIX) + "/$metadata#admin/people/photoUpdateSettings/$entity";
        ObjectNode policy = MAPPER.createObjectNode().put("id", "photoUpdateSettings").put("source", directory.photoPolicySource());
        ArrayNode roles = policy.putArray("allowedRoles");
        directory.photoPolicyAllowedRoles().forEach(roles::add);
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", context);
        if (directory.photoPolicyWrapped()) {
            body.set("value", policy);
        } else {
            body.setAll(policy);
        }
        return SimResponse.json(200, body);
    }

    private SimResponse photo(String path) {
        Matcher m;
        if ((m = PHOTO.matcher(path)).matches()) {
            // Exchange-stored photos name their size; Entra-stored ones (no mailbox) are "default" at 256x256 at most, as observed live.
            return withPhoto(m.group(1), (user, photo) -> user.hasMailbox()
                    ? photoMetadata(user, photo, photo.width() + "x" + photo.height(), photo.width(), photo.height())
                    : photoMetadata(user, photo, "default", Math.min(256, photo.width()), Math.min(256, photo.height())));
        }
        if ((m = PHOTO_VALUE.matcher(path)).matches()) {
            return withPhoto(m.group(1), (user, photo) -> SimResponse.bytes(photo.contentType(), photo.bytes()));
        }
        if ((m = SIZED_VALUE.matcher(path)).matches()) {
            int size = Integer.parseInt(m.group(2));
            return withPhoto(m.group(1), (user, photo) -> user.hasMailbox() && photo.width() == photo.height() && photo.width() >= size
                    ? SimResponse.bytes(photo.contentType(), photo.bytes())
                    : sizeNotFound());
        }
        return SimErrors.graph(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
    }

    private SimResponse photoMetadata(SimUser user, SimUser.Photo photo, String id, int width, int height) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("@odata.context", identity.graphUrl(GraphEndpoint.PREFIX) + "/$metadata#users('" + user.id() + "')/photo/$entity")
                .put("@odata.mediaContentType", photo.contentType())
                .put("@odata.mediaEtag", photo.etag())
                .put("id", id).put("width", width).put("height", height);
        return SimResponse.json(200, body);
    }

    private SimResponse withPhoto(String idOrUpn, BiFunction<SimUser, SimUser.Photo, SimResponse> then) {
        SimUser user = directory.findUser(idOrUpn);
        SimUser.Photo photo = user == null ? null : user.photo();
        if (photo == null && user != null && !user.hasMailbox()) {
            return SimErrors.graph(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        }
        return photo == null ? imageNotFound() : then.apply(user, photo);
    }

    private static SimResponse imageNotFound() {
        return SimErrors.graph(404, "ImageNotFound", "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    }

    /** Graph's answer for a size the photo does not come in: not its OData error, an empty text body. */
    private static SimResponse sizeNotFound() {
        return SimResponse.text(404, "text/plain", "");
    }

    private static String firstSegmentAfterUsers(String path) {
        String rest = path.startsWith("/users/") ? path.substring(7) : path;
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase();
    }
}
