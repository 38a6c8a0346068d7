package io.photosync.audit;

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

    @Override
    public void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt) {
        // Only the end of a job is audited; its retries are in the job record.
    }

    @Override
    public void syncEnded(SyncJob job, SyncOutcome outcome) {
        try {
            boolean self = job.subjectId().equals(job.requesterId());
            String requesterUpn = userPrincipalNames.apply(job.requesterId()).orElse(null);
            String subjectUpn = self ? requesterUpn
                    : Optional.ofNullable(job.subjectUpn()).or(() -> userPrincipalNames.apply(job.subjectId())).orElse(null);
            String before = audit.lastSyncedEtag(job.subjectId()).orElse(null);
            if (outcome instanceof SyncOutcome.Synced synced) {
                audit.record(job.requesterId(), requesterUpn, job.subjectId(), subjectUpn, self ? "sync-self" : "sync-colleague",
                        synced.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'), synced.code(), synced.fallbackReason(),
                        before, synced.sourceEtag(), synced.mediumSha256(), job.id());
            } else {
                audit.record(job.requesterId(), requesterUpn, job.subjectId(), subjectUpn, self ? "sync-self" : "sync-colleague",
                        null, outcome.code(), outcome.toString(), before, null, null, job.id());
            }
        } catch (RuntimeException e) {
            log.error("could not audit the end of job {}", job.id(), e);
        }
    }
}
