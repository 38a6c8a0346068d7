package io.photosync.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sync core ({@code photosync.sync.*}).
 *
 * @param largeSize pixel size of the large rendition (SharePoint's own size is undocumented: 200–300)
 * @param includeGuests whether guests' photos are synced (their SharePoint profile often does not exist)
 * @param selfMode how "sync my photo" writes: with the person's own SharePoint rights after Teams
 *                 SSO, app-only, or the first with the second as fallback
 * @param mode whether PhotoSync writes SharePoint at all, or only has SharePoint pull the photo
 *             (least privilege); {@code auto} pulls when PhotoSync lacks SharePoint's write permission
 */
@Validated
@ConfigurationProperties("photosync.sync")
public record SyncProperties(@DefaultValue("300") @Min(72) @Max(648) int largeSize,
                             @DefaultValue("false") boolean includeGuests,
                             @DefaultValue("delegated-then-app-only") @NotNull SelfMode selfMode,
                             @DefaultValue("auto") @NotNull Mode mode) {

    /** Whether PhotoSync writes SharePoint's copy, or has SharePoint pull it from Exchange itself. */
    public enum Mode {
        /** Write renditions and properties (app-only or as the person). */
        WRITE,
        /** Write nothing to SharePoint: send the person a link that makes SharePoint pull, then watch the profile. */
        NATIVE_TRIGGER,
        /** Write when PhotoSync holds SharePoint's write permission, pull otherwise. */
        AUTO
    }

    /** How a person's own sync writes to SharePoint. */
    public enum SelfMode {
        /** {@code SetMyProfilePicture} with the person's delegated token; a failure is the outcome. */
        DELEGATED,
        /** PhotoSync's app-only path, as for a colleague's photo; no sign-in. */
        APP_ONLY,
        /** Delegated first; when that write fails for a reason other than sign-in, app-only, and the card says so. */
        DELEGATED_THEN_APP_ONLY;

        public boolean needsSignIn() {
            return this != APP_ONLY;
        }
    }
}
