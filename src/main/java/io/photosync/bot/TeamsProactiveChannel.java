package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import io.photosync.nudge.NudgeCampaign;
import io.photosync.nudge.ProactiveChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Sends nudge cards into people's 1:1 chats with the bot, and says how Teams answered. */
final class TeamsProactiveChannel implements ProactiveChannel {

    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final ConversationReferences conversations;
    private final NudgeCards cards;

    TeamsProactiveChannel(BotFrameworkAdapter adapter, String botAppId, ConversationReferences conversations, NudgeCards cards) {
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.conversations = conversations;
        this.cards = cards;
    }

    @Override
    public Delivery deliver(NudgeCampaign campaign, String recipientId) {
        Optional<ConversationReference> reference = conversations.find(recipientId);
        if (reference.isEmpty()) {
            return new Delivery.NoConversation();
        }
        AtomicReference<ResourceResponse> sent = new AtomicReference<>();
        try {
            adapter.continueConversation(botAppId, reference.get(), turn -> turn
                    .sendActivity(MessageFactory.attachment(cards.nudge(Locale.forLanguageTag(campaign.language()), campaign.id())))
                    .thenAccept(sent::set)).join();
            return new Delivery.Sent(sent.get() == null ? null : sent.get().getId(), reference.get().getConversation().getId());
        } catch (RuntimeException e) {
            return refusalOf(e);
        }
    }

    private static Delivery refusalOf(RuntimeException error) {
        return ConnectorRetry.refusal(error).<Delivery>map(refused -> ConnectorRetry.isTransient(refused)
                        ? new Delivery.Refused(refused.response().code(), ConnectorRetry.retryAfter(refused).orElse(null))
                        : new Delivery.Failed("Teams answered " + refused.response().code()))
                .orElseGet(() -> new Delivery.Failed(error.getClass().getSimpleName() + ": " + error.getMessage()));
    }
}
