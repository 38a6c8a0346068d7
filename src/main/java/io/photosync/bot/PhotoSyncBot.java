package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns Teams activities into PhotoSync requests: a command (typed, or a card button) becomes a
 * help card or a sync, answered at once with a "Syncing…" card that the {@link SyncWorker}
 * later replaces with the result.
 */
final class PhotoSyncBot extends TeamsActivityHandler {

    private final CommandParser parser = new CommandParser();
    private final Cards cards;
    private final SyncWorker worker;

    PhotoSyncBot(Cards cards, SyncWorker worker) {
        this.cards = cards;
        this.worker = worker;
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        Locale language = Messages.languageOf(activity.getLocale());
        BotCommand command = commandOf(activity);
        if (command instanceof BotCommand.SyncMyPhoto) {
            return syncSender(turn, language);
        }
        String notUnderstood = command instanceof BotCommand.Unknown unknown ? unknown.text() : null;
        return send(turn, cards.help(language, notUnderstood)).thenApply(sent -> null);
    }

    /** Says hello with the help card when the bot is added to a chat. */
    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext turn) {
        String botId = turn.getActivity().getRecipient().getId();
        if (membersAdded.stream().anyMatch(member -> botId.equals(member.getId()))) {
            return send(turn, cards.help(Messages.languageOf(turn.getActivity().getLocale()), null)).thenApply(sent -> null);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> syncSender(TurnContext turn, Locale language) {
        Activity activity = turn.getActivity();
        String subjectId = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        if (subjectId == null || subjectId.isBlank()) {
            return send(turn, cards.notice(language, "card.unknown-sender")).thenApply(sent -> null);
        }
        if (!worker.claim(subjectId)) {
            return send(turn, cards.notice(language, "card.already-syncing")).thenApply(sent -> null);
        }
        return send(turn, cards.syncing(language))
                .thenAccept(sent -> {
                    SyncWorker.Ticket ticket = new SyncWorker.Ticket(subjectId, language, activity.getConversationReference(), sent.getId());
                    if (!worker.start(ticket)) {
                        turn.updateActivity(withId(cards.notice(language, "card.busy"), sent.getId())).join();
                    }
                })
                .whenComplete((done, error) -> {
                    if (error != null) {
                        worker.release(subjectId);
                    }
                });
    }

    /** A typed command, or the data of a card button (Action.Submit sends it as the activity's value). */
    private BotCommand commandOf(Activity activity) {
        if ((activity.getText() == null || activity.getText().isBlank()) && activity.getValue() instanceof Map<?, ?> value
                && Cards.SYNC_ACTION.equals(value.get(Cards.ACTION_KEY))) {
            return new BotCommand.SyncMyPhoto();
        }
        return parser.parse(activity.getText());
    }

    private static CompletableFuture<ResourceResponse> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card));
    }

    private static Activity withId(Attachment card, String id) {
        Activity activity = MessageFactory.attachment(card);
        activity.setId(id);
        return activity;
    }
}
