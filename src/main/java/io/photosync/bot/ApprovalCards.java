package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import io.photosync.sync.NewPhoto;
import java.time.Duration;
import java.util.Locale;

/**
 * The cards of an approval: the approver's (the photo, whose, Approve, and Reject with a reason)
 * and how it ends on theirs; the person's while it waits, and how it ends on theirs.
 */
final class ApprovalCards {

    private final Messages messages;

    ApprovalCards(Messages messages) {
        this.messages = messages;
    }

    /** To an approver: the photo, whose it would be, a reason field, Approve and Reject. */
    Attachment approval(Locale language, NewPhoto photo, String name, String userPrincipalName) {
        ObjectNode reason = AdaptiveCard.node().put("type", "Input.Text").put("id", PhotoApprovalFlow.REASON).put("maxLength", 500)
                .put("placeholder", messages.get(language, "card.approval.reason"));
        return new AdaptiveCard().title(messages.get(language, "card.approval.title"))
                .add(AdaptiveCard.image(photo.preview(), messages.get(language, "card.approval.alt", echo(name)), "Large"))
                .text(messages.get(language, "card.approval.text", echo(name), echo(userPrincipalName)))
                .add(reason)
                .action(CardActions.command(messages.get(language, "card.action.approve"), PhotoApprovalFlow.approveCommand(language, photo.id())))
                .action(CardActions.command(messages.get(language, "card.action.reject"), PhotoApprovalFlow.rejectCommand(language, photo.id())))
                .attachment();
    }

    /** The person's card while approvers decide. */
    Attachment awaitingApproval(Locale language, Duration waitsFor) {
        return new AdaptiveCard().title(messages.get(language, "card.approval.waiting.title"))
                .text(messages.get(language, "card.approval.waiting.text", Math.max(1, waitsFor.toDays()))).attachment();
    }

    Attachment noApprover(Locale language) {
        return simple(language, "card.approval.nobody");
    }

    /** The person's card once approved, until the job's result replaces it. */
    Attachment approved(Locale language, String approverName) {
        return new AdaptiveCard().title(messages.get(language, "card.approval.approved.title"))
                .text(messages.get(language, "card.approval.approved.text", echo(approverName))).attachment();
    }

    /** The person's card when rejected: by whom and why. */
    Attachment rejected(Locale language, String approverName, String reason) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.approval.rejected.title"))
                .text(messages.get(language, "card.approval.rejected.text", echo(approverName)));
        if (reason != null) {
            card.text(messages.get(language, "card.approval.because", echo(reason)));
        }
        return card.text(messages.get(language, "card.approval.rejected.next")).attachment();
    }

    /** What every approver's card turns into once someone approved. */
    Attachment approvedBy(Locale language, String approverName, String name) {
        return new AdaptiveCard().title(messages.get(language, "card.approval.approved-by.title", echo(name)))
                .text(messages.get(language, "card.approval.approved-by.text", echo(approverName))).attachment();
    }

    Attachment rejectedBy(Locale language, String approverName, String name, String reason) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.approval.rejected-by.title", echo(name)))
                .text(messages.get(language, "card.approval.rejected-by.text", echo(approverName)));
        return (reason == null ? card : card.text(messages.get(language, "card.approval.because", echo(reason)))).attachment();
    }

    /** Approve or Reject from someone who is not an approver (or on their own photo). */
    Attachment notApprover(Locale language) {
        return simple(language, "card.approval.not-approver");
    }

    /** Decided by someone else first, or expired. */
    Attachment alreadyDecided(Locale language) {
        return simple(language, "card.approval.decided");
    }

    Attachment approvalExpired(Locale language, Duration waitsFor) {
        return new AdaptiveCard().title(messages.get(language, "card.approval.expired.title"))
                .text(messages.get(language, "card.approval.expired.text", Math.max(1, waitsFor.toDays()))).attachment();
    }

    Attachment approvalExpiredForApprover(Locale language, String name) {
        return new AdaptiveCard().title(messages.get(language, "card.approval.expired-approver.title", echo(name)))
                .text(messages.get(language, "card.approval.expired-approver.text")).attachment();
    }

    private Attachment simple(Locale language, String key) {
        return new AdaptiveCard().title(messages.get(language, key + ".title")).text(messages.get(language, key + ".text")).attachment();
    }
}
