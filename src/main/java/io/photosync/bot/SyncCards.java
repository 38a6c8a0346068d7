package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import io.photosync.sync.PhotoChange;
import io.photosync.sync.PhotoRejected;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.WriteMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cards of one person's sync: "Syncing…", the result (the person's own, or a colleague's for
 * the operator), "queued" while Microsoft asks to wait, and the notice to a colleague whose photo
 * the helpdesk synced. Outcome cards take their words from keys named after the outcome's code.
 */
final class SyncCards {

    /** A 72 px rendition is a few KB; a larger file (restored from someone's own upload) is not put in a card, which Teams caps at 28 KB. */
    private static final int MAX_THUMBNAIL_BYTES = 12 * 1024;

    private final Messages messages;

    SyncCards(Messages messages) {
        this.messages = messages;
    }

    Attachment syncing(Locale language) {
        return new AdaptiveCard().title(messages.get(language, "card.syncing.title")).text(messages.get(language, "card.syncing.text")).attachment();
    }

    /** "Syncing Alice's photo…", for the operator who asked. */
    Attachment colleagueSyncing(Locale language, String name) {
        return new AdaptiveCard().title(messages.get(language, "card.colleague-syncing.title", echo(name)))
                .text(messages.get(language, "card.colleague-syncing.text")).attachment();
    }

    Attachment result(Locale language, SyncOutcome outcome) {
        return result(language, outcome, null);
    }

    /** The result of a helpdesk sync, about the colleague by name; no retry button (the operator asks again). */
    Attachment colleagueResult(Locale language, SyncOutcome outcome, String colleagueName) {
        return result(language, outcome, colleagueName);
    }

    /** The person's sync is queued because Microsoft asked to wait. */
    Attachment queued(Locale language, SyncOutcome outcome, Instant nextAttempt) {
        long minutes = Math.max(1, (Duration.between(Instant.now(), nextAttempt).toSeconds() + 59) / 60);
        return new AdaptiveCard().title(messages.get(language, "card.queued.title"))
                .text(messages.get(language, "card.queued.text", minutes))
                .subtle(messages.get(language, "card.reference", outcome.code())).attachment();
    }

    /** "Putting your earlier photo back…", or a colleague's for the operator ({@code colleagueName} set). */
    Attachment restoring(Locale language, String colleagueName) {
        String title = colleagueName == null ? messages.get(language, "card.restoring.title")
                : messages.get(language, "card.colleague-restoring.title", echo(colleagueName));
        return new AdaptiveCard().title(title).text(messages.get(language, "card.restoring.text")).attachment();
    }

    /** Undo found nothing kept: none was, or it is past its retention. */
    Attachment nothingToUndo(Locale language, String colleagueName) {
        return new AdaptiveCard().title(messages.get(language, "card.nothing-to-undo.title"))
                .text(colleagueName == null ? messages.get(language, "card.nothing-to-undo.text")
                        : messages.get(language, "card.nothing-to-undo.colleague", echo(colleagueName))).attachment();
    }

    /** To a colleague whose photo the helpdesk synced: who did it, that they need do nothing, and Undo when something was kept. */
    Attachment syncedByHelpdesk(Locale language, String operatorName, SyncOutcome.Synced synced) {
        String key = switch (synced.change()) {
            case SYNC -> "card.synced-by-helpdesk";
            case RESTORE -> "card.restored-by-helpdesk";
            case NEW_PHOTO -> "card.changed-by-helpdesk";
        };
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, key + ".title"))
                .text(messages.get(language, key + ".text", echo(operatorName)));
        return undoButton(language, card, synced.change() == PhotoChange.NEW_PHOTO ? null : synced.keptVersion()).attachment();
    }

    private Attachment result(Locale language, SyncOutcome outcome, String colleagueName) {
        boolean colleague = colleagueName != null;
        String key = (colleague ? "colleague.outcome." : "outcome.") + outcome.code();
        Object[] arguments = arguments(language, outcome, colleague ? echo(colleagueName) : "");
        if (outcome instanceof SyncOutcome.Synced synced && synced.thumbnail() == null) {
            AdaptiveCard card = new AdaptiveCard().title(messages.get(language, key + ".title", arguments))
                    .text(messages.get(language, key + ".no-photo", arguments));
            return undoButton(language, card, synced.keptVersion()).attachment();
        }
        if (outcome instanceof SyncOutcome.Synced synced) {
            // Microsoft 365 took the new photo but does not show it yet: the propagation card follows it.
            String sentence = messages.get(language, key + (synced.previousEtag() == null ? ".text" : ".waiting"), arguments);
            return synced(language, synced, colleague, messages.get(language, key + ".title", arguments), sentence);
        }
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, key + ".title", arguments))
                .text(messages.get(language, key + ".text", arguments))
                .text(messages.get(language, "card.next", messages.get(language, key + ".next", arguments)))
                .subtle(messages.get(language, "card.reference", outcome.code()));
        if (outcome.retryable() && !colleague) {
            card.action(CardActions.syncMyPhoto(messages.get(language, "card.action.retry"), null));
        }
        if (outcome instanceof SyncOutcome.PullRequested pull && !colleague) {
            card.openUrl(messages.get(language, "card.action.open-sharepoint"), pull.link());
        }
        return card.attachment();
    }

    /** To a colleague the helpdesk (or a scan) asked SharePoint to refresh: the link that makes it pull their photo. */
    Attachment pullForColleague(Locale language, String operatorName, SyncOutcome.PullRequested pull) {
        return new AdaptiveCard().title(messages.get(language, "card.pull-by-helpdesk.title"))
                .text(messages.get(language, "card.pull-by-helpdesk.text", echo(operatorName)))
                .openUrl(messages.get(language, "card.action.open-sharepoint"), pull.link()).attachment();
    }

    /** The new photo beside the sentence, then how it was written and checked. */
    private Attachment synced(Locale language, SyncOutcome.Synced synced, boolean colleague, String title, String sentence) {
        boolean delegated = synced.mode() == WriteMode.DELEGATED;
        AdaptiveCard card = new AdaptiveCard()
                .add(photoHeader(language, synced, colleague ? "card.photo.alt-colleague" : "card.photo.alt", title, sentence));
        List<String> facts = new ArrayList<>();
        if (synced.change() == PhotoChange.NEW_PHOTO) {
            facts.addAll(List.of(messages.get(language, "card.written.microsoft-365"),
                    messages.get(language, colleague ? "card.written.microsoft-365.app-only" : "card.written.microsoft-365.value")));
        }
        facts.addAll(List.of(messages.get(language, "card.written.as"),
                messages.get(language, delegated ? "card.written.as.delegated" : "card.written.as.app-only"),
                messages.get(language, "card.written.files"),
                delegated ? messages.get(language, "card.written.files.delegated") : messages.get(language, "card.written.files.value", synced.largeSize()),
                messages.get(language, "card.written.profile"),
                messages.get(language, delegated ? "card.written.profile.delegated" : "card.written.profile.value"),
                messages.get(language, "card.written.verified"), messages.get(language, "card.written.verified.value")));
        card.facts(facts.toArray(String[]::new));
        if (synced.fallbackReason() != null) {
            card.subtle(messages.get(language, "card.written.fallback", fallbackInWords(language, synced.fallbackReason())));
        }
        // Undo writes SharePoint back, not Microsoft 365: after a new photo it would leave the two disagreeing.
        String undoable = synced.change() == PhotoChange.NEW_PHOTO ? null : synced.keptVersion();
        return undoButton(language, card.subtle(messages.get(language, "card.written.caches")), undoable).attachment();
    }

    /** "Undo": writes back what the change replaced, when it was kept. */
    private AdaptiveCard undoButton(Locale language, AdaptiveCard card, String keptVersion) {
        return keptVersion == null ? card : card.action(CardActions.command(messages.get(language, "card.action.undo"), PhotoUndo.command(language, keptVersion)));
    }


    /** What the outcome's sentences mention, in words where they are words, and last the colleague's name (or ""). */
    private Object[] arguments(Locale language, SyncOutcome outcome, String colleague) {
        List<Object> arguments = new ArrayList<>();
        for (Object mention : outcome.mentions()) {
            arguments.add(mention instanceof PhotoRejected.Reason reason
                    ? messages.get(language, "photo-rejected." + reason.name().toLowerCase(Locale.ROOT)) : mention);
        }
        if (arguments.isEmpty()) {
            arguments.add("");
        }
        arguments.add(colleague);
        return arguments.toArray();
    }

    /** The outcome code in front of a fallback reason ("permission-missing: …"), in words; the details stay in the job record. */
    private String fallbackInWords(Locale language, String reason) {
        String code = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        return messages.get(language, messages.has(language, "fallback." + code) ? "fallback." + code : "fallback.other");
    }

    private ObjectNode photoHeader(Locale language, SyncOutcome.Synced synced, String altKey, String title, String sentence) {
        ObjectNode columns = AdaptiveCard.node().put("type", "ColumnSet");
        if (synced.thumbnail().length <= MAX_THUMBNAIL_BYTES) {
            columns.withArray("columns").addObject().put("type", "Column").put("width", "auto").withArray("items")
                    .add(AdaptiveCard.personPhoto(synced.thumbnail(), messages.get(language, altKey), "Medium"));
        }
        ObjectNode words = columns.withArray("columns").addObject().put("type", "Column").put("width", "stretch")
                .put("verticalContentAlignment", "Center");
        words.withArray("items").add(AdaptiveCard.titleBlock(title));
        words.withArray("items").add(AdaptiveCard.textBlock(sentence));
        return columns;
    }
}
