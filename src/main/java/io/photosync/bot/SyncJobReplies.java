package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the requester how their job went: updates the job's card in place, or sends a new one.
 * A helpdesk sync is told about the colleague by name, and the colleague, if they have a chat
 * with the bot, hears that the helpdesk synced their photo.
 */
final class SyncJobReplies implements SyncJobListener {

    private static final Logger log = LoggerFactory.getLogger(SyncJobReplies.class);

    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final SyncCards cards;
    private final ConnectorRetry retry;
    private final Directory directory;
    private final ConversationReferences conversations;
    private final boolean notifyColleague;

    SyncJobReplies(BotFrameworkAdapter adapter, String botAppId, SyncCards cards, ConnectorRetry retry, Directory directory,
             ConversationReferences conversations, boolean notifyColleague) {
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.cards = cards;
        this.retry = retry;
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
        try {
            retry.run("the colleague's notice of job " + job.id(), () -> adapter.continueConversation(botAppId, chat,
                    turn -> turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null)).join());
        } catch (RuntimeException e) {
            log.warn("could not tell {} that the helpdesk synced their photo (job {}): {}", job.subjectId(), job.id(), e.getMessage());
        }
    }

    private void show(SyncJob job, Attachment card) {
        if (job.conversationJson() == null) {
            return;
        }
        try {
            retry.run("the card of job " + job.id(), () -> adapter.continueConversation(botAppId,
                    ConversationReferences.fromJson(job.conversationJson()), turn -> {
                        if (job.cardActivityId() == null) {
                            return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null);
                        }
                        Activity update = MessageFactory.attachment(card);
                        update.setId(job.cardActivityId());
                        return turn.updateActivity(update)
                                .exceptionallyCompose(e -> {
                                    if (ConnectorRetry.isTransient(e)) {
                                        return CompletableFuture.failedFuture(e);
                                    }
                                    log.warn("could not update the card of job {} in place ({}); sending a new one", job.id(), e.getMessage());
                                    return turn.sendActivity(MessageFactory.attachment(card));
                                })
                                .thenApply(sent -> null);
                    }).join());
        } catch (RuntimeException e) {
            log.error("could not tell the requester of job {} how it went", job.id(), e);
        }
    }
}
