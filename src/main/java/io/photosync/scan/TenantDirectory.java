package io.photosync.scan;

import io.photosync.sync.DirectoryUser;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The whole tenant, for a scan: every enabled member, and their photos' metadata in batches. */
public interface TenantDirectory {

    /** Graph's {@code $batch} takes at most this many requests. */
    int BATCH = 20;

    /** Hands over every enabled member account, one page at a time, in Graph's order. */
    default void forEachEnabledMember(Consumer<List<DirectoryUser>> consumer) {
        MemberPage page = enabledMembers(null);
        while (true) {
            if (!page.members().isEmpty()) {
                consumer.accept(page.members());
            }
            if (page.next() == null) {
                return;
            }
            page = enabledMembers(page.next());
        }
    }

    /**
     * One page of enabled members: the first for a null cursor, else the page the cursor (a
     * previous page's {@code next}) names. A scan keeps the cursor to resume where it stopped.
     */
    MemberPage enabledMembers(String cursor);

    /** @param next the cursor of the following page; null after the last */
    record MemberPage(List<DirectoryUser> members, String next) {
    }

    /**
     * Photo metadata of up to {@link #BATCH} people in one {@code $batch}, by object id. Answers are
     * matched by request id, never by position; a request throttled inside the batch is tried again
     * on its own after its {@code Retry-After}.
     */
    Map<String, PhotoMetadata> photoMetadata(List<String> objectIds);

    /**
     * @param present whether Microsoft 365 has a photo
     * @param etag its {@code @odata.mediaEtag}; null without a photo
     */
    record PhotoMetadata(boolean present, String etag) {
    }
}
