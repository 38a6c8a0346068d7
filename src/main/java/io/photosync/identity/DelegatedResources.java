package io.photosync.identity;

import java.util.List;

/**
 * The resources besides Microsoft Graph that a person's Teams sign-in is exchanged for (on-behalf-of),
 * so that their later syncs need no sign-in: SharePoint's My Site host of every geo, since the
 * person's own geo is not known when they sign in.
 */
@FunctionalInterface
public interface DelegatedResources {

    /** The resources' URLs, e.g. {@code https://contoso-my.sharepoint.com}. */
    List<String> urls();
}
