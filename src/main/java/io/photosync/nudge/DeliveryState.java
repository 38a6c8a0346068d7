package io.photosync.nudge;

/** Where one nudge delivery is ({@code nudge_delivery.state}). */
public enum DeliveryState {
    /** Queued, not sent yet. */
    PENDING,
    /** Teams took it. */
    SENT,
    /** Teams refused it for good, or kept refusing. */
    FAILED,
    /** The person never talked to the bot, so there is no conversation to send to. */
    NO_REFERENCE
}
