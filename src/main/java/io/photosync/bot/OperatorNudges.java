package io.photosync.bot;

import com.microsoft.bot.schema.Attachment;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.helpdesk.Operators;
import io.photosync.nudge.Nudges;
import io.photosync.scan.Scans;
import io.photosync.sync.DirectoryGroup;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.GroupDirectory;
import io.photosync.sync.RemoteServiceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The operator's "nudge …" commands: resolves people or a group in the directory and queues one
 * nudge card per person. Answers with the card the operator sees; the sending itself is the
 * {@link Nudges} queue's, paced and retried there.
 */
final class OperatorNudges {

    /** Enough to tell "Sales" from "Sales and Marketing" and "Sales Interns" without a wall of names. */
    private static final int GROUP_CANDIDATES = 5;

    static final String NUDGE = "nudge ";

    private final Nudges nudges;
    private final PeopleResolver people;
    private final GroupDirectory groups;
    private final Notices notices;
    private final NudgeCards cards;
    private final Operators operators;
    private final AuditLog audit;
    private final Scans scans;

    OperatorNudges(Nudges nudges, PeopleResolver people, GroupDirectory groups, Replies replies, Operators operators, AuditLog audit, Scans scans) {
        this.scans = scans;
        this.nudges = nudges;
        this.people = people;
        this.groups = groups;
        this.notices = replies.notices();
        this.cards = replies.nudges();
        this.operators = operators;
        this.audit = audit;
    }

    /**
     * "nudge <who> …": each person found as every helpdesk command finds people ({@link PeopleResolver}).
     * One name behaves as "sync photo for" does (a choice card for several matches, "no such user"
     * with suggestions for none); of several names, those not found or not clear are named, and
     * nobody is told a nudge goes to no one.
     */
    Attachment people(String requester, Locale language, List<String> who, String correlationId) {
        if (operators.operator(requester).isEmpty()) {
            return refused(requester, language, String.join(" ", who), correlationId);
        }
        if (who.size() == 1) {
            PeopleResolver.Resolved resolved = people.resolve(language, who.get(0), NUDGE, "card.choose-person.nudge");
            return resolved.answer() != null ? resolved.answer() : nudge(requester, language, List.of(resolved.person()), List.of(), List.of());
        }
        List<DirectoryUser> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        try {
            for (String name : who) {
                PeopleResolver.Match match = people.match(name);
                if (match instanceof PeopleResolver.Match.One one) {
                    found.add(one.person());
                } else {
                    (match instanceof PeopleResolver.Match.Several ? unclear : unknown).add(name);
                }
            }
        } catch (RemoteServiceException e) {
            return notices.about(language, "card.directory-unavailable", e.getMessage());
        }
        return nudge(requester, language, found, unknown, unclear);
    }

    /** Nudges the people found who are in the operator's scope; the card names everyone else. */
    private Attachment nudge(String requester, Locale language, List<DirectoryUser> found, List<String> unknown, List<String> unclear) {
        Predicate<String> inScope = operators.forMany();
        Map<Boolean, List<DirectoryUser>> reached = found.stream().distinct().collect(Collectors.partitioningBy(person -> inScope.test(person.objectId())));
        List<DirectoryUser> recipients = reached.get(true);
        List<String> outOfScope = reached.get(false).stream().map(DirectoryUser::displayName).toList();
        if (recipients.isEmpty()) {
            return cards.nobodyToNudge(language, unknown, unclear, outOfScope);
        }
        nudges.start(requester, recipients.stream().map(DirectoryUser::objectId).toList(), language.toLanguageTag());
        return cards.nudgeQueued(language, recipients.stream().map(DirectoryUser::displayName).toList(), unknown, unclear, outOfScope);
    }

    /**
     * "nudge group <name>": the group whose name is exactly this (case ignored), or the only one
     * whose name starts with it; every member through nested groups, guests and people outside the
     * helpdesk scope left out.
     */
    Attachment group(String requester, Locale language, String name, String correlationId) {
        return forGroup(requester, language, name, correlationId, AuditAction.NUDGE, (group, recipients, leftOut) -> {
            nudges.start(requester, recipients.stream().map(DirectoryUser::objectId).toList(), language.toLanguageTag());
            return cards.nudgeGroupQueued(language, group.displayName(), recipients.size(), leftOut.size());
        });
    }

    /** The answer to a command that starts a run: the card, and the run whose progress it is to show (or null). */
    record Reply(Attachment card, String runId) {
    }

    /**
     * "sync photos for group <name>": a run of one app-only sync job per member, followed on the
     * operator's card to the end, with a report that also names who was left out. The run's id
     * comes from the activity, so a repeated delivery starts nothing and answers nothing.
     */
    Reply syncGroup(String requester, Locale language, String name, String correlationId) {
        String runId = UUID.nameUUIDFromBytes(("sync-group:" + correlationId).getBytes(StandardCharsets.UTF_8)).toString();
        boolean[] started = {false};
        Attachment card = forGroup(requester, language, name, correlationId, AuditAction.SYNC_GROUP, (group, members, leftOut) -> {
            if (!scans.startGroupSync(runId, requester, language.toLanguageTag(), group.displayName(), members, leftOut)) {
                return null;
            }
            started[0] = true;
            audit.record(AuditEvent.of(AuditAction.SYNC_GROUP, new AuditEvent.Person(requester, null), new AuditEvent.Person(group.objectId(),
                    group.displayName()), "queued").withMode("app-only").because(members.size() + " members").correlatedWith(runId));
            return cards.syncGroupQueued(language, group.displayName(), members.size(), leftOut.size());
        });
        return new Reply(card, started[0] ? runId : null);
    }

    /** The run's card was sent: from now on it shows the run's progress. */
    void watch(String runId, String conversationJson, String cardId) {
        scans.watch(runId, conversationJson, cardId);
    }

    /** What to do with a group's members once it is clear which group is meant. */
    @FunctionalInterface
    private interface GroupAction {
        Attachment act(DirectoryGroup group, List<DirectoryUser> members, List<DirectoryUser> leftOut);
    }

    private Attachment forGroup(String requester, Locale language, String name, String correlationId, AuditAction action, GroupAction then) {
        if (operators.operator(requester).isEmpty()) {
            return refused(requester, language, action, "group " + name, correlationId);
        }
        try {
            List<DirectoryGroup> candidates = groups.findGroups(name, GROUP_CANDIDATES + 1);
            Optional<DirectoryGroup> chosen = choose(name, candidates);
            if (chosen.isEmpty()) {
                return candidates.isEmpty()
                        ? notices.about(language, "card.group-not-found", name)
                        : cards.whichGroup(language, name, candidates.stream().limit(GROUP_CANDIDATES).map(DirectoryGroup::displayName).toList());
            }
            DirectoryGroup group = chosen.get();
            List<DirectoryUser> members = groups.transitiveMembers(group.objectId());
            Predicate<String> inScope = operators.forMany();
            Map<Boolean, List<DirectoryUser>> reached = members.stream()
                    .collect(Collectors.partitioningBy(member -> !member.guest() && inScope.test(member.objectId())));
            if (reached.get(true).isEmpty()) {
                return notices.about(language, "card.group-empty", group.displayName());
            }
            return then.act(group, reached.get(true), reached.get(false));
        } catch (RemoteServiceException e) {
            return notices.about(language, "card.directory-unavailable", e.getMessage());
        }
    }

    private Attachment refused(String requester, Locale language, String typed, String correlationId) {
        return refused(requester, language, AuditAction.NUDGE, typed, correlationId);
    }

    private Attachment refused(String requester, Locale language, AuditAction action, String typed, String correlationId) {
        audit.record(AuditEvent.of(action, new AuditEvent.Person(requester, null), AuditEvent.Person.NOBODY, "refused-not-operator")
                .because("asked about " + typed).correlatedWith(correlationId));
        return notices.notice(language, "card.not-operator");
    }

    private static Optional<DirectoryGroup> choose(String name, List<DirectoryGroup> candidates) {
        List<DirectoryGroup> exact = candidates.stream().filter(group -> group.displayName().equalsIgnoreCase(name.strip())).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        return exact.isEmpty() && candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
