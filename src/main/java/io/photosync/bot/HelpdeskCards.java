package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;
import static io.photosync.bot.AdaptiveCard.subtleBlock;
import static io.photosync.bot.AdaptiveCard.textBlock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import io.photosync.audit.AuditEntry;
import io.photosync.i18n.Messages;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.KeptPhoto;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The helpdesk's cards: which person was meant, nobody by that name, a person's history, the preflight's lines. */
final class HelpdeskCards {

    /** A kept rendition larger than this (someone else's file, not a 48 px thumbnail) is not put in a card, which Teams caps at 28 KB. */
    private static final int MAX_THUMBNAIL_BYTES = 6 * 1024;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Messages messages;

    HelpdeskCards(Messages messages) {
        this.messages = messages;
    }

    /**
     * Several people match what the operator typed: each with name, mail, job title and
     * department, and a button that sends the command again for exactly that person.
     */
    Attachment choosePerson(Locale language, String typed, List<DirectoryUser> people, String commandPrefix, String buttonKey) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.choose-person.title", echo(typed)))
                .text(messages.get(language, "card.choose-person.text"));
        people.forEach(person -> card.add(personRow(language, person, commandPrefix, buttonKey)));
        return card.attachment();
    }

    /** Nobody matched: say so, and offer the closest people the directory knows, with a button each. */
    Attachment noSuchPerson(Locale language, String typed, List<DirectoryUser> suggestions, String commandPrefix, String buttonKey) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.no-such-user.title"))
                .text(messages.get(language, "card.no-such-user.text", echo(typed)));
        if (!suggestions.isEmpty()) {
            card.text(messages.get(language, "card.no-such-user.suggestions"));
            suggestions.forEach(person -> card.add(personRow(language, person, commandPrefix, buttonKey)));
        }
        return card.attachment();
    }

    /**
     * "history for": the kept photos (newest first, each with its thumbnail and a Restore button),
     * then the last audit entries.
     */
    Attachment history(Locale language, String name, List<KeptPhoto> kept, List<AuditEntry> entries) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.history.title", echo(name)));
        if (!kept.isEmpty()) {
            card.add(textBlock(messages.get(language, "card.history.versions")).put("weight", "Bolder"));
            kept.forEach(version -> card.add(versionRow(language, version)));
            card.add(textBlock(messages.get(language, "card.history.changes")).put("weight", "Bolder").put("spacing", "Large"));
        }
        if (entries.isEmpty()) {
            card.text(messages.get(language, "card.history.empty"));
        }
        for (AuditEntry entry : entries) {
            String action = messages.has(language, "action." + entry.action()) ? messages.get(language, "action." + entry.action()) : entry.action();
            String mode = entry.mode() == null ? "" : messages.get(language, "card.history.mode", entry.mode());
            String who = entry.requesterUpn() != null ? entry.requesterUpn() : String.valueOf(entry.requesterId());
            card.add(textBlock(messages.get(language, "card.history.entry", WHEN.format(entry.at()), action, entry.outcome(), mode, echo(who)))
                    .put("size", "Small").put("separator", true));
        }
        return card.attachment();
    }

    /** The preflight check's lines as the command line prints them, and whether all passed. */
    Attachment preflight(Locale language, List<String> lines, boolean passed) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, passed ? "card.preflight.passed" : "card.preflight.failed"));
        lines.forEach(line -> card.add(textBlock(line).put("spacing", "Small").put("size", "Small")));
        return card.subtle(messages.get(language, "card.preflight.more")).attachment();
    }

    /** One kept photo: its small rendition (or "no photo"), until when SharePoint showed it, and Restore. */
    private ObjectNode versionRow(Locale language, KeptPhoto version) {
        ObjectNode row = AdaptiveCard.node().put("type", "ColumnSet").put("separator", true);
        ObjectNode photo = row.withArray("columns").addObject().put("type", "Column").put("width", "auto").put("verticalContentAlignment", "Center");
        byte[] thumbnail = version.small() != null ? version.small() : version.medium();
        if (version.hadPicture() && thumbnail != null && thumbnail.length <= MAX_THUMBNAIL_BYTES) {
            photo.withArray("items").add(AdaptiveCard.personPhoto(thumbnail,
                    messages.get(language, "card.history.version.alt", WHEN.format(version.keptAt())), "Small"));
        } else {
            photo.withArray("items").add(subtleBlock(messages.get(language, version.hadPicture() ? "card.history.photo" : "card.history.no-photo")));
        }
        ObjectNode when = row.withArray("columns").addObject().put("type", "Column").put("width", "stretch").put("verticalContentAlignment", "Center");
        when.withArray("items").add(textBlock(messages.get(language, "card.history.version", WHEN.format(version.keptAt()))));
        ObjectNode button = row.withArray("columns").addObject().put("type", "Column").put("width", "auto").put("verticalContentAlignment", "Center");
        button.withArray("items").addObject().put("type", "ActionSet").withArray("actions")
                .add(CardActions.command(messages.get(language, "card.action.restore"), PhotoUndo.command(language, version.id())));
        return row;
    }

    private ObjectNode personRow(Locale language, DirectoryUser person, String commandPrefix, String buttonKey) {
        ObjectNode row = AdaptiveCard.node().put("type", "ColumnSet").put("separator", true);
        ObjectNode who = row.withArray("columns").addObject().put("type", "Column").put("width", "stretch");
        who.withArray("items").add(textBlock(echo(person.displayName())).put("weight", "Bolder"));
        String details = Stream.of(person.mail() != null ? person.mail() : person.userPrincipalName(), person.jobTitle(), person.department())
                .filter(value -> value != null && !value.isBlank()).map(AdaptiveCard::echo).collect(Collectors.joining(" · "));
        who.withArray("items").add(subtleBlock(details).put("spacing", "None"));
        ObjectNode button = row.withArray("columns").addObject().put("type", "Column").put("width", "auto")
                .put("verticalContentAlignment", "Center");
        button.withArray("items").addObject().put("type", "ActionSet").withArray("actions")
                .add(CardActions.command(messages.get(language, buttonKey), commandPrefix + person.userPrincipalName()));
        return row;
    }
}
