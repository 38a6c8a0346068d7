package io.photosync.bot;

import static io.photosync.bot.Activities.commandTextOf;
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
import io.photosync.sync.SyncProperties;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Undo: a kept version of someone's SharePoint photo written back as a durable job, like a sync,
 * its card turning into "Putting … back" and then the result (with Undo again). One's own undo
 * ("undo my photo", the Undo button on one's card) needs no operator; a colleague's is the
 * helpdesk's ({@link Helpdesk} checks that first).
 */
final class PhotoUndo {

    /** What the Undo and Restore buttons send before the version id. */
    static final String UNDO_VERSION = "undo version ";

    private final PhotoVersions versions;
    private final SyncJobs jobs;
    private final SignInFlow signIn;
    private final Replies replies;
    private final SyncProperties.SelfMode selfMode;

    PhotoUndo(PhotoVersions versions, SyncJobs jobs, SignInFlow signIn, Replies replies, SyncProperties.SelfMode selfMode) {
        this.versions = versions;
        this.jobs = jobs;
        this.signIn = signIn;
        this.replies = replies;
        this.selfMode = selfMode;
    }

    /** Whether this kept version is of the sender themself, so that writing it back is their own undo. */
    boolean ofSender(TurnContext turn, String versionId) {
        String sender = senderOf(turn.getActivity());
        return sender != null && versions.find(versionId).map(KeptPhoto::subjectId).filter(sender::equalsIgnoreCase).isPresent();
    }

    /** The version a colleague's undo writes back: the one named, or the last kept. */
    Optional<KeptPhoto> versionOf(String subjectId, String versionId) {
        return versionId == null ? versions.latest(subjectId) : versions.find(versionId).filter(kept -> kept.subjectId().equalsIgnoreCase(subjectId));
    }

    /** "undo my photo" (the last kept version) or one's own Undo / Restore button ({@code versionId}). */
    CompletableFuture<Void> own(TurnContext turn, Locale language, String versionId) {
        String sender = senderOf(turn.getActivity());
        if (sender == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        Optional<KeptPhoto> version = versionOf(sender, versionId);
        if (version.isEmpty()) {
            return send(turn, replies.sync().nothingToUndo(language, null));
        }
        SyncJobRequest request = Activities.syncRequest(turn.getActivity(), sender, language).restoring(version.get().id());
        if (selfMode.needsSignIn() && !signIn.signedIn(sender)) {
            return signIn.askFor(turn, language, request, commandTextOf(turn.getActivity()));
        }
        return start(turn, request, replies.sync().restoring(language, null));
    }

    /** An operator writes back a colleague's version; who may, and on whom, is checked before. */
    CompletableFuture<Void> colleague(TurnContext turn, Helpdesk.Ask ask, JobPerson operator, DirectoryUser person, String versionId) {
        Optional<KeptPhoto> version = versionOf(person.objectId(), versionId);
        if (version.isEmpty()) {
            return send(turn, replies.sync().nothingToUndo(ask.language(), person.displayName()));
        }
        JobPerson subject = new JobPerson(person.objectId(), person.userPrincipalName(), person.displayName());
        SyncJobRequest request = SyncJobRequest.onBehalf(ask.requestKey(), subject, operator, ask.language().toLanguageTag(),
                ask.conversationJson()).restoring(version.get().id());
        return start(turn, request, replies.sync().restoring(ask.language(), person.displayName()));
    }

    private CompletableFuture<Void> start(TurnContext turn, SyncJobRequest request, Attachment card) {
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        return jobs.startWhenShown(accepted.get().id(), showInPlaceOrNew(turn, card));
    }
}
