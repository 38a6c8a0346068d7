package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Attachment;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.doctor.Diagnosis;
import io.photosync.doctor.PhotoDoctor;
import io.photosync.helpdesk.Operators;
import io.photosync.identity.SignedInPerson;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.preflight.PreflightChecks;
import io.photosync.preflight.PreflightReport;
import io.photosync.scan.RunAction;
import io.photosync.scan.Scans;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.KeptPhoto;
import io.photosync.sync.PhotoVersions;
import io.photosync.sync.RemoteServiceException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The helpdesk's commands about a colleague: "sync photo for <who>" and "history for <who>".
 * Only operators ({@link Operators}) may use them, only on people in scope; every refusal is
 * audited. {@code <who>} is an address, a display name or its start: one match acts, several get a
 * card to choose from, none gets the closest suggestions.
 */
final class Helpdesk {

    static final String SYNC_FOR = "sync photo for ";
    static final String HISTORY_FOR = "history for ";
    static final String DOCTOR_FOR = "doctor ";
    static final String UNDO_FOR = "undo photo for ";
    static final String SET_PHOTO_FOR = "set photo for ";
    private static final int HISTORY_ENTRIES = 10;

    private final Operators operators;
    private final PeopleResolver people;
    private final SyncJobs jobs;
    private final AuditLog audit;
    private final PhotoDoctor doctor;
    private final PreflightChecks preflight;
    private final Scans scans;
    private final Notices notices;
    private final HelpdeskCards cards;
    private final SyncCards syncCards;
    private final DoctorCards doctorCards;
    private final RunCards runCards;
    private final PhotoUndo undo;
    private final PhotoVersions versions;

    private final NewPhotoFlow newPhoto;

    Helpdesk(Operators operators, PeopleResolver people, SyncJobs jobs, AuditLog audit, PhotoDoctor doctor,
             PreflightChecks preflight, Scans scans, Replies replies, PhotoUndo undo, PhotoVersions versions, NewPhotoFlow newPhoto) {
        this.undo = undo;
        this.newPhoto = newPhoto;
        this.versions = versions;
        this.scans = scans;
        this.preflight = preflight;
        this.operators = operators;
        this.people = people;
        this.jobs = jobs;
        this.audit = audit;
        this.doctor = doctor;
        this.notices = replies.notices();
        this.cards = replies.helpdesk();
        this.syncCards = replies.sync();
        this.doctorCards = replies.doctor();
        this.runCards = replies.runs();
    }

    /**
     * What the bot knows of the request: who asked (their Teams display name, when the activity
     * said), in which language, and where to answer.
     */
    record Ask(String requesterId, String requesterName, Locale language, String requestKey, String conversationJson, String correlationId) {
    }

    CompletableFuture<Void> syncColleague(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, AuditAction.SYNC_COLLEAGUE, SYNC_FOR, "card.choose-person.sync", (operator, colleague) -> {
            JobPerson subject = new JobPerson(colleague.objectId(), colleague.userPrincipalName(), colleague.displayName());
            JobPerson requester = new JobPerson(ask.requesterId(), operator.userPrincipalName(), ask.requesterName());
            Optional<SyncJob> accepted = jobs.accept(SyncJobRequest.onBehalf(ask.requestKey(), subject, requester,
                    ask.language().toLanguageTag(), ask.conversationJson()));
            if (accepted.isEmpty()) {
                return CompletableFuture.completedFuture(null); // a repeated delivery
            }
            String jobId = accepted.get().id();
            return jobs.startWhenShown(jobId, () -> Activities.sendCard(turn, syncCards.colleagueSyncing(ask.language(), colleague.displayName())));
        });
    }

    CompletableFuture<Void> history(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, AuditAction.HISTORY, HISTORY_FOR, "card.choose-person.history", (operator, person) -> {
            Attachment card = cards.history(ask.language(), person.displayName(), versions.of(person.objectId()),
                    audit.latestAbout(person.objectId(), HISTORY_ENTRIES));
            audit.record(AuditEvent.of(AuditAction.HISTORY, actor(ask, operator), subject(person), "shown").correlatedWith(ask.correlationId()));
            return send(turn, card);
        });
    }

    /** "set photo for <who>" with a picture: its preview for the operator, then as for one's own, written app-only. */
    CompletableFuture<Void> setPhoto(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, AuditAction.NEW_PHOTO, SET_PHOTO_FOR, "card.choose-person.set-photo",
                (operator, person) -> newPhoto.offerFor(turn, ask, person));
    }

    /** "undo photo for <who>": what SharePoint showed before the colleague's last change, written back. */
    CompletableFuture<Void> undo(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, AuditAction.UNDO, UNDO_FOR, "card.choose-person.undo",
                (operator, person) -> undo.colleague(turn, ask, requester(ask, operator), person, versions.latest(person.objectId())));
    }

    /**
     * A colleague's Undo or Restore button (one's own is {@link PhotoUndo#own}): the same checks as
     * every command about a colleague, with the person the kept version is of.
     */
    CompletableFuture<Void> undoVersion(TurnContext turn, Ask ask, String versionId) {
        Optional<KeptPhoto> version = versions.find(versionId);
        if (version.isEmpty()) {
            if (operators.operator(ask.requesterId()).isEmpty()) {
                refuse(ask, null, "version " + versionId, AuditAction.UNDO, "refused-not-operator");
                return send(turn, notices.notice(ask.language(), "card.not-operator"));
            }
            return send(turn, syncCards.nothingToUndo(ask.language(), null));
        }
        return forColleague(turn, ask, version.get().subjectId(), AuditAction.UNDO, UNDO_FOR, "card.choose-person.undo",
                (operator, person) -> undo.colleague(turn, ask, requester(ask, operator), person, version));
    }

    private static JobPerson requester(Ask ask, SignedInPerson operator) {
        return new JobPerson(ask.requesterId(), operator.userPrincipalName(), ask.requesterName());
    }

    /** "doctor <who>": the photo doctor's findings about a colleague, with a sync button when a sync helps. */
    CompletableFuture<Void> doctor(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, AuditAction.DOCTOR, DOCTOR_FOR, "card.choose-person.doctor", (operator, person) -> {
            Diagnosis diagnosis = doctor.examine(person.objectId());
            audit.record(AuditEvent.of(AuditAction.DOCTOR, actor(ask, operator), subject(person), diagnosis.healthy() ? "healthy" : "problems")
                    .because(summary(diagnosis)).correlatedWith(ask.correlationId()));
            return send(turn, doctorCards.diagnosis(ask.language(), diagnosis, person.displayName(), SYNC_FOR + person.userPrincipalName()));
        });
    }

    /**
     * What every command about a colleague shares: only an operator may, only on someone in scope
     * (each refusal audited), and only once it is clear whom {@code who} means; then {@code act}.
     */
    private CompletableFuture<Void> forColleague(TurnContext turn, Ask ask, String who, AuditAction action, String commandPrefix, String buttonKey,
                                                 BiFunction<SignedInPerson, DirectoryUser, CompletableFuture<Void>> act) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, who, action, "refused-not-operator");
            return send(turn, notices.notice(ask.language(), "card.not-operator"));
        }
        PeopleResolver.Resolved resolved = people.resolve(ask.language(), who, commandPrefix, buttonKey);
        if (resolved.answer() != null) {
            return send(turn, resolved.answer());
        }
        DirectoryUser person = resolved.person();
        try {
            if (!operators.inScope(person.objectId())) {
                refuse(ask, operator.get(), person, action, "refused-out-of-scope");
                return send(turn, notices.about(ask.language(), "card.out-of-scope", person.displayName()));
            }
            return act.apply(operator.get(), person);
        } catch (RemoteServiceException e) {
            return send(turn, notices.about(ask.language(), "card.directory-unavailable", e.getMessage()));
        }
    }

    /** "preflight [<upn>]": the setup checked from inside the running service, for operators only. */
    CompletableFuture<Void> preflight(TurnContext turn, Ask ask, String testUser) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, "preflight", AuditAction.PREFLIGHT, "refused-not-operator");
            return send(turn, notices.notice(ask.language(), "card.not-operator"));
        }
        PreflightReport report = preflight.check(testUser, false, ask.requesterId());
        audit.record(AuditEvent.of(AuditAction.PREFLIGHT, actor(ask, operator.get()), AuditEvent.Person.named(testUser),
                report.passed() ? "passed" : "failed").correlatedWith(ask.correlationId()));
        return send(turn, cards.preflight(ask.language(), report.lines().stream()
                .map(PreflightReport.Line::render).toList(), report.passed()));
    }

    /** "scan [and fix | and nudge]": a tenant scan as a durable job, its card updated as it goes. */
    CompletableFuture<Void> scan(TurnContext turn, Ask ask, RunAction action) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, "scan", AuditAction.SCAN, "refused-not-operator");
            return send(turn, notices.notice(ask.language(), "card.not-operator"));
        }
        return turn.sendActivity(MessageFactory.attachment(runCards.scanProgress(ask.language(), Map.of(), action)))
                .thenAccept(sent -> {
                    String run = scans.start(ask.requesterId(), action, ask.language().toLanguageTag(), ask.conversationJson(),
                            sent == null ? null : sent.getId());
                    audit.record(AuditEvent.of(AuditAction.SCAN, actor(ask, operator.get()), AuditEvent.Person.NOBODY, "started")
                            .because(action.key()).correlatedWith(run));
                });
    }

    /** The checks that found something wrong, for the audit: "source-photo, placeholder". */
    static String summary(Diagnosis diagnosis) {
        return diagnosis.findings().stream().filter(finding -> finding.status() == Diagnosis.Status.PROBLEM)
                .map(finding -> finding.check().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    private void refuse(Ask ask, SignedInPerson operator, String typed, AuditAction action, String outcome) {
        audit.record(AuditEvent.of(action, actor(ask, operator), AuditEvent.Person.NOBODY, outcome)
                .because("asked about \"" + typed + "\"").correlatedWith(ask.correlationId()));
    }

    private void refuse(Ask ask, SignedInPerson operator, DirectoryUser subject, AuditAction action, String outcome) {
        audit.record(AuditEvent.of(action, actor(ask, operator), subject(subject), outcome).correlatedWith(ask.correlationId()));
    }

    /** Who asked: their object id, and their UPN once they are known to be an operator. */
    private static AuditEvent.Person actor(Ask ask, SignedInPerson operator) {
        return new AuditEvent.Person(ask.requesterId(), operator == null ? null : operator.userPrincipalName());
    }

    private static AuditEvent.Person subject(DirectoryUser person) {
        return new AuditEvent.Person(person.objectId(), person.userPrincipalName());
    }

    private static CompletableFuture<Void> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> (Void) null);
    }
}
