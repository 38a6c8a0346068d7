package io.photosync.bot;

import static io.photosync.bot.Activities.commandTextOf;
import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;
import static io.photosync.bot.Activities.showInPlaceOrNew;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.photosync.doctor.PhotoInspection;
import io.photosync.i18n.Messages;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.NewPhoto;
import io.photosync.sync.NewPhotos;
import io.photosync.sync.PhotoRejected;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.PreparedPhoto;
import io.photosync.sync.RemoteServiceException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * "Use this as my photo": a picture someone sends the bot is fetched (bounded), checked and made
 * square, checked against the tenant's photo policy, kept, and shown back on a preview card.
 * "Use it" makes it a durable job that sets it in Microsoft 365 with the person's own rights and
 * then in SharePoint, the card turning into the result; "Cancel" deletes it. Nothing is written
 * before "Use it".
 */
final class NewPhotoFlow {

    /** What the preview's buttons send before the photo id, in English and in Norwegian. */
    static final String USE = "use new photo ";
    static final String USE_NB = "bruk nytt bilde ";
    static final String CANCEL = "cancel new photo ";
    static final String CANCEL_NB = "avbryt nytt bilde ";

    private final SentImages images;
    private final PhotoSyncService photos;
    private final NewPhotos waiting;
    private final PhotoInspection policy;
    private final SyncJobs jobs;
    private final SignInFlow signIn;
    private final Replies replies;
    private final NewPhotoCards cards;
    private final Duration keptFor;

    NewPhotoFlow(SentImages images, PhotoSyncService photos, NewPhotos waiting, PhotoInspection policy, SyncJobs jobs, SignInFlow signIn,
                 Replies replies, NewPhotoCards cards, Duration keptFor) {
        this.images = images;
        this.photos = photos;
        this.waiting = waiting;
        this.policy = policy;
        this.jobs = jobs;
        this.signIn = signIn;
        this.replies = replies;
        this.cards = cards;
        this.keptFor = keptFor;
    }

    static String useCommand(Locale language, String photoId) {
        return (norwegian(language) ? USE_NB : USE) + photoId;
    }

    static String cancelCommand(Locale language, String photoId) {
        return (norwegian(language) ? CANCEL_NB : CANCEL) + photoId;
    }

    /** A message with a picture: its preview, or why it cannot be used. */
    CompletableFuture<Void> offer(TurnContext turn, Locale language, SentImages.SentImage image) {
        String sender = senderOf(turn.getActivity());
        if (sender == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        SentImages.Fetched fetched = images.fetch(image);
        if (fetched instanceof SentImages.Fetched.TooLarge) {
            return send(turn, cards.refused(language, PhotoRejected.Reason.TOO_MANY_BYTES));
        }
        if (fetched instanceof SentImages.Fetched.Unavailable unavailable) {
            return send(turn, cards.unavailable(language, unavailable.why()));
        }
        PreparedPhoto prepared;
        try {
            prepared = photos.prepare(((SentImages.Fetched.Bytes) fetched).bytes());
        } catch (PhotoRejected e) {
            return send(turn, cards.refused(language, e.reason()));
        }
        Optional<String> forbidden = forbiddenByPolicy();
        if (forbidden.isPresent()) {
            return send(turn, cards.forbidden(language, forbidden.get()));
        }
        NewPhoto kept = waiting.keep(sender, sender, prepared);
        return send(turn, cards.preview(language, kept, prepared.side(), keptFor));
    }

    /**
     * What the tenant's {@code photoUpdateSettings} rules out for a person's own change: photos
     * mastered on-premises, or changes limited to some admin roles. A policy PhotoSync cannot read
     * rules nothing out here; Microsoft 365 still refuses what it does not allow, and says so.
     */
    private Optional<String> forbiddenByPolicy() {
        PhotoInspection.PolicyReading reading;
        try {
            reading = policy.photoPolicy();
        } catch (RemoteServiceException e) {
            return Optional.empty();
        }
        if (reading instanceof PhotoInspection.PhotoPolicy photoPolicy) {
            if ("onPremises".equalsIgnoreCase(photoPolicy.source())) {
                return Optional.of("on-premises");
            }
            if (!photoPolicy.allowedRoles().isEmpty()) {
                return Optional.of("roles");
            }
        }
        return Optional.empty();
    }

    /** "Use it": the photo becomes a job, after Teams SSO (Microsoft 365 is written with the person's own rights). */
    CompletableFuture<Void> use(TurnContext turn, Locale language, String photoId) {
        Activity activity = turn.getActivity();
        String sender = senderOf(activity);
        if (sender == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        if (waiting.find(photoId).filter(photo -> photo.subjectId().equalsIgnoreCase(sender)).isEmpty()) {
            return showInPlaceOrNew(turn, cards.gone(language, keptFor)).thenApply(shown -> null);
        }
        SyncJobRequest request = Activities.syncRequest(activity, sender, language).changing(photoId);
        if (!signIn.signedIn(sender)) {
            return signIn.askFor(turn, language, request, commandTextOf(activity));
        }
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        return jobs.startWhenShown(accepted.get().id(), showInPlaceOrNew(turn, cards.changing(language)));
    }

    /** "Cancel": the photo and its bytes are deleted; the preview says so. */
    CompletableFuture<Void> cancel(TurnContext turn, Locale language, String photoId) {
        String sender = senderOf(turn.getActivity());
        waiting.find(photoId).filter(photo -> sender != null && photo.subjectId().equalsIgnoreCase(sender))
                .ifPresent(photo -> waiting.discard(photo.id()));
        return showInPlaceOrNew(turn, cards.cancelled(language)).thenApply(shown -> null);
    }

    /** "Change my photo": how to send one. */
    CompletableFuture<Void> prompt(TurnContext turn, Locale language) {
        return send(turn, cards.prompt(language));
    }

    private static boolean norwegian(Locale language) {
        return Messages.NORWEGIAN.getLanguage().equals(language.getLanguage());
    }
}
