package io.photosync.bot;

import static io.photosync.bot.Activities.commandTextOf;
import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;
import static io.photosync.bot.Activities.showInPlaceOrNew;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.photosync.doctor.PhotoInspection;
import io.photosync.helpdesk.Operators;
import io.photosync.identity.SignedInPerson;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
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
import java.util.function.Function;

/**
 * "Use this as my photo": a picture someone sends the bot is fetched (bounded), checked and made
 * square, checked against the tenant's photo policy, kept, and shown back on a preview card.
 * "Use it" makes it a durable job that sets it in Microsoft 365 with the person's own rights and
 * then in SharePoint, the card turning into the result; "Cancel" deletes it. Nothing is written
 * before "Use it". An operator's "set photo for <who>" with a picture goes the same way for the
 * colleague, written with PhotoSync's application permission.
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
    private final Operators operators;
    private final Directory directory;
    private final Duration keptFor;
    private final PhotoApprovalFlow approvals;

    NewPhotoFlow(SentImages images, PhotoSyncService photos, NewPhotos waiting, PhotoInspection policy, SyncJobs jobs, SignInFlow signIn,
                 Replies replies, Operators operators, Directory directory, Duration keptFor, PhotoApprovalFlow approvals) {
        this.approvals = approvals;
        this.images = images;
        this.photos = photos;
        this.waiting = waiting;
        this.policy = policy;
        this.jobs = jobs;
        this.signIn = signIn;
        this.replies = replies;
        this.cards = replies.newPhotos();
        this.operators = operators;
        this.directory = directory;
        this.keptFor = keptFor;
    }

    static String useCommand(Locale language, String photoId) {
        return CardActions.inLanguage(language, USE, USE_NB, photoId);
    }

    static String cancelCommand(Locale language, String photoId) {
        return CardActions.inLanguage(language, CANCEL, CANCEL_NB, photoId);
    }

    /** A message with a picture: its preview as the sender's new photo, or why it cannot be used. */
    CompletableFuture<Void> offer(TurnContext turn, Locale language, SentImages.SentImage image) {
        String sender = senderOf(turn.getActivity());
        if (sender == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        return prepared(language, image, true).map(refusal -> send(turn, refusal), prepared -> {
            NewPhoto kept = waiting.keep(sender, sender, prepared);
            return send(turn, cards.preview(language, kept, prepared.side(), keptFor, null));
        });
    }

    /**
     * "set photo for <who>" with a picture, from an operator who may change this colleague (checked
     * before): the preview for the operator. Without a picture on the message, how to send one.
     */
    CompletableFuture<Void> offerFor(TurnContext turn, Helpdesk.Ask ask, DirectoryUser colleague) {
        Optional<SentImages.SentImage> image = SentImages.of(turn.getActivity());
        if (image.isEmpty()) {
            return send(turn, cards.attachFor(ask.language(), colleague.displayName()));
        }
        return prepared(ask.language(), image.get(), false).map(refusal -> send(turn, refusal), prepared -> {
            NewPhoto kept = waiting.keep(colleague.objectId(), ask.requesterId(), prepared);
            return send(turn, cards.preview(ask.language(), kept, prepared.side(), keptFor, colleague.displayName()));
        });
    }

    /** The picture fetched and made square, or the card that says why it cannot be used. */
    private Prepared prepared(Locale language, SentImages.SentImage image, boolean own) {
        SentImages.Fetched fetched = images.fetch(image);
        if (fetched instanceof SentImages.Fetched.TooLarge) {
            return Prepared.refused(cards.refused(language, PhotoRejected.Reason.TOO_MANY_BYTES));
        }
        if (fetched instanceof SentImages.Fetched.Unavailable unavailable) {
            return Prepared.refused(cards.unavailable(language, unavailable.why()));
        }
        PreparedPhoto prepared;
        try {
            prepared = photos.prepare(((SentImages.Fetched.Bytes) fetched).bytes());
        } catch (PhotoRejected e) {
            return Prepared.refused(cards.refused(language, e.reason()));
        }
        Optional<String> forbidden = forbiddenByPolicy(own);
        return forbidden.isPresent() ? Prepared.refused(cards.forbidden(language, forbidden.get())) : new Prepared(null, prepared);
    }

    /** A prepared photo, or the refusal to send instead. */
    private record Prepared(Attachment refusal, PreparedPhoto photo) {
        static Prepared refused(Attachment card) {
            return new Prepared(card, null);
        }

        CompletableFuture<Void> map(Function<Attachment, CompletableFuture<Void>> refused, Function<PreparedPhoto, CompletableFuture<Void>> ready) {
            return refusal != null ? refused.apply(refusal) : ready.apply(photo);
        }
    }

    /**
     * What the tenant's {@code photoUpdateSettings} rules out: photos mastered on-premises, for
     * anyone; changes limited to some admin roles, for a person's own change (an operator's goes
     * with PhotoSync's application permission). A policy PhotoSync cannot read rules nothing out
     * here; Microsoft 365 still refuses what it does not allow, and the result card says so.
     */
    private Optional<String> forbiddenByPolicy(boolean own) {
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
            if (own && !photoPolicy.allowedRoles().isEmpty()) {
                return Optional.of("roles");
            }
        }
        return Optional.empty();
    }

    /**
     * "Use it": the sender's own photo becomes a job after Teams SSO (Microsoft 365 is written with
     * their own rights); one an operator sent for a colleague becomes the operator's job, written
     * app-only, while they are still an operator. Anyone else's, or an expired one, is gone.
     */
    CompletableFuture<Void> use(TurnContext turn, Locale language, String photoId) {
        Activity activity = turn.getActivity();
        String sender = senderOf(activity);
        Optional<NewPhoto> photo = waiting.find(photoId).filter(sent -> sender != null && sent.requesterId().equalsIgnoreCase(sender));
        if (photo.isEmpty()) {
            return showInPlaceOrNew(turn, cards.gone(language, keptFor)).thenApply(shown -> null);
        }
        boolean itsOwn = photo.get().subjectId().equalsIgnoreCase(sender);
        if (itsOwn && approvals.on()) {
            return approvals.request(turn, language, photo.get());
        }
        SyncJobRequest own = Activities.syncRequest(activity, sender, language);
        if (!signIn.signedIn(sender)) {
            return signIn.askFor(turn, language, own.changing(photoId), commandTextOf(activity));
        }
        if (itsOwn) {
            return start(turn, own.changing(photoId), cards.changing(language, null));
        }
        Optional<SignedInPerson> operator = operators.operator(sender);
        Optional<DirectoryUser> colleague = operator.isEmpty() ? Optional.empty() : directory.findUser(photo.get().subjectId());
        if (colleague.isEmpty()) {
            return send(turn, replies.notices().notice(language, "card.not-operator"));
        }
        JobPerson subject = new JobPerson(colleague.get().objectId(), colleague.get().userPrincipalName(), colleague.get().displayName());
        JobPerson requester = new JobPerson(sender, operator.get().userPrincipalName(), activity.getFrom().getName());
        SyncJobRequest request = SyncJobRequest.onBehalf(own.requestKey(), subject, requester, language.toLanguageTag(), own.conversationJson());
        return start(turn, request.changing(photoId), cards.changing(language, colleague.get().displayName()));
    }

    private CompletableFuture<Void> start(TurnContext turn, SyncJobRequest request, Attachment card) {
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        return jobs.startWhenShown(accepted.get().id(), () -> showInPlaceOrNew(turn, card));
    }

    /** "Cancel": the photo and its bytes are deleted; the preview says so. Only whoever sent it can. */
    CompletableFuture<Void> cancel(TurnContext turn, Locale language, String photoId) {
        String sender = senderOf(turn.getActivity());
        waiting.find(photoId).filter(photo -> sender != null && photo.requesterId().equalsIgnoreCase(sender))
                .ifPresent(photo -> waiting.discard(photo.id()));
        return showInPlaceOrNew(turn, cards.cancelled(language)).thenApply(shown -> null);
    }

    /** Approval of people's new photos, when the tenant asks for it. */
    PhotoApprovalFlow approvals() {
        return approvals;
    }

    /** "Change my photo": how to send one. */
    CompletableFuture<Void> prompt(TurnContext turn, Locale language) {
        return send(turn, cards.prompt(language));
    }

}
