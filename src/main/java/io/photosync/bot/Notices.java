package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import java.util.List;
import java.util.Locale;

/** The cards anyone may get: help, and short statements ("who are you?", "the directory did not answer"). */
final class Notices {

    /** The helpdesk commands an operator's help lists, in this order; each has a command, a meaning and an example. */
    static final List<String> OPERATOR_COMMANDS = List.of("sync-for", "sync-group", "history", "doctor", "nudge", "nudge-group",
            "scan", "scan-fix", "scan-nudge", "preflight", "undo-for", "set-photo");

    private final Messages messages;

    Notices(Messages messages) {
        this.messages = messages;
    }

    /** What the bot does and how to ask; {@code notUnderstood} (what was typed) leads it when set. */
    Attachment help(Locale language, String notUnderstood) {
        return help(language, notUnderstood, false);
    }

    /** The same, with the helpdesk's commands (one line and an example each) for an operator. */
    Attachment help(Locale language, String notUnderstood, boolean operator) {
        AdaptiveCard card = new AdaptiveCard();
        if (notUnderstood != null) {
            card.text(messages.get(language, "card.help.not-understood", echo(notUnderstood)));
        }
        card.title(messages.get(language, "card.help.title"))
                .text(messages.get(language, "card.help.text"))
                .facts(messages.get(language, "card.help.sync.command"), messages.get(language, "card.help.sync.meaning"),
                        messages.get(language, "card.help.doctor.command"), messages.get(language, "card.help.doctor.meaning"),
                        messages.get(language, "card.help.undo.command"), messages.get(language, "card.help.undo.meaning"),
                        messages.get(language, "card.help.change.command"), messages.get(language, "card.help.change.meaning"),
                        messages.get(language, "card.help.help.command"), messages.get(language, "card.help.help.meaning"));
        if (operator) {
            card.add(AdaptiveCard.textBlock(messages.get(language, "card.help.operator.title")).put("weight", "Bolder").put("spacing", "Large"));
            String[] facts = new String[OPERATOR_COMMANDS.size() * 2];
            for (int i = 0; i < OPERATOR_COMMANDS.size(); i++) {
                String key = "card.help.operator." + OPERATOR_COMMANDS.get(i);
                facts[2 * i] = messages.get(language, key + ".command");
                facts[2 * i + 1] = messages.get(language, "card.help.operator.line", messages.get(language, key + ".meaning"),
                        messages.get(language, key + ".example"));
            }
            card.facts(facts);
        }
        return card.action(CardActions.syncMyPhoto(messages.get(language, "card.action.sync"), null)).attachment();
    }

    /** A simple statement with a title and a sentence, e.g. "who are you?". */
    Attachment notice(Locale language, String key) {
        return new AdaptiveCard().title(messages.get(language, key + ".title")).text(messages.get(language, key + ".text")).attachment();
    }

    /** A statement about something the person named: "no group named …", "… has no members". */
    Attachment about(Locale language, String key, String named) {
        return new AdaptiveCard().title(messages.get(language, key + ".title")).text(messages.get(language, key + ".text", echo(named))).attachment();
    }
}
