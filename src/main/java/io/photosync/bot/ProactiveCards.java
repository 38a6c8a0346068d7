package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cards sent and updated outside a turn, in a chat the bot remembers, through the Bot Connector with
 * its retries: a job's result, a colleague's notice, an approver's card, a watched photo's card. A
 * card that can no longer be updated (deleted, too old) is sent anew; one that cannot be sent at
 * all is logged, not thrown: the work it reports on goes on.
 */
final class ProactiveCards {

    private static final Logger log = LoggerFactory.getLogger(ProactiveCards.class);

    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final ConnectorRetry retry;

    ProactiveCards(BotFrameworkAdapter adapter, String botAppId, ConnectorRetry retry) {
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.retry = retry;
    }

    /** A new card in that chat; its id, or null when Teams did not take it. */
    String send(ConversationReference chat, Attachment card, String what) {
        AtomicReference<String> id = new AtomicReference<>();
        try {
            retry.run(what, () -> adapter.continueConversation(botAppId, chat, turn -> turn.sendActivity(MessageFactory.attachment(card))
                    .thenApply(sent -> {
                        id.set(sent == null ? null : sent.getId());
                        return null;
                    })).join());
        } catch (RuntimeException e) {
            log.warn("could not send {}: {}", what, e.getMessage());
        }
        return id.get();
    }

    String send(String chatJson, Attachment card, String what) {
        return send(ConversationReferences.fromJson(chatJson), card, what);
    }

    /** That card becomes {@code card}; a new one when there is no card id, or when Teams refuses the update for good. */
    void update(String chatJson, String cardId, Attachment card, String what) {
        try {
            retry.run(what, () -> adapter.continueConversation(botAppId, ConversationReferences.fromJson(chatJson), turn -> {
                if (cardId == null) {
                    return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null);
                }
                Activity update = MessageFactory.attachment(card);
                update.setId(cardId);
                return turn.updateActivity(update)
                        .exceptionallyCompose(e -> {
                            if (ConnectorRetry.isTransient(e)) {
                                return CompletableFuture.failedFuture(e);
                            }
                            log.warn("could not update {} in place ({}); sending a new one", what, e.getMessage());
                            return turn.sendActivity(MessageFactory.attachment(card));
                        })
                        .thenApply(sent -> null);
            }).join());
        } catch (RuntimeException e) {
            log.warn("could not update {}: {}", what, e.getMessage());
        }
    }
}
