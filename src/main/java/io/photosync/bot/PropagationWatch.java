package io.photosync.bot;

import com.microsoft.bot.schema.Attachment;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.jobs.DurableTask;
import io.photosync.jobs.RetryLater;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobListener;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a photo until it shows. Graph answers a photo update before its photo (and
 * {@code @odata.mediaEtag}) changes everywhere: a new photo whose job ended with Microsoft 365
 * still showing the previous one gets a card of the places that should agree (Microsoft 365,
 * SharePoint, which the job wrote and read back) with ✔ or waiting. In least-privilege mode
 * SharePoint pulls the photo itself once the person opens their link: its profile is watched,
 * reading only. Either way the check is a durable task, sooner first and then less often, until
 * the photo shows or the watch ends and the card says what to do.
 */
final class PropagationWatch implements SyncJobListener {

    private static final Logger log = LoggerFactory.getLogger(PropagationWatch.class);
    private static final Duration LONGEST_GAP = Duration.ofHours(1);

    private final PropagationWatches watches;
    private final PhotoSource photos;
    private final Directory directory;
    private final ProfilePhotoStore profiles;
    private final Supplier<DurableTask> task;
    private final ProactiveCards proactive;
    private final NewPhotoCards cards;
    private final AuditLog audit;
    private final Duration firstCheck;
    private final Duration watchFor;
    private final Clock clock;

    /** @param task the durable task that runs {@link #check}, looked up when first needed */
    PropagationWatch(PropagationWatches watches, PhotoSource photos, Directory directory, ProfilePhotoStore profiles, Supplier<DurableTask> task,
                     ProactiveCards proactive, NewPhotoCards cards, AuditLog audit, Duration firstCheck, Duration watchFor, Clock clock) {
        this.watches = watches;
        this.photos = photos;
        this.directory = directory;
        this.profiles = profiles;
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

    /** A new photo Microsoft 365 does not show yet, or a photo SharePoint was asked to pull: its card, and the first check queued. */
    @Override
    public void syncEnded(SyncJob job, SyncOutcome outcome) {
        if (job.conversationJson() == null) {
            return;
        }
        PropagationWatches.Watch watch;
        if (outcome instanceof SyncOutcome.Synced synced && synced.previousEtag() != null) {
            watch = watchOf(job, false, synced.previousEtag(), null);
        } else if (outcome instanceof SyncOutcome.PullRequested pull) {
            watch = watchOf(job, true, blankIfNull(pull.timestampBefore()) + "\n" + blankIfNull(pull.pictureUrlBefore()), pull.sourceEtag());
        } else {
            return;
        }
        try {
            String cardId = proactive.send(job.conversationJson(), waiting(watch, 0), "the card of a photo on its way");
            watches.start(watch.shownIn(cardId));
            task.get().queue(job.id());
        } catch (RuntimeException e) {
            log.warn("could not start watching job {} until its photo shows: {}", job.id(), e.getMessage());
        }
    }

    private PropagationWatches.Watch watchOf(SyncJob job, boolean pull, String previous, String sourceEtag) {
        return new PropagationWatches.Watch(job.id(), pull, job.subjectId(), job.subject().displayName(), !job.own(),
                Locale.forLanguageTag(job.language()), job.conversationJson(), null, previous, sourceEtag, clock.instant(),
                clock.instant().plus(watchFor), 0);
    }

    /** One check: it shows, the watch is over, or again later (sooner first, then twice as long each time, at most hourly). */
    void check(String id) {
        Optional<PropagationWatches.Watch> found = watches.find(id);
        if (found.isEmpty()) {
            return;
        }
        PropagationWatches.Watch watch = found.get();
        Optional<String> shownEtag;
        try {
            shownEtag = watch.pull() ? pulled(watch) : arrived(watch);
        } catch (RemoteServiceException e) {
            throw new RetryLater(clock.instant().plus(firstCheck), "Microsoft did not answer: " + e.getMessage());
        }
        int checks = watches.checked(id);
        AuditEvent.Person subject = new AuditEvent.Person(watch.subjectId(), null);
        if (shownEtag.isPresent()) {
            long minutes = Math.max(1, (Duration.between(watch.startedAt(), clock.instant()).toSeconds() + 59) / 60);
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, subject, subject, watch.pull() ? "pulled" : "propagated")
                    .withPhoto(watch.pull() ? null : watch.previous(), shownEtag.get(), null)
                    .because("shown after " + checks + " check(s)").correlatedWith(id));
            watches.end(id);
            update(watch, watch.pull() ? cards.pulled(watch.language(), colleagueOf(watch), minutes)
                    : cards.propagated(watch.language(), colleagueOf(watch), minutes));
            return;
        }
        if (!clock.instant().isBefore(watch.deadline())) {
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, subject, subject, watch.pull() ? "pull-timeout" : "propagation-timeout").correlatedWith(id));
            watches.end(id);
            long hours = Math.max(1, watchFor.toHours());
            update(watch, watch.pull() ? cards.notPulled(watch.language(), colleagueOf(watch), hours)
                    : cards.notPropagated(watch.language(), colleagueOf(watch), hours));
            return;
        }
        update(watch, waiting(watch, checks));
        Duration gap = firstCheck.multipliedBy(1L << Math.min(checks - 1, 20));
        Instant next = clock.instant().plus(gap.compareTo(LONGEST_GAP) > 0 ? LONGEST_GAP : gap);
        throw new RetryLater(next.isAfter(watch.deadline()) ? watch.deadline() : next, "the photo does not show yet");
    }

    /** Microsoft 365's ETag, once it is another than the one it showed before. */
    private Optional<String> arrived(PropagationWatches.Watch watch) {
        return photos.etagOf(watch.subjectId()).filter(etag -> !etag.isEmpty() && !etag.equals(watch.previous()));
    }

    /** The Microsoft 365 ETag the pull brought, once SharePoint shows a picture other than before (read only). */
    private Optional<String> pulled(PropagationWatches.Watch watch) {
        Optional<DirectoryUser> user = directory.findUser(watch.subjectId());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        ProfilePicture now = profiles.readPicture(user.get());
        String[] before = watch.previous().split("\n", -1);
        boolean changed = !blankIfNull(now.timestamp()).equals(before[0]) || !blankIfNull(now.pictureUrl()).equals(before.length > 1 ? before[1] : "");
        return now.isSet() && changed ? Optional.of(watch.sourceEtag() == null ? "" : watch.sourceEtag()) : Optional.empty();
    }

    private Attachment waiting(PropagationWatches.Watch watch, int checks) {
        return watch.pull() ? cards.pulling(watch.language(), colleagueOf(watch), checks) : cards.propagating(watch.language(), colleagueOf(watch), checks);
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static String colleagueOf(PropagationWatches.Watch watch) {
        return watch.colleague() ? (watch.subjectName() == null ? watch.subjectId() : watch.subjectName()) : null;
    }

    private void update(PropagationWatches.Watch watch, Attachment card) {
        proactive.update(watch.conversationJson(), watch.cardId(), card, "the card of a photo on its way (job " + watch.id() + ")");
    }
}
