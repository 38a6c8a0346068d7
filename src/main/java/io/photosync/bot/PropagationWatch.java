package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.jobs.DurableTask;
import io.photosync.jobs.RetryLater;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobListener;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a new photo until Microsoft 365 shows it: Graph answers the update before its photo
 * (and {@code @odata.mediaEtag}) changes everywhere, so a change whose job ended with Microsoft 365
 * still showing the previous photo gets a card of the places that should agree (Microsoft 365,
 * SharePoint) with ✔ or waiting, re-checked as a durable task, sooner first and then less often,
 * until Microsoft 365 shows it or the watch ends and the card says what to do. SharePoint was
 * written and read back by the job itself.
 */
final class PropagationWatch implements SyncJobListener {

    private static final Logger log = LoggerFactory.getLogger(PropagationWatch.class);
    private static final Duration LONGEST_GAP = Duration.ofHours(1);

    private final PropagationWatches watches;
    private final PhotoSource photos;
    private final Supplier<DurableTask> task;
    private final PhotoApprovalFlow.Proactive proactive;
    private final NewPhotoCards cards;
    private final AuditLog audit;
    private final Duration firstCheck;
    private final Duration watchFor;
    private final Clock clock;

    /** @param task the durable task that runs {@link #check}, looked up when first needed */
    PropagationWatch(PropagationWatches watches, PhotoSource photos, Supplier<DurableTask> task, PhotoApprovalFlow.Proactive proactive,
                     NewPhotoCards cards, AuditLog audit, Duration firstCheck, Duration watchFor, Clock clock) {
        this.watches = watches;
        this.photos = photos;
        this.task = task;
        this.proactive = proactive;
        this.cards = cards;
        this.audit = audit;
        this.firstCheck = firstCheck;
        this.watchFor = watchFor;
        this.clock = clock;
    }

    @Override
    public void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt) {
        // nothing to watch before the change is made
    }

    /** A new photo Microsoft 365 does not show yet: its card, and the first check queued. */
    @Override
    public void syncEnded(SyncJob job, SyncOutcome outcome) {
        if (!(outcome instanceof SyncOutcome.Synced synced) || synced.previousEtag() == null || job.conversationJson() == null) {
            return;
        }
        try {
            String name = job.subject().displayName();
            PropagationWatches.Watch watch = new PropagationWatches.Watch(job.id(), job.subjectId(), name, !job.own(),
                    Locale.forLanguageTag(job.language()), job.conversationJson(), null, synced.previousEtag(), clock.instant(),
                    clock.instant().plus(watchFor), 0);
            String cardId = send(job.conversationJson(), cards.propagating(watch.language(), colleagueOf(watch), 0));
            watches.start(new PropagationWatches.Watch(watch.id(), watch.subjectId(), name, watch.colleague(), watch.language(),
                    watch.conversationJson(), cardId, watch.previousEtag(), watch.startedAt(), watch.deadline(), 0));
            task.get().queue(job.id());
        } catch (RuntimeException e) {
            log.warn("could not start watching job {} until Microsoft 365 shows the new photo: {}", job.id(), e.getMessage());
        }
    }

    /** One check: agreed, given up, or again later (sooner first, then twice as long each time, at most hourly). */
    void check(String id) {
        Optional<PropagationWatches.Watch> found = watches.find(id);
        if (found.isEmpty()) {
            return;
        }
        PropagationWatches.Watch watch = found.get();
        Optional<String> now;
        try {
            now = photos.etagOf(watch.subjectId());
        } catch (RemoteServiceException e) {
            throw new RetryLater(clock.instant().plus(firstCheck), "Microsoft 365 did not answer: " + e.getMessage());
        }
        int checks = watches.checked(id);
        AuditEvent.Person subject = new AuditEvent.Person(watch.subjectId(), null);
        if (now.isPresent() && !now.get().isEmpty() && !now.get().equals(watch.previousEtag())) {
            Duration took = Duration.between(watch.startedAt(), clock.instant());
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, subject, subject, "propagated").withPhoto(watch.previousEtag(), now.get(), null)
                    .because("Microsoft 365 showed the new photo after " + checks + " check(s)").correlatedWith(id));
            watches.end(id);
            update(watch, cards.propagated(watch.language(), colleagueOf(watch), Math.max(1, (took.toSeconds() + 59) / 60)));
            return;
        }
        if (!clock.instant().isBefore(watch.deadline())) {
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, subject, subject, "propagation-timeout").correlatedWith(id));
            watches.end(id);
            update(watch, cards.notPropagated(watch.language(), colleagueOf(watch), Math.max(1, watchFor.toHours())));
            return;
        }
        update(watch, cards.propagating(watch.language(), colleagueOf(watch), checks));
        Duration gap = firstCheck.multipliedBy(1L << Math.min(checks - 1, 20));
        Instant next = clock.instant().plus(gap.compareTo(LONGEST_GAP) > 0 ? LONGEST_GAP : gap);
        throw new RetryLater(next.isAfter(watch.deadline()) ? watch.deadline() : next, "Microsoft 365 does not show the new photo yet");
    }

    private static String colleagueOf(PropagationWatches.Watch watch) {
        return watch.colleague() ? (watch.subjectName() == null ? watch.subjectId() : watch.subjectName()) : null;
    }

    private String send(String chatJson, Attachment card) {
        AtomicReference<String> id = new AtomicReference<>();
        ConversationReference chat = ConversationReferences.fromJson(chatJson);
        proactive.retry().run("a new photo's propagation card", () -> proactive.adapter().continueConversation(proactive.botAppId(), chat,
                turn -> turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> {
                    id.set(sent == null ? null : sent.getId());
                    return null;
                })).join());
        return id.get();
    }

    private void update(PropagationWatches.Watch watch, Attachment card) {
        try {
            ConversationReference chat = ConversationReferences.fromJson(watch.conversationJson());
            proactive.retry().run("a new photo's propagation card", () -> proactive.adapter().continueConversation(proactive.botAppId(), chat,
                    turn -> {
                        if (watch.cardId() == null) {
                            return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null);
                        }
                        Activity update = MessageFactory.attachment(card);
                        update.setId(watch.cardId());
                        return turn.updateActivity(update).thenApply(sent -> null);
                    }).join());
        } catch (RuntimeException e) {
            log.warn("could not update the propagation card of job {}: {}", watch.id(), e.getMessage());
        }
    }
}
