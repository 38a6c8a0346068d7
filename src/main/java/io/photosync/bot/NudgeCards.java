package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import java.util.List;
import java.util.Locale;

/** The nudge itself, and what the operator sees after asking for nudges or a group sync. */
final class NudgeCards {

    /** Up to this many recipients are named on the card; more are counted. */
    private static final int NAMED = 3;

    private final Messages messages;

    NudgeCards(Messages messages) {
        this.messages = messages;
    }

    /** The proactive nudge: "your SharePoint photo may be out of date — sync now?". */
    Attachment nudge(Locale language, String campaignId) {
        return new AdaptiveCard().title(messages.get(language, "card.nudge.title")).text(messages.get(language, "card.nudge.text"))
                .action(CardActions.syncMyPhoto(messages.get(language, "card.action.sync"), campaignId)).attachment();
    }

    /** After "nudge …": how many will be nudged, and who could not be found. */
    Attachment nudgeQueued(Locale language, List<String> recipients, List<String> unknown, List<String> unclear, List<String> outOfScope) {
        String sentence = recipients.size() <= NAMED
                ? messages.get(language, "card.nudge-queued.named", echo(String.join(", ", recipients)))
                : messages.get(language, "card.nudge-queued.text", recipients.size());
        return others(language, new AdaptiveCard().title(messages.get(language, "card.nudge-queued.title")).text(sentence), unknown, unclear, outOfScope)
                .attachment();
    }

    /** "nudge …" found nobody to nudge: who was not found, not clear, or outside the operator's scope. */
    Attachment nobodyToNudge(Locale language, List<String> unknown, List<String> unclear, List<String> outOfScope) {
        return others(language, new AdaptiveCard().title(messages.get(language, "card.nobody-to-nudge.title"))
                .text(messages.get(language, "card.nobody-to-nudge.text")), unknown, unclear, outOfScope).attachment();
    }

    private AdaptiveCard others(Locale language, AdaptiveCard card, List<String> unknown, List<String> unclear, List<String> outOfScope) {
        if (!unknown.isEmpty()) {
            card.text(messages.get(language, "card.nudge-queued.unknown", echo(String.join(", ", unknown))));
        }
        if (!unclear.isEmpty()) {
            card.text(messages.get(language, "card.nudge-queued.unclear", echo(String.join(", ", unclear))));
        }
        if (!outOfScope.isEmpty()) {
            card.text(messages.get(language, "card.nudge-queued.out-of-scope", echo(String.join(", ", outOfScope))));
        }
        return card;
    }

    /** After "nudge group …": how many members will be nudged, how many guests were left out. */
    Attachment nudgeGroupQueued(Locale language, String group, int recipients, int guests) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.nudge-queued.title"))
                .text(messages.get(language, "card.nudge-group-queued.text", recipients, echo(group)));
        if (guests > 0) {
            card.subtle(messages.get(language, "card.nudge-group-queued.guests", guests));
        }
        return card.attachment();
    }

    /** After "sync photos for group …": how many syncs were queued, how many people left out. */
    Attachment syncGroupQueued(Locale language, String group, int members, int leftOut) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.sync-group-queued.title", echo(group)))
                .text(messages.get(language, "card.sync-group-queued.text", members));
        if (leftOut > 0) {
            card.subtle(messages.get(language, "card.sync-group-queued.left-out", leftOut));
        }
        return card.attachment();
    }

    /** Several groups match what the operator typed: name them and show how to pick one. */
    Attachment whichGroup(Locale language, String typed, List<String> candidates) {
        List<String> names = candidates.stream().map(AdaptiveCard::echo).toList();
        return new AdaptiveCard().title(messages.get(language, "card.group-ambiguous.title"))
                .text(messages.get(language, "card.group-ambiguous.text", echo(typed), String.join(", ", names), names.get(0))).attachment();
    }
}
