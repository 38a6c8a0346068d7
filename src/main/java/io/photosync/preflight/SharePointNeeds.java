package io.photosync.preflight;

import java.util.List;
import java.util.Set;

/**
 * What PhotoSync needs of SharePoint in each sync mode ({@code photosync.sync.mode}): writing its
 * copy needs the write permissions; least privilege (native-trigger, and auto without them) only
 * reads profiles, so SharePoint's {@code User.Read.All} on the admin host is enough.
 */
final class SharePointNeeds {

    private SharePointNeeds() {
    }

    /** Permission groups the My Site host token must satisfy, one role of each. */
    static List<List<String>> mySiteHost(String mode) {
        return "write".equals(mode)
                ? List.of(List.of("Sites.FullControl.All", "Sites.ReadWrite.All"), List.of("User.ReadWrite.All", "User.Read.All"))
                : List.of();
    }

    /** Permission groups the admin host token must satisfy. */
    static List<List<String>> adminHost(String mode) {
        return "write".equals(mode) ? List.of(List.of("User.ReadWrite.All")) : List.of(List.of("User.ReadWrite.All", "User.Read.All"));
    }

    /** Whether PhotoSync will write SharePoint or have it pull, in words, from the admin host token's roles. */
    static String writes(String mode, Set<String> adminRoles) {
        boolean writes = "write".equals(mode) || ("auto".equals(mode) && adminRoles.contains("User.ReadWrite.All"));
        return writes ? "PhotoSync writes SharePoint's copy (mode " + mode + ")"
                : "least privilege (mode " + mode + "): nothing is written to SharePoint; people get a link that makes SharePoint fetch "
                        + "their photo, and PhotoSync reads their profile until it shows";
    }
}
