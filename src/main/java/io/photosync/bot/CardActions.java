package io.photosync.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.i18n.Messages;
import java.util.Locale;

/**
 * The buttons the bot's cards carry, and the data that brings their taps back: "Sync my photo"
 * (Action.Execute, with Action.Submit for clients without Universal Actions) and buttons that send
 * a command as if typed.
 */
final class CardActions {

    static final String ACTION_KEY = "photosync";
    static final String SYNC_ACTION = "sync-my-photo";
    /** The Action.Execute verb of the "Sync my photo" button. */
    static final String SYNC_VERB = "syncMyPhoto";
    /** The data key that carries the nudge campaign a button came from. */
    static final String NUDGE_KEY = "nudge";
    /** A button that sends a command as if typed (the choice and suggestion cards' buttons). */
    static final String COMMAND_ACTION = "command";
    static final String COMMAND_KEY = "command";

    private CardActions() {
    }

    /**
     * "Sync my photo": Action.Execute (an {@code adaptiveCard/action} invoke, answered with the
     * "Syncing…" card), falling back to Action.Submit on clients without Universal Actions.
     *
     * @param nudgeId the nudge campaign the button belongs to, or null
     */
    static ObjectNode syncMyPhoto(String title, String nudgeId) {
        ObjectNode data = AdaptiveCard.node().put(ACTION_KEY, SYNC_ACTION);
        if (nudgeId != null) {
            data.put(NUDGE_KEY, nudgeId);
        }
        ObjectNode submit = AdaptiveCard.node().put("type", "Action.Submit").put("title", title);
        submit.set("data", data.deepCopy());
        ObjectNode execute = AdaptiveCard.node().put("type", "Action.Execute").put("verb", SYNC_VERB).put("title", title);
        execute.set("data", data);
        execute.set("fallback", submit);
        return execute;
    }

    /**
     * What a button sends, in the card's language so that the answer is too (clients such as the
     * Playground report en-US whatever the person reads): {@code english} or {@code norwegian}, then the id.
     */
    static String inLanguage(Locale language, String english, String norwegian, String id) {
        return (Messages.NORWEGIAN.getLanguage().equals(language.getLanguage()) ? norwegian : english) + id;
    }

    /** A button that sends {@code command} as if the person had typed it. */
    static ObjectNode command(String title, String command) {
        ObjectNode submit = AdaptiveCard.node().put("type", "Action.Submit").put("title", title);
        submit.putObject("data").put(ACTION_KEY, COMMAND_ACTION).put(COMMAND_KEY, command);
        return submit;
    }
}
