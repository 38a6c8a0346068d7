package io.photosync.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Photo history ({@code photosync.history.*}): what SharePoint showed before each change, for undo.
 *
 * @param versions how many versions are kept per person; 0 keeps none (no undo)
 * @param retention how long a version is kept, and an Undo button works
 * @param pruneEvery how often versions past their retention, and those of deleted accounts, are removed
 */
@Validated
@ConfigurationProperties("photosync.history")
public record HistoryProperties(@DefaultValue("3") @Min(0) @Max(20) int versions,
                                @DefaultValue("30d") Duration retention,
                                @DefaultValue("6h") Duration pruneEvery) {
}
