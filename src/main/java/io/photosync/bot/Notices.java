package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import java.util.Locale;

/** The cards anyone may get: help, and short statements ("who are you?", "the directory did not answer"). */
final class Notices {

    private final Messages messages;

    Notices(Messages messages) {
        this.messages = messages;
    }

    /** What the bot does and how to ask; {@code notUnderstood} (what was typed) leads it when set. */
    Attachment help(Locale language, String notUnderstood) {
        AdaptiveCard card = new AdaptiveCard();
        if (notUnderstood != null) {
            card.text(messages.get(language, "card.help.not-understood", echo(notUnderstood)));
        }
        return card.title(messages.get(language, "card.help.title"))
                .text(messages.get(language, "card.help.text"))
                .facts(messages.get(language, "card.help.sync.command"), messages.get(language, "card.help.sync.meaning"),
                        messages.get(language, "card.help.doctor.command"), messages.get(language, "card.help.doctor.meaning"),
                        messages.get(language, "card.help.help.command"), messages.get(language, "card.help.help.meaning"))
                .action(CardActions.syncMyPhoto(messages.get(language, "card.action.sync"), null))
                .attachment();
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
