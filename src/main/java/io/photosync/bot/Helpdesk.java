package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Attachment;
import io.photosync.audit.AuditLog;
import io.photosync.identity.SignedInPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.Diagnosis;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoDoctor;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.RemoteServiceException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The helpdesk's commands about a colleague: "sync photo for <who>" and "history for <who>".
 * Only operators ({@link Operators}) may use them, only on people in scope; every refusal is
 * audited. {@code <who>} is an address, a display name or its start: one match acts, several get a
 * card to choose from, none gets the closest suggestions.
 */
final class Helpdesk {

    /** The choice card lists at most this many people. */
    static final int CHOICES = 5;
    static final String SYNC_FOR = "sync photo for ";
    static final String HISTORY_FOR = "history for ";
    static final String DOCTOR_FOR = "doctor ";
    private static final int HISTORY_ENTRIES = 10;

    private final Operators operators;
    private final PeopleSearch people;
    private final SyncJobs jobs;
    private final AuditLog audit;
    private final PhotoDoctor doctor;
    private final java.util.function.Function<String, io.photosync.preflight.Preflight.Report> preflightRun;
    private final io.photosync.jobs.Scans scans;
    private final Cards cards;

    Helpdesk(Operators operators, PeopleSearch people, SyncJobs jobs, AuditLog audit, PhotoDoctor doctor,
             java.util.function.Function<String, io.photosync.preflight.Preflight.Report> preflight, io.photosync.jobs.Scans scans, Cards cards) {
        this.scans = scans;
        this.preflightRun = preflight;
        this.operators = operators;
        this.people = people;
        this.jobs = jobs;
        this.audit = audit;
        this.doctor = doctor;
        this.cards = cards;
    }

    /** What the bot knows of the request: who asked, in which language, and where to answer. */
    record Ask(String requesterId, Locale language, String requestKey, String conversationJson, String correlationId) {
    }

    CompletableFuture<Void> syncColleague(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, "sync-colleague", SYNC_FOR, "card.choose-person.sync", (operator, colleague) -> {
            Optional<SyncJob> accepted = jobs.accept(new SyncJobRequest(ask.requestKey(), colleague.objectId(), ask.requesterId(),
                    ask.language().toLanguageTag(), ask.conversationJson(), colleague.userPrincipalName()));
            if (accepted.isEmpty()) {
                return CompletableFuture.completedFuture(null); // a repeated delivery
            }
            String jobId = accepted.get().id();
            return turn.sendActivity(MessageFactory.attachment(cards.colleagueSyncing(ask.language(), colleague.displayName())))
                    .handle((sent, error) -> {
                        jobs.start(jobId, sent == null ? null : sent.getId());
                        if (error != null) {
                            throw new java.util.concurrent.CompletionException(error);
                        }
                        return null;
                    });
        });
    }

    CompletableFuture<Void> history(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, "history", HISTORY_FOR, "card.choose-person.history", (operator, person) -> {
            Attachment card = cards.history(ask.language(), person.displayName(), audit.latestAbout(person.objectId(), HISTORY_ENTRIES));
            audit.record(ask.requesterId(), operator.userPrincipalName(), person.objectId(), person.userPrincipalName(), "history",
                    null, "shown", null, null, null, null, ask.correlationId());
            return send(turn, card);
        });
    }

    /** "doctor <who>": the photo doctor's findings about a colleague, with a sync button when a sync helps. */
    CompletableFuture<Void> doctor(TurnContext turn, Ask ask, String who) {
        return forColleague(turn, ask, who, "doctor", DOCTOR_FOR, "card.choose-person.doctor", (operator, person) -> {
            Diagnosis diagnosis = doctor.examine(person.objectId());
            audit.record(ask.requesterId(), operator.userPrincipalName(), person.objectId(), person.userPrincipalName(), "doctor",
                    null, diagnosis.healthy() ? "healthy" : "problems", summary(diagnosis), null, null, null, ask.correlationId());
            return send(turn, cards.diagnosis(ask.language(), diagnosis, person.displayName(), SYNC_FOR + person.userPrincipalName()));
        });
    }

    /**
     * What every command about a colleague shares: only an operator may, only on someone in scope
     * (each refusal audited), and only once it is clear whom {@code who} means; then {@code act}.
     */
    private CompletableFuture<Void> forColleague(TurnContext turn, Ask ask, String who, String action, String commandPrefix, String buttonKey,
                                                 BiFunction<SignedInPerson, DirectoryUser, CompletableFuture<Void>> act) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, who, action, "refused-not-operator");
            return send(turn, cards.notice(ask.language(), "card.not-operator"));
        }
        Resolved resolved = resolve(ask, who, commandPrefix, buttonKey);
        if (resolved.answer() != null) {
            return send(turn, resolved.answer());
        }
        DirectoryUser person = resolved.person();
        try {
            if (!operators.inScope(person.objectId())) {
                refuse(ask, operator.get(), person, action, "refused-out-of-scope");
                return send(turn, cards.about(ask.language(), "card.out-of-scope", person.displayName()));
            }
            return act.apply(operator.get(), person);
        } catch (RemoteServiceException e) {
            return send(turn, cards.about(ask.language(), "card.directory-unavailable", e.getMessage()));
        }
    }

    /** "preflight [<upn>]": the setup checked from inside the running service, for operators only. */
    CompletableFuture<Void> preflight(TurnContext turn, Ask ask, String testUser) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, "preflight", "preflight", "refused-not-operator");
            return send(turn, cards.notice(ask.language(), "card.not-operator"));
        }
        io.photosync.preflight.Preflight.Report report = preflightRun.apply(testUser);
        audit.record(ask.requesterId(), operator.get().userPrincipalName(), null, testUser, "preflight", null,
                report.exitCode() == 0 ? "passed" : "failed", null, null, null, null, ask.correlationId());
        return send(turn, cards.preflight(ask.language(), report.lines().stream()
                .map(io.photosync.preflight.Preflight.Line::render).toList(), report.exitCode() == 0));
    }

    /** "scan [and fix | and nudge]": a tenant scan as a durable job, its card updated as it goes. */
    CompletableFuture<Void> scan(TurnContext turn, Ask ask, String action) {
        Optional<SignedInPerson> operator = operators.operator(ask.requesterId());
        if (operator.isEmpty()) {
            refuse(ask, null, "scan", "scan", "refused-not-operator");
            return send(turn, cards.notice(ask.language(), "card.not-operator"));
        }
        return turn.sendActivity(MessageFactory.attachment(cards.scanProgress(ask.language(), java.util.Map.of(), action)))
                .thenAccept(sent -> {
                    String run = scans.start(ask.requesterId(), action, ask.language().toLanguageTag(), ask.conversationJson(),
                            sent == null ? null : sent.getId());
                    audit.record(ask.requesterId(), operator.get().userPrincipalName(), null, null, "scan", null, "started", action, null, null, null, run);
                });
    }

    /** The checks that found something wrong, for the audit: "source-photo, placeholder". */
    static String summary(Diagnosis diagnosis) {
        return diagnosis.findings().stream().filter(finding -> finding.status() == Diagnosis.Status.PROBLEM)
                .map(finding -> finding.check().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The one person meant, or the card that says why there is none yet. */
    private record Resolved(DirectoryUser person, Attachment answer) {
    }

    private Resolved resolve(Ask ask, String who, String commandPrefix, String buttonKey) {
        try {
            List<DirectoryUser> found = people.find(who, CHOICES + 1);
            Optional<DirectoryUser> one = exactlyOne(who, found);
            if (one.isPresent()) {
                return new Resolved(one.get(), null);
            }
            if (found.isEmpty()) {
                return new Resolved(null, cards.noSuchPerson(ask.language(), who, people.suggest(who, CHOICES), commandPrefix, buttonKey));
            }
            return new Resolved(null, cards.choosePerson(ask.language(), who, found.stream().limit(CHOICES).toList(), commandPrefix, buttonKey));
        } catch (RemoteServiceException e) {
            return new Resolved(null, cards.about(ask.language(), "card.directory-unavailable", e.getMessage()));
        }
    }

    /** One match, or among several the only one whose address or whole name is exactly what was typed. */
    private static Optional<DirectoryUser> exactlyOne(String who, List<DirectoryUser> found) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        String typed = who.strip();
        List<DirectoryUser> exact = found.stream().filter(person -> typed.equalsIgnoreCase(person.displayName())
                || typed.equalsIgnoreCase(person.userPrincipalName()) || typed.equalsIgnoreCase(person.mail())).toList();
        return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
    }

    private void refuse(Ask ask, SignedInPerson operator, String typed, String action, String outcome) {
        audit.record(ask.requesterId(), operator == null ? null : operator.userPrincipalName(), null, null, action, null, outcome,
                "asked about \"" + typed + "\"", null, null, null, ask.correlationId());
    }

    private void refuse(Ask ask, SignedInPerson operator, DirectoryUser subject, String action, String outcome) {
        audit.record(ask.requesterId(), operator.userPrincipalName(), subject.objectId(), subject.userPrincipalName(), action, null, outcome,
                null, null, null, null, ask.correlationId());
    }

    private static CompletableFuture<Void> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> (Void) null);
    }
}
