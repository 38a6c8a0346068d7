package io.photosync.bot;

import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;
import static io.photosync.bot.Activities.showInPlaceOrNew;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Attachment;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.KeptPhoto;
import io.photosync.sync.PhotoVersions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Undo: a kept version of someone's SharePoint photo written back as a durable job, like a sync,
 * its card turning into "Putting … back" and then the result (with Undo again). One's own undo
 * ("undo my photo", the Undo button on one's card) is {@link SelfService}'s and needs no operator;
 * a colleague's is the helpdesk's ({@link Helpdesk} checks who may first).
 */
final class PhotoUndo {

    /** What the Undo and Restore buttons send before the version id, in English and in Norwegian. */
    static final String UNDO_VERSION = "undo version ";
    static final String UNDO_VERSION_NB = "angre versjon ";

    private final PhotoVersions versions;
    private final SyncJobs jobs;
    private final Replies replies;

    PhotoUndo(PhotoVersions versions, SyncJobs jobs, Replies replies) {
        this.versions = versions;
        this.jobs = jobs;
        this.replies = replies;
    }

    /** What an Undo or Restore button sends, in the card's language so that the answer is too. */
    static String command(Locale language, String versionId) {
        return CardActions.inLanguage(language, UNDO_VERSION, UNDO_VERSION_NB, versionId);
    }

    /** The kept version, when it is of the sender themself: then writing it back is their own undo. */
    Optional<KeptPhoto> ofSender(TurnContext turn, String versionId) {
        String sender = senderOf(turn.getActivity());
        return sender == null ? Optional.empty() : versions.find(versionId).filter(kept -> kept.subjectId().equalsIgnoreCase(sender));
    }

    /** The version "undo my photo" writes back: the sender's last kept one. */
    Optional<KeptPhoto> lastOfSender(TurnContext turn) {
        String sender = senderOf(turn.getActivity());
        return sender == null ? Optional.empty() : versions.latest(sender);
    }

    /** An operator writes back a colleague's version; who may, and on whom, is checked before. */
    CompletableFuture<Void> colleague(TurnContext turn, Helpdesk.Ask ask, JobPerson operator, DirectoryUser person, Optional<KeptPhoto> version) {
        if (version.isEmpty()) {
            return send(turn, replies.sync().nothingToUndo(ask.language(), person.displayName()));
        }
        JobPerson subject = new JobPerson(person.objectId(), person.userPrincipalName(), person.displayName());
        SyncJobRequest request = SyncJobRequest.onBehalf(ask.requestKey(), subject, operator, ask.language().toLanguageTag(),
                ask.conversationJson()).restoring(version.get().id());
        return start(turn, request, replies.sync().restoring(ask.language(), person.displayName()));
    }

    /** Accepts the undo as a job and starts it once its card shows (the tapped card itself, or a new one). */
    CompletableFuture<Void> start(TurnContext turn, SyncJobRequest request, Attachment card) {
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        return jobs.startWhenShown(accepted.get().id(), () -> showInPlaceOrNew(turn, card));
    }
}
