package io.photosync.graph;

import static io.photosync.graph.GraphErrors.failure;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.models.ProfilePhoto;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.photosync.http.RetryAfter;
import io.photosync.scan.TenantDirectory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.RemoteServiceException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/** The tenant as a scan reads it from Microsoft Graph: every enabled member, a page at a time, and their photos' metadata in batches. */
public final class GraphMembers implements TenantDirectory {

    private static final int LARGEST_PAGE = 999;
    /** How often a request throttled inside a batch is tried again on its own before the scan gives up on it. */
    private static final int BATCH_RETRIES = 3;
    private static final Duration LONGEST_BATCH_WAIT = Duration.ofSeconds(30);

    private final GraphServiceClient graph;

    GraphMembers(GraphServiceClient graph) {
        this.graph = graph;
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/user-list">List users</a>: enabled members, 999
     * a page; the cursor is Graph's own {@code @odata.nextLink}.
     */
    @Override
    public MemberPage enabledMembers(String cursor) {
        try {
            var page = cursor == null
                    ? graph.users().get(request -> {
                        request.queryParameters.filter = "accountEnabled eq true and userType eq 'Member'";
                        request.queryParameters.select = GraphUsers.USER_FIELDS;
                        request.queryParameters.top = LARGEST_PAGE;
                    })
                    : graph.users().withUrl(cursor).get();
            List<DirectoryUser> members = page == null || page.getValue() == null ? List.of()
                    : page.getValue().stream().map(GraphUsers::toDirectoryUser).toList();
            return new MemberPage(members, page == null ? null : page.getOdataNextLink());
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /**
     * <a href="https://learn.microsoft.com/graph/json-batching">JSON batching</a> of photo metadata:
     * sub-responses are matched by their id; 404 means no photo; a 429 sub-response is sent again
     * alone, after the longest {@code Retry-After} among them.
     */
    @Override
    public Map<String, PhotoMetadata> photoMetadata(List<String> objectIds) {
        if (objectIds.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " users per batch, not " + objectIds.size());
        }
        Map<String, PhotoMetadata> found = new LinkedHashMap<>();
        List<String> pending = List.copyOf(objectIds);
        for (int round = 0; !pending.isEmpty(); round++) {
            Map<String, Duration> throttled = batchRound(pending, found);
            if (throttled.isEmpty()) {
                break;
            }
            Duration longest = throttled.values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(1));
            if (round == BATCH_RETRIES) {
                throw new GraphException(Kind.THROTTLED, 429, "TooManyRequests",
                        throttled.size() + " photo requests stayed throttled in a batch", longest, null);
            }
            sleep(longest);
            pending = List.copyOf(throttled.keySet());
        }
        return found;
    }

    /** One {@code $batch}; fills {@code found}, returns the throttled ids with their Retry-After. */
    private Map<String, Duration> batchRound(List<String> objectIds, Map<String, PhotoMetadata> found) {
        var batch = new BatchRequestContent(graph);
        Map<String, String> userOfStep = new LinkedHashMap<>();
        for (String objectId : objectIds) {
            userOfStep.put(batch.addBatchRequestStep(graph.users().byUserId(objectId).photo().toGetRequestInformation()), objectId);
        }
        Map<String, Duration> throttled = new LinkedHashMap<>();
        try {
            var responses = graph.getBatchRequestBuilder().post(batch, null);
            Map<String, Integer> statuses = responses.getResponsesStatusCode();
            for (Map.Entry<String, String> step : userOfStep.entrySet()) {
                int status = statuses.getOrDefault(step.getKey(), 0);
                if (status == 200) {
                    ProfilePhoto photo = responses.getResponseById(step.getKey(), ProfilePhoto::createFromDiscriminatorValue);
                    found.put(step.getValue(), photo == null || GraphPhotos.isPlaceholder(photo)
                            ? new PhotoMetadata(false, null) : new PhotoMetadata(true, GraphPhotos.etagOf(photo)));
                } else if (status == 404) {
                    found.put(step.getValue(), new PhotoMetadata(false, null));
                } else if (status == 429 || status == 503) {
                    Response response = responses.getResponseById(step.getKey());
                    Duration wait = RetryAfter.parse(response == null ? null : response.header("Retry-After")).orElse(Duration.ofSeconds(1));
                    throttled.put(step.getValue(), wait.compareTo(LONGEST_BATCH_WAIT) > 0 ? LONGEST_BATCH_WAIT : wait);
                } else {
                    throw new GraphException(GraphErrors.kindOf(status), status, "BatchItemFailed",
                            "the photo of " + step.getValue() + " answered " + status + " inside a batch", null, null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ApiException e) {
            throw failure(e);
        }
        return throttled;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(Kind.UNAVAILABLE, 0, "", "interrupted", null, e);
        }
    }
}
