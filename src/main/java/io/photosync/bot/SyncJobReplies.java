package io.photosync.bot;

import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobListener;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncOutcome;
import java.time.Instant;
import java.util.Locale;

/**
 * Tells the requester how their job went: updates the job's card in place, or sends a new one.
 * A helpdesk sync is told about the colleague by name, and the colleague, if they have a chat
 * with the bot, hears that the helpdesk synced their photo.
 */
final class SyncJobReplies implements SyncJobListener {

    private final ProactiveCards proactive;
    private final SyncCards cards;
    private final Directory directory;
    private final ConversationReferences conversations;
    private final boolean notifyColleague;

    SyncJobReplies(ProactiveCards proactive, SyncCards cards, Directory directory, ConversationReferences conversations, boolean notifyColleague) {
        this.proactive = proactive;
        this.cards = cards;
        this.directory = directory;
        this.conversations = conversations;
        this.notifyColleague = notifyColleague;
    }

    @Override
    public void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt) {
        show(job, cards.queued(Locale.forLanguageTag(job.language()), outcome, nextAttempt));
    }

    @Override
    public void syncEnded(SyncJob job, SyncOutcome outcome) {
        Locale language = Locale.forLanguageTag(job.language());
        if (job.own()) {
            show(job, cards.result(language, outcome));
            return;
        }
        show(job, cards.colleagueResult(language, outcome, nameOf(job.subject())));
        if (notifyColleague && outcome instanceof SyncOutcome.Synced synced) {
            conversations.find(job.subjectId()).ifPresent(chat -> tell(job, chat, cards.syncedByHelpdesk(language, nameOf(job.requester()), synced)));
        }
        if (outcome instanceof SyncOutcome.PullRequested pull) {
            // Only the person's own browser makes SharePoint pull: they get the link whatever the notice setting.
            conversations.find(job.subjectId()).ifPresent(chat -> tell(job, chat, cards.pullForColleague(language, nameOf(job.requester()), pull)));
        }
    }

    /** The name the request carried; the directory is asked only when it carried none. */
    private String nameOf(JobPerson person) {
        if (person.displayName() != null) {
            return person.displayName();
        }
        try {
            return directory.findUser(person.objectId()).map(DirectoryUser::displayName).orElse(person.objectId());
        } catch (RemoteServiceException e) {
            return person.objectId();
        }
    }

    private void tell(SyncJob job, ConversationReference chat, Attachment card) {
        proactive.send(chat, card, "the colleague's notice of job " + job.id());
    }

    private void show(SyncJob job, Attachment card) {
        if (job.conversationJson() != null) {
            proactive.update(job.conversationJson(), job.cardActivityId(), card, "the card of job " + job.id());
        }
    }
}
