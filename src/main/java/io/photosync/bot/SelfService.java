package io.photosync.bot;

import static io.photosync.bot.Activities.commandTextOf;
import static io.photosync.bot.Activities.isCardAction;
import static io.photosync.bot.Activities.nudgeOf;
import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;
import static io.photosync.bot.Activities.showInPlaceOrNew;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.doctor.Diagnosis;
import io.photosync.doctor.PhotoDoctor;
import io.photosync.helpdesk.Operators;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.nudge.Nudges;
import io.photosync.sync.KeptPhoto;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncProperties;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What anyone may ask about themself: "sync my photo" (typed, or a card's button) becomes a
 * durable job answered at once with a "Syncing…" card that the job's end replaces; "why is my
 * photo not showing?" asks the doctor; a picture sent to the bot is offered as the new photo
 * ({@link NewPhotoFlow}); anything else gets help.
 */
final class SelfService {

    private final SyncJobs jobs;
    private final Nudges nudges;
    private final SignInFlow signIn;
    private final PhotoDoctor doctor;
    private final AuditLog audit;
    private final Replies replies;
    private final SyncProperties.SelfMode selfMode;
    private final Operators operators;
    private final PhotoUndo undo;
    private final NewPhotoFlow newPhoto;

    SelfService(SyncJobs jobs, Nudges nudges, SignInFlow signIn, PhotoDoctor doctor, AuditLog audit, Replies replies,
                SyncProperties.SelfMode selfMode, Operators operators, PhotoUndo undo, NewPhotoFlow newPhoto) {
        this.operators = operators;
        this.undo = undo;
        this.newPhoto = newPhoto;
        this.jobs = jobs;
        this.nudges = nudges;
        this.signIn = signIn;
        this.doctor = doctor;
        this.audit = audit;
        this.replies = replies;
        this.selfMode = selfMode;
    }

    CompletableFuture<Void> answer(TurnContext turn, BotCommand.ForOneself command, Locale language) {
        return command.answeredBy(new BotCommand.OwnRequests<>() {
            @Override
            public CompletableFuture<Void> syncMyPhoto() {
                return syncSender(turn, language);
            }

            @Override
            public CompletableFuture<Void> whyIsMyPhotoNotShowing() {
                return examineSender(turn, language);
            }

            @Override
            public CompletableFuture<Void> undoMyPhoto() {
                return undo(turn, language, undo.lastOfSender(turn));
            }

            @Override
            public CompletableFuture<Void> changeMyPhoto() {
                return newPhoto.prompt(turn, language);
            }

            @Override
            public CompletableFuture<Void> useNewPhoto(String photoId) {
                return newPhoto.use(turn, language, photoId);
            }

            @Override
            public CompletableFuture<Void> cancelNewPhoto(String photoId) {
                return newPhoto.cancel(turn, language, photoId);
            }

            @Override
            public CompletableFuture<Void> approveNewPhoto(String photoId) {
                return newPhoto.approvals().approve(turn, language, photoId);
            }

            @Override
            public CompletableFuture<Void> rejectNewPhoto(String photoId) {
                return newPhoto.approvals().reject(turn, language, photoId);
            }

            @Override
            public CompletableFuture<Void> help(String notUnderstood) {
                return send(turn, replies.notices().help(language, notUnderstood, operator(senderOf(turn.getActivity()))));
            }
        });
    }

    /** A message with a picture: offered as the sender's new photo. */
    CompletableFuture<Void> offerNewPhoto(TurnContext turn, Locale language, SentImages.SentImage image) {
        return newPhoto.offer(turn, language, image);
    }

    /** Whether help lists the helpdesk's commands too: for a signed-in operator, and not when the directory cannot say. */
    private boolean operator(String subjectId) {
        try {
            return operators.operator(subjectId).isPresent();
        } catch (RemoteServiceException e) {
            return false;
        }
    }

    /** An Undo or Restore button's version, when it is the sender's own photo: then it is their own undo, no operator needed. */
    Optional<KeptPhoto> ownVersion(TurnContext turn, String versionId) {
        return undo.ofSender(turn, versionId);
    }

    /**
     * The sender's own undo ("undo my photo", or their Undo / Restore button): the kept version
     * written back as a job, after Teams SSO when their writes are delegated.
     */
    CompletableFuture<Void> undo(TurnContext turn, Locale language, Optional<KeptPhoto> version) {
        Activity activity = turn.getActivity();
        String subjectId = senderOf(activity);
        if (subjectId == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        if (version.isEmpty()) {
            return send(turn, replies.sync().nothingToUndo(language, null));
        }
        SyncJobRequest request = Activities.syncRequest(activity, subjectId, language).restoring(version.get().id());
        if (mustSignIn(subjectId)) {
            return signIn.askFor(turn, language, request, commandTextOf(activity));
        }
        return undo.start(turn, request, replies.sync().restoring(language, null));
    }

    /** Whether this person's own sync has to wait for Teams SSO first. */
    boolean mustSignIn(String subjectId) {
        return selfMode.needsSignIn() && !signIn.signedIn(subjectId);
    }

    /** Accepts a sync a card's button asked for; its card is the one the button was on. */
    void acceptFromCard(SyncJobRequest request, String nudgeId, String cardId) {
        jobs.accept(request).ifPresent(job -> {
            recordNudgeTap(nudgeId, request.subjectId(), job.id());
            jobs.start(job.id(), cardId);
        });
    }

    /** The sender of a parked sync is signed in now: it becomes a job, its card "Syncing…". */
    CompletableFuture<Void> resume(TurnContext turn, SignIns.Pending pending) {
        Optional<SyncJob> accepted = jobs.accept(pending.toJobRequest());
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String jobId = accepted.get().id();
        recordNudgeTap(pending.nudgeId(), pending.subjectId(), jobId);
        Locale language = Locale.forLanguageTag(pending.language());
        if (pending.cardId() == null) {
            return jobs.startWhenShown(jobId, () -> Activities.sendCard(turn, replies.sync().syncing(language)));
        }
        return jobs.startWhenShown(jobId, () -> Activities.replaceCard(turn, pending.cardId(), replies.sync().syncing(language))
                .handle((updated, error) -> pending.cardId()));
    }

    private CompletableFuture<Void> syncSender(TurnContext turn, Locale language) {
        Activity activity = turn.getActivity();
        String subjectId = senderOf(activity);
        if (subjectId == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        SyncJobRequest request = Activities.syncRequest(activity, subjectId, language);
        if (mustSignIn(subjectId)) {
            String tappedCard = isCardAction(activity) ? activity.getReplyToId() : null;
            return signIn.ask(turn, language, request, tappedCard, nudgeOf(activity.getValue()));
        }
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        String jobId = accepted.get().id();
        recordNudgeTap(nudgeOf(activity.getValue()), subjectId, jobId);
        return jobs.startWhenShown(jobId, () -> showInPlaceOrNew(turn, replies.sync().syncing(language)));
    }

    /** "Why is my photo not showing?": the photo doctor about the sender; reading needs no sign-in. */
    private CompletableFuture<Void> examineSender(TurnContext turn, Locale language) {
        String subjectId = senderOf(turn.getActivity());
        if (subjectId == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        try {
            Diagnosis diagnosis = doctor.examine(subjectId);
            String upn = diagnosis.user() == null ? null : diagnosis.user().userPrincipalName();
            String name = diagnosis.user() == null ? subjectId : diagnosis.user().displayName();
            AuditEvent.Person self = new AuditEvent.Person(subjectId, upn);
            audit.record(AuditEvent.of(AuditAction.DOCTOR, self, self, diagnosis.healthy() ? "healthy" : "problems")
                    .because(Helpdesk.summary(diagnosis)).correlatedWith(turn.getActivity().getId()));
            return send(turn, replies.doctor().diagnosis(language, diagnosis, name, null));
        } catch (RemoteServiceException e) {
            return send(turn, replies.notices().about(language, "card.directory-unavailable", e.getMessage()));
        }
    }

    /** A sync that came from a nudge card's button is counted as that nudge's tap. */
    private void recordNudgeTap(String campaignId, String subjectId, String jobId) {
        if (campaignId != null) {
            nudges.tapped(campaignId, subjectId, jobId);
        }
    }
}
