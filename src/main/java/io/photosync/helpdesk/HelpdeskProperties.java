package io.photosync.helpdesk;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may act on colleagues, and on whom ({@code photosync.helpdesk.*}).
 *
 * @param operatorGroups Entra group object ids whose members (also through nested groups) are operators
 * @param operatorRole the app role on PhotoSync's app registration that makes its holders operators
 * @param scopeGroups when set, operators may act only on members of these groups (also nested)
 * @param notifyColleague whether a colleague whose photo the helpdesk synced is told so in their chat with the bot
 */
@Validated
@ConfigurationProperties("photosync.helpdesk")
public record HelpdeskProperties(List<String> operatorGroups,
                                 @DefaultValue("PhotoSync.Operator") @NotBlank String operatorRole,
                                 List<String> scopeGroups,
                                 @DefaultValue("true") boolean notifyColleague) {

    public HelpdeskProperties {
        operatorGroups = operatorGroups == null ? List.of() : operatorGroups.stream().filter(id -> !id.isBlank()).toList();
        scopeGroups = scopeGroups == null ? List.of() : scopeGroups.stream().filter(id -> !id.isBlank()).toList();
    }
}
