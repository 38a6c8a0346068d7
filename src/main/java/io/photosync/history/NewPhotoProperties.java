package io.photosync.history;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * New photos people send the bot ({@code photosync.photo.*}).
 *
 * @param expireAfter how long a sent photo waits for "Use it" before it and its bytes are gone
 * @param approval the Entra groups (object ids) whose members approve people's new photos; empty: no approval
 * @param approvalExpireAfter how long a new photo waits for an approver
 * @param propagationFirstCheck when a new photo Microsoft 365 does not show yet is first checked again (then twice as long each time, at most an hour)
 * @param propagationWatchFor how long PhotoSync keeps checking before it says what to do
 */
@Validated
@ConfigurationProperties("photosync.photo")
public record NewPhotoProperties(@DefaultValue("24h") @NotNull Duration expireAfter,
                                 @DefaultValue("") List<String> approval,
                                 @DefaultValue("7d") @NotNull Duration approvalExpireAfter,
                                 @DefaultValue("10s") @NotNull Duration propagationFirstCheck,
                                 @DefaultValue("48h") @NotNull Duration propagationWatchFor) {

    /** Whether people's new photos wait for an approver. */
    public boolean approving() {
        return approval.stream().anyMatch(group -> !group.isBlank());
    }

    /** The approver groups, blanks dropped. */
    public List<String> approverGroups() {
        return approval.stream().map(String::strip).filter(group -> !group.isEmpty()).toList();
    }
}
