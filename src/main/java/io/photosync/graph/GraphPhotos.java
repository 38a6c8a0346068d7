package io.photosync.graph;

import static io.photosync.graph.GraphErrors.failure;
import static io.photosync.graph.GraphErrors.orEmptyOn;

import com.microsoft.graph.models.ProfilePhoto;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.photosync.doctor.PhotoInspection.PolicyReading;
import io.photosync.doctor.PhotoInspection.PolicyUnreadable;
import io.photosync.doctor.PhotoInspection.Unreadable;
import io.photosync.doctor.PhotoInspection;
import io.photosync.identity.UserTokens;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.PhotoWriter;
import io.photosync.sync.RefusedCall;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SourcePhoto;
import io.photosync.sync.Together;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Microsoft 365 profile photos from Microsoft Graph: read app-only, set with the person's own
 * delegated token; and the tenant's photo policy.
 */
public final class GraphPhotos implements PhotoSource, PhotoInspection, PhotoWriter {

    /** Graph's error codes for "this person has no Exchange Online mailbox", historically the reason for no photo. */
    private static final Set<String> NO_MAILBOX = Set.of("MailboxNotEnabledForRESTAPI", "MailboxNotHostedInExchangeOnline",
            "ErrorMailboxNotFound", "ErrorNonExistentMailbox");

    /** A size the photo does not come in: 404 (seen with an empty text/plain body), or 400 for a size Graph does not know. */
    private static final Predicate<ApiException> SIZE_MISSING = e -> e.getResponseStatusCode() == 404 || e.getResponseStatusCode() == 400;

    private final GraphServiceClient graph;
    private final GraphProperties properties;
    private final UserTokens people;
    private final Together together;

    /** @param pool where the photo's bytes are read while its metadata is (a bounded pool shared by every sync) */
    GraphPhotos(GraphServiceClient graph, GraphProperties properties, UserTokens people, Executor pool) {
        this.graph = graph;
        this.properties = properties;
        this.people = people;
        this.together = new Together(pool);
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/profilephoto-update">Update profilePhoto</a>
     * ({@code PUT /users/{id}/photo/$value}, at most 4 MB) with the person's delegated token, which
     * needs {@code ProfilePhoto.ReadWrite.All} or {@code User.ReadWrite}. A refusal names the call
     * and that permission: the tenant's photo policy or a missing consent, nothing a retry changes.
     */
    @Override
    public void setOwnPhoto(DirectoryUser user, byte[] jpeg) {
        String token = people.accessToken(user.objectId(), properties.scope()).orElseThrow(() -> new GraphException(
                RemoteServiceException.Kind.UNAUTHENTICATED, 401, "", "no delegated Graph token for " + user.objectId(), null, null));
        putPhoto(user, jpeg, token, "ProfilePhoto.ReadWrite.All (delegated)");
    }

    /** The same with PhotoSync's own token, which needs the application permission {@code ProfilePhoto.ReadWrite.All}. */
    @Override
    public void setPhotoAppOnly(DirectoryUser user, byte[] jpeg) {
        putPhoto(user, jpeg, null, "ProfilePhoto.ReadWrite.All (application)");
    }

    /** @param token a delegated token to send instead of the app's own; null for app-only */
    private void putPhoto(DirectoryUser user, byte[] jpeg, String token, String needs) {
        RequestInformation request = graph.users().byUserId(user.objectId()).photo().content().toPutRequestInformation(new ByteArrayInputStream(jpeg));
        request.headers.remove("Content-Type");
        request.headers.add("Content-Type", "image/jpeg");
        if (token != null) {
            request.headers.add("Authorization", "Bearer " + token);
        }
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        try (InputStream ignored = graph.getRequestAdapter().sendPrimitive(request, errors, InputStream.class)) {
            // 200 with an empty body
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 403) {
                throw new RefusedCall(RemoteServiceException.Kind.PERMISSION_DENIED, "PUT /users/{id}/photo/$value",
                        URI.create(properties.baseUrl()).getHost(), needs, messageOf(e));
            }
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageOf(ApiException e) {
        return e instanceof ODataError odata && odata.getError() != null ? odata.getError().getMessage() : e.getMessage();
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/profilephoto-get">Get profilePhoto</a>: the
     * metadata (for the {@code @odata.mediaEtag}) and, meanwhile, the bytes at the configured size
     * (one round trip, not two), falling back to the largest available when that size does not
     * exist. Empty when the user has no photo; the bytes' answer is then not looked at.
     */
    @Override
    public Optional<SourcePhoto> photoOf(String objectId) {
        CompletableFuture<Optional<byte[]>> sized = together.start(() -> orEmptyOn(SIZE_MISSING,
                () -> read(graph.users().byUserId(objectId).photos().byProfilePhotoId(properties.photoSize()).content().get())));
        Optional<ProfilePhoto> metadata = orEmptyWithoutPhoto(() -> graph.users().byUserId(objectId).photo().get());
        if (metadata.isEmpty() || isPlaceholder(metadata.get())) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = Together.joined(sized);
        if (bytes.isEmpty()) {
            bytes = orEmptyWithoutPhoto(() -> read(graph.users().byUserId(objectId).photo().content().get()));
        }
        return bytes.map(b -> new SourcePhoto(b, etagOf(metadata.get())));
    }

    /** The metadata alone: one call, no bytes. */
    @Override
    public Optional<String> etagOf(String objectId) {
        return orEmptyWithoutPhoto(() -> graph.users().byUserId(objectId).photo().get())
                .filter(metadata -> !isPlaceholder(metadata)).map(metadata -> etagOf(metadata));
    }

    @Override
    public SourcePhotoState sourcePhoto(String objectId) {
        try {
            ProfilePhoto metadata = graph.users().byUserId(objectId).photo().get();
            if (metadata == null || isPlaceholder(metadata)) {
                return new SourcePhotoState(false, null, false);
            }
            return new SourcePhotoState(true, etagOf(metadata), false);
        } catch (ApiException e) {
            boolean noMailbox = isNoMailbox(e);
            if (e.getResponseStatusCode() == 404 || noMailbox) {
                return new SourcePhotoState(false, null, noMailbox);
            }
            throw failure(e);
        }
    }

    /** No photo: 404 ({@code ImageNotFound} and its older codes), or the 400/404 that says there is no Exchange Online mailbox. */
    private static <T> Optional<T> orEmptyWithoutPhoto(Supplier<T> call) {
        return orEmptyOn(e -> e.getResponseStatusCode() == 404 || isNoMailbox(e), call);
    }

    private static boolean isNoMailbox(ApiException e) {
        return (e.getResponseStatusCode() == 400 || e.getResponseStatusCode() == 404) && NO_MAILBOX.contains(GraphErrors.codeOf(e));
    }

    /**
     * The tenant's <a href="https://learn.microsoft.com/graph/api/resources/photoupdatesettings">photoUpdateSettings</a>
     * (Graph beta only; application permission {@code PeopleSettings.Read.All}), read whatever shape
     * Microsoft's answer takes ({@link PhotoPolicies}).
     */
    @Override
    public PolicyReading photoPolicy() {
        var request = new RequestInformation();
        request.httpMethod = HttpMethod.GET;
        request.setUri(URI.create(properties.baseUrl().replaceAll("/v1\\.0/?$", "/beta") + "/admin/people/photoUpdateSettings"));
        request.headers.add("Accept", "application/json");
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        try (InputStream body = graph.getRequestAdapter().sendPrimitive(request, errors, InputStream.class)) {
            return body == null ? new PolicyUnreadable(Unreadable.SHAPE, 200) : PhotoPolicies.read(body.readAllBytes());
        } catch (ApiException e) {
            return switch (e.getResponseStatusCode()) {
                case 403 -> new PolicyUnreadable(Unreadable.NO_PERMISSION, 403);
                case 400, 404 -> new PolicyUnreadable(Unreadable.NOT_OFFERED, e.getResponseStatusCode());
                default -> throw failure(e);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Graph documents a 1x1 image/gif with an empty etag as another way of saying "no photo". */
    static boolean isPlaceholder(ProfilePhoto photo) {
        return Integer.valueOf(1).equals(photo.getWidth()) && Integer.valueOf(1).equals(photo.getHeight())
                && etagOf(photo).isEmpty();
    }

    static String etagOf(ProfilePhoto photo) {
        Object etag = photo.getAdditionalData().get("@odata.mediaEtag");
        return etag == null ? "" : etag.toString();
    }

    private static byte[] read(InputStream in) {
        if (in == null) {
            return null;
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
