package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;
import static io.photosync.bot.AdaptiveCard.subtleBlock;
import static io.photosync.bot.AdaptiveCard.textBlock;

import com.microsoft.bot.schema.Attachment;
import io.photosync.doctor.Diagnosis;
import io.photosync.i18n.Messages;
import java.util.Locale;

/** The photo doctor's card. */
final class DoctorCards {

    private final Messages messages;

    DoctorCards(Messages messages) {
        this.messages = messages;
    }

    /**
     * The findings, one line each with a mark (✔ fine, ✘ wrong, ℹ worth knowing) and, for what is
     * wrong, what to do; a sync button when a sync fixes it.
     *
     * @param syncCommand the command the button sends ("sync photo for …"); null for the person's own button
     */
    Attachment diagnosis(Locale language, Diagnosis diagnosis, String name, String syncCommand) {
        AdaptiveCard card = new AdaptiveCard().title(messages.get(language, "card.doctor.title", echo(name)));
        for (Diagnosis.Finding finding : diagnosis.findings()) {
            String key = "doctor." + finding.check().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (finding.variant().isEmpty() ? "" : "." + finding.variant()) + "." + finding.status().name().toLowerCase(Locale.ROOT);
            Object[] arguments = {echo(name), finding.detail() == null ? "" : echo(finding.detail())};
            card.add(textBlock(mark(finding.status()) + " " + messages.get(language, key, arguments)).put("spacing", "Small"));
            if (finding.status() == Diagnosis.Status.PROBLEM && messages.has(language, key + ".next")) {
                card.add(subtleBlock(messages.get(language, "card.next", messages.get(language, key + ".next", arguments))).put("spacing", "None"));
            }
        }
        if (diagnosis.healthy()) {
            card.text(messages.get(language, "card.doctor.healthy"));
        }
        if (diagnosis.syncWouldHelp()) {
            String title = messages.get(language, "card.doctor.sync");
            card.action(syncCommand == null ? CardActions.syncMyPhoto(title, null) : CardActions.command(title, syncCommand));
        }
        return card.attachment();
    }

    private static String mark(Diagnosis.Status status) {
        return switch (status) {
            case OK -> "✔";
            case PROBLEM -> "✘";
            case INFO -> "ℹ";
        };
    }
}
