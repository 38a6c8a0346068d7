package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import io.photosync.audit.AuditLog;
import io.photosync.doctor.PhotoDoctor;
import io.photosync.doctor.PhotoInspection;
import io.photosync.helpdesk.HelpdeskProperties;
import io.photosync.helpdesk.Operators;
import io.photosync.history.NewPhotoProperties;
import io.photosync.http.Sleeper;
import io.photosync.i18n.Messages;
import io.photosync.identity.TokenProvider;
import io.photosync.jobs.DurableTask;
import io.photosync.jobs.DurableTasks;
import io.photosync.jobs.Recurring;
import io.photosync.jobs.SyncJobs;
import io.photosync.nudge.Nudges;
import io.photosync.preflight.PreflightChecks;
import io.photosync.scan.Scans;
import io.photosync.sync.Directory;
import io.photosync.sync.GroupDirectory;
import io.photosync.sync.NewPhotos;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.PhotoVersions;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.SyncProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What answers a turn, and what tells people later how their request went. */
@Configuration(proxyBeanMethods = false)
class TurnConfiguration {

    @Bean
    Replies replies(Messages messages) {
        return new Replies(new Notices(messages), new SyncCards(messages), new HelpdeskCards(messages), new DoctorCards(messages),
                new RunCards(messages), new NudgeCards(messages), new NewPhotoCards(messages));
    }

    /** The Bot Connector's own retries for proactive sends and card updates (429s and 5xx), five in all. */
    @Bean
    ConnectorRetry connectorRetry() {
        return new ConnectorRetry(5, Duration.ofSeconds(1), Duration.ofMinutes(1), Sleeper.THREAD);
    }

    @Bean
    PhotoSyncBot photoSyncBot(Replies replies, SyncJobs jobs, Nudges nudges, ConversationReferences conversations, Directory directory,
                              GroupDirectory groups, PeopleSearch people, AuditLog audit, PhotoDoctor doctor, Operators operators,
                              SignInFlow signIn, SyncProperties sync, PreflightChecks preflight, Scans scans, PhotoVersions versions,
                              NewPhotoFlow newPhoto) {
        PhotoUndo undo = new PhotoUndo(versions, jobs, replies);
        SelfService self = new SelfService(jobs, nudges, signIn, doctor, audit, replies, sync.selfMode(), operators, undo, newPhoto);
        PeopleResolver resolver = new PeopleResolver(people, directory, replies.helpdesk(), replies.notices());
        OperatorNudges operatorNudges = new OperatorNudges(nudges, resolver, groups, replies, operators, audit, scans);
        Helpdesk helpdesk = new Helpdesk(operators, resolver, jobs, audit, doctor, preflight, scans, replies, undo, versions, newPhoto);
        return new PhotoSyncBot(self, new OperatorTurns(helpdesk, operatorNudges, replies.notices()), signIn, conversations, replies);
    }

    /** Pictures people send: fetched no further than the renderer would read, with the bot's token only to the Bot Connector. */
    @Bean
    NewPhotoFlow newPhotoFlow(OkHttpClient http, TokenProvider tokens, BotProperties bot, PhotoSyncService photos, NewPhotos waiting,
                              PhotoInspection policy, SyncJobs jobs, SignInFlow signIn, Replies replies, NewPhotoProperties newPhotos,
                              Operators operators, Directory directory, PhotoApprovalFlow approvals,
                              @Value("${photosync.sharepoint.my-site-host:}") String mySiteHost) {
        String fileHost = mySiteHost.isBlank() ? "" : URI.create(mySiteHost.strip()).getHost();
        SentImages images = new SentImages(http, tokens, !bot.anonymous(), PhotoSyncService.MAX_SOURCE_BYTES, fileHost,
                bot.connectorTokenScope());
        return new NewPhotoFlow(images, photos, waiting, policy, jobs, signIn, replies, operators, directory, newPhotos.expireAfter(),
                approvals);
    }

    /** With PHOTOSYNC_PHOTO_APPROVAL, people's new photos wait for an approver; the waiting state is in the database. */
    @Bean
    PhotoApprovalFlow photoApprovalFlow(DataSource dataSource, NewPhotos waiting, NewPhotoProperties newPhotos, GroupDirectory groups,
                                        Directory directory, ConversationReferences conversations, ProactiveCards proactive, SyncJobs jobs,
                                        AuditLog audit, Messages messages) {
        return new PhotoApprovalFlow(new PhotoApprovals(JdbcClient.create(dataSource), Clock.systemUTC()), waiting, newPhotos.approverGroups(),
                newPhotos.approvalExpireAfter(), groups, directory, conversations, proactive,
                jobs, audit, new ApprovalCards(messages), Clock.systemUTC());
    }

    /** New photos Microsoft 365 does not show yet are followed until it does. */
    @Bean
    PropagationWatch propagationWatch(DataSource dataSource, PhotoSource photos, Directory directory, ProfilePhotoStore profiles,
                                      @Qualifier("propagationWatchTask") ObjectProvider<DurableTask> task, ProactiveCards proactive,
                                      Replies replies, AuditLog audit, NewPhotoProperties newPhotos) {
        return new PropagationWatch(new PropagationWatches(JdbcClient.create(dataSource)), photos, directory, profiles, task::getObject,
                proactive, replies.newPhotos(), audit, newPhotos.propagationFirstCheck(),
                newPhotos.propagationWatchFor(), Clock.systemUTC());
    }

    @Bean
    DurableTask propagationWatchTask(DurableTasks tasks, ObjectProvider<PropagationWatch> watch) {
        return tasks.oneTime("propagation-watch", id -> watch.getObject().check(id));
    }

    /** Photos nobody approved in time go, and the person and the approvers are told: checked a quarter as often as they wait, at most every 15 minutes. */
    @Bean
    Recurring photoApprovalExpiry(PhotoApprovalFlow approvals, NewPhotoProperties newPhotos) {
        return Recurring.sweeping("photo-approval-expiry", newPhotos.approvalExpireAfter(), Duration.ofSeconds(1), Duration.ofMinutes(15),
                approvals::expire);
    }

    /** Cards sent and updated outside a turn: job results, notices, approvals, photos on their way. */
    @Bean
    ProactiveCards proactiveCards(BotFrameworkAdapter adapter, BotProperties bot, ConnectorRetry retry) {
        return new ProactiveCards(adapter, bot.appId(), retry);
    }

    /** Right after the audit among a job's listeners: the job's card shows its result before a watch sends its own card (whose first check may follow at once). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SyncJobReplies syncJobReplies(ProactiveCards proactive, Replies replies, Directory directory, ConversationReferences conversations,
                                  HelpdeskProperties helpdesk) {
        return new SyncJobReplies(proactive, replies.sync(), directory, conversations, helpdesk.notifyColleague());
    }

    @Bean
    RunReplies runReplies(BotFrameworkAdapter adapter, BotProperties bot, Replies replies, ConnectorRetry retry) {
        return new RunReplies(adapter, bot.appId(), replies.runs(), retry, bot.publicUrl(), Clock.systemUTC());
    }

    @Bean
    TeamsProactiveChannel teamsProactiveChannel(BotFrameworkAdapter adapter, BotProperties bot, ConversationReferences conversations, Replies replies) {
        return new TeamsProactiveChannel(adapter, bot.appId(), conversations, replies.nudges());
    }
}
