package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJobRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** What the bot reads from an activity, and how it answers with a card. */
final class Activities {

    private Activities() {
    }

    /** The sender's Entra object id, or null when Teams did not say (then nothing is done for them). */
    static String senderOf(Activity activity) {
        String id = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        return id == null || id.isBlank() ? null : id;
    }

    /** Action.Submit sends the button's data as the message's value, with no text. */
    static boolean isCardAction(Activity activity) {
        return (activity.getText() == null || activity.getText().isBlank()) && activity.getValue() instanceof Map<?, ?> value
                && CardActions.SYNC_ACTION.equals(value.get(CardActions.ACTION_KEY));
    }

    /** What was typed, or what a command button (choice and suggestion cards) sends as if typed. */
    static String commandTextOf(Activity activity) {
        if ((activity.getText() == null || activity.getText().isBlank()) && activity.getValue() instanceof Map<?, ?> value
                && CardActions.COMMAND_ACTION.equals(value.get(CardActions.ACTION_KEY)) && value.get(CardActions.COMMAND_KEY) instanceof String command) {
            return command;
        }
        return activity.getText();
    }

    /** The nudge campaign a button's data names, if it came from a nudge card. */
    static String nudgeOf(Object data) {
        return data instanceof Map<?, ?> values && values.get(CardActions.NUDGE_KEY) instanceof String campaignId ? campaignId : null;
    }

    /** The sender's own sync, keyed by the activity so that a repeated delivery is the same request; their Teams name travels with it. */
    static SyncJobRequest syncRequest(Activity activity, String subjectId, Locale language) {
        String id = activity.getId() != null ? activity.getId() : UUID.randomUUID().toString();
        String key = activity.getChannelId() + ":" + activity.getConversation().getId() + ":" + activity.getType() + ":" + id;
        String name = activity.getFrom() == null ? null : activity.getFrom().getName();
        return SyncJobRequest.own(key, new JobPerson(subjectId, null, name), language.toLanguageTag(),
                ConversationReferences.toJson(activity.getConversationReference()));
    }

    /**
     * A button's Action.Submit turns the card it was on into {@code card}; a typed command gets a
     * new one. The card's id, once Teams took it.
     */
    static CompletableFuture<String> showInPlaceOrNew(TurnContext turn, Attachment card) {
        Activity activity = turn.getActivity();
        if (activity.getReplyToId() != null && activity.getValue() instanceof Map<?, ?>) {
            return replaceCard(turn, activity.getReplyToId(), card);
        }
        return sendCard(turn, card);
    }

    /** The card {@code cardId} becomes {@code card}; its id, once Teams took the update. */
    static CompletableFuture<String> replaceCard(TurnContext turn, String cardId, Attachment card) {
        Activity update = MessageFactory.attachment(card);
        update.setId(cardId);
        return turn.updateActivity(update).thenApply(updated -> cardId);
    }

    /** A new card; its id, once Teams took it. */
    static CompletableFuture<String> sendCard(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> sent == null ? null : sent.getId());
    }

    static CompletableFuture<Void> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null);
    }
}
