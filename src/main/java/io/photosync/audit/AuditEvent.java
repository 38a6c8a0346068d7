package io.photosync.audit;

/**
 * What to append to the audit log: who did what to whom and how it ended, with the details that
 * apply. Start from {@link #of} and add the rest by name.
 *
 * @param actor who asked (the person themself, an operator), or {@link Person#NOBODY} for a schedule
 * @param subject whom it was about, or {@link Person#NOBODY}
 * @param outcome an outcome code ({@code synced} …), a refusal ({@code refused-not-operator} …) or what happened ({@code shown})
 * @param mode how SharePoint was written ({@code delegated}, {@code app-only}), when it was
 * @param etagBefore the Graph photo ETag the person's last successful sync wrote
 * @param etagAfter the Graph photo ETag this sync wrote
 * @param mthumbSha256 hex SHA-256 of the medium rendition SharePoint holds now
 * @param correlationId the job, run or Teams activity it belongs to
 * @param photoVersion the photo history version holding what the change replaced
 */
public record AuditEvent(AuditAction action, Person actor, Person subject, String outcome, String mode, String reason,
                         String etagBefore, String etagAfter, String mthumbSha256, String correlationId, String photoVersion) {

    /** A person as the audit names them: object id and UPN, either unknown (null) when not at hand. */
    public record Person(String objectId, String userPrincipalName) {

        public static final Person NOBODY = new Person(null, null);

        /** Someone known only by what was typed about them, kept as their UPN. */
        public static Person named(String typed) {
            return new Person(null, typed);
        }
    }

    public AuditEvent {
        actor = actor == null ? Person.NOBODY : actor;
        subject = subject == null ? Person.NOBODY : subject;
    }

    public static AuditEvent of(AuditAction action, Person actor, Person subject, String outcome) {
        return new AuditEvent(action, actor, subject, outcome, null, null, null, null, null, null, null);
    }

    public AuditEvent withMode(String writtenAs) {
        return new AuditEvent(action, actor, subject, outcome, writtenAs, reason, etagBefore, etagAfter, mthumbSha256, correlationId, photoVersion);
    }

    public AuditEvent because(String why) {
        return new AuditEvent(action, actor, subject, outcome, mode, why, etagBefore, etagAfter, mthumbSha256, correlationId, photoVersion);
    }

    /** The photo's Graph ETag before and after, and the rendition SharePoint holds now. */
    public AuditEvent withPhoto(String before, String after, String mediumSha256) {
        return new AuditEvent(action, actor, subject, outcome, mode, reason, before, after, mediumSha256, correlationId, photoVersion);
    }

    /** The photo history version that holds what this change replaced. */
    public AuditEvent keptAs(String versionId) {
        return new AuditEvent(action, actor, subject, outcome, mode, reason, etagBefore, etagAfter, mthumbSha256, correlationId, versionId);
    }

    public AuditEvent correlatedWith(String id) {
        return new AuditEvent(action, actor, subject, outcome, mode, reason, etagBefore, etagAfter, mthumbSha256, id, photoVersion);
    }
}
