package io.photosync.audit;

import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobListener;
import io.photosync.sync.SyncOutcome;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one audit entry for every sync job that ends, before the requester's card says how it went. */
final class SyncAudit implements SyncJobListener {

    private static final Logger log = LoggerFactory.getLogger(SyncAudit.class);

    private final AuditLog audit;
    private final Function<String, Optional<String>> userPrincipalNames;

    /** @param userPrincipalNames the UPN of a person by object id, from the sign-in record or the directory */
    SyncAudit(AuditLog audit, Function<String, Optional<String>> userPrincipalNames) {
        this.audit = audit;
        this.userPrincipalNames = userPrincipalNames;
    }

    /** The UPN the request carried, or else from the sign-in record, or at last the directory. */
    private String upnOf(JobPerson person) {
        return Optional.ofNullable(person.userPrincipalName()).or(() -> userPrincipalNames.apply(person.objectId())).orElse(null);
    }

    @Override
    public void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt) {
        // Only the end of a job is audited; its retries are in the job record.
    }

    @Override
    public void syncEnded(SyncJob job, SyncOutcome outcome) {
        try {
            boolean self = job.own();
            String requesterUpn = upnOf(job.requester());
            String subjectUpn = self ? requesterUpn : upnOf(job.subject());
            String before = audit.lastSyncedEtag(job.subjectId()).orElse(null);
            AuditAction action = job.change() ? AuditAction.NEW_PHOTO : job.restore() ? AuditAction.UNDO
                    : self ? AuditAction.SYNC_SELF : AuditAction.SYNC_COLLEAGUE;
            AuditEvent ended = AuditEvent.of(action,
                    new AuditEvent.Person(job.requesterId(), requesterUpn), new AuditEvent.Person(job.subjectId(), subjectUpn), outcome.code())
                    .correlatedWith(job.id());
            if (outcome instanceof SyncOutcome.Synced synced) {
                audit.record(ended.withMode(synced.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')).because(synced.fallbackReason())
                        .withPhoto(before, synced.sourceEtag(), synced.mediumSha256()).keptAs(synced.keptVersion()));
            } else {
                audit.record(ended.because(job.restore() ? "version " + job.restoreVersion() + ": " + outcome : outcome.toString())
                        .withPhoto(before, null, null));
            }
        } catch (RuntimeException e) {
            log.error("could not audit the end of job {}", job.id(), e);
        }
    }
}
