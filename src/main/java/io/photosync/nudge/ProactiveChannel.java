package io.photosync.nudge;

import java.time.Duration;

/** How a nudge reaches a person; the bot implements it with Teams. */
public interface ProactiveChannel {

    /** Sends the campaign's nudge card to the recipient's 1:1 conversation. */
    Delivery deliver(NudgeCampaign campaign, String recipientId);

    /** What came of one send. */
    sealed interface Delivery {
        /** Delivered; {@code activityId} is the card's id in the conversation. */
        record Sent(String activityId, String conversationId) implements Delivery {
        }

        /** The person has no conversation with the bot (never installed it, or removed it). */
        record NoConversation() implements Delivery {
        }

        /** Teams refused for now (429, 412, 502, 504); try again after {@code retryAfter} if given. */
        record Refused(int status, Duration retryAfter) implements Delivery {
        }

        /** Teams refused for good (e.g. 403: the user blocked the bot). */
        record Failed(String reason) implements Delivery {
        }
    }
}
