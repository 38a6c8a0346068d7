package io.photosync.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.SyncOutcome;
import java.util.List;
import java.util.Base64;
import java.util.Locale;

/**
 * The Adaptive Cards the bot sends (schema 1.5, the newest Teams renders). Every word comes from
 * the message bundle; outcome cards take their words from keys named after the outcome's code.
 */
final class Cards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Teams refuses message payloads over about 28 KB; cards stay well below. */
    static final int MAX_CARD_BYTES = 28 * 1024;
    static final String ACTION_KEY = "photosync";
    static final String SYNC_ACTION = "sync-my-photo";
    /** The Action.Execute verb of the "Sync my photo" button. */
    static final String SYNC_VERB = "syncMyPhoto";
    /** The data key that carries the nudge campaign a button came from. */
    static final String NUDGE_KEY = "nudge";
    /** A button that sends a command as if typed (the choice and suggestion cards' buttons). */
    static final String COMMAND_ACTION = "command";
    static final String COMMAND_KEY = "command";
    private static final int MAX_ECHO = 80;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Messages messages;

    Cards(Messages messages) {
        this.messages = messages;
    }

    Attachment syncing(Locale language) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, "card.syncing.title")));
        body.add(text(messages.get(language, "card.syncing.text")));
        return attachment(card);
    }

    Attachment help(Locale language, String notUnderstood) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        if (notUnderstood != null) {
            body.add(text(messages.get(language, "card.help.not-understood", echo(notUnderstood))));
        }
        body.add(title(messages.get(language, "card.help.title")));
        body.add(text(messages.get(language, "card.help.text")));
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", messages.get(language, "card.help.sync.command")).put("value", messages.get(language, "card.help.sync.meaning"));
        facts.addObject().put("title", messages.get(language, "card.help.doctor.command")).put("value", messages.get(language, "card.help.doctor.meaning"));
        facts.addObject().put("title", messages.get(language, "card.help.help.command")).put("value", messages.get(language, "card.help.help.meaning"));
        card.withArray("actions").add(syncAction(language, "card.action.sync"));
        return attachment(card);
    }

    /** A card for a simple statement with a title and a sentence, e.g. "who are you?". */
    Attachment notice(Locale language, String key) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, key + ".title")));
        card.withArray("body").add(text(messages.get(language, key + ".text")));
        return attachment(card);
    }

    Attachment result(Locale language, SyncOutcome outcome) {
        return result(language, outcome, null);
    }

    /** The result of a helpdesk sync, about the colleague by name; no retry button (the operator asks again). */
    Attachment colleagueResult(Locale language, SyncOutcome outcome, String colleagueName) {
        return result(language, outcome, colleagueName);
    }

    private Attachment result(Locale language, SyncOutcome outcome, String colleagueName) {
        boolean colleague = colleagueName != null;
        String key = (colleague ? "colleague.outcome." : "outcome.") + outcome.code();
        Object[] own = argumentsOf(language, outcome);
        Object[] arguments = java.util.Arrays.copyOf(own, Math.max(own.length, 1) + 1);
        arguments[arguments.length - 1] = colleague ? echo(colleagueName) : "";
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        if (outcome instanceof SyncOutcome.Synced synced) {
            body.add(photoHeader(language, synced, colleague ? "card.photo.alt-colleague" : "card.photo.alt",
                    messages.get(language, key + ".title", arguments), messages.get(language, key + ".text", arguments)));
            boolean delegated = synced.mode() == SyncOutcome.WriteMode.DELEGATED;
            ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
            facts.addObject().put("title", messages.get(language, "card.written.as"))
                    .put("value", messages.get(language, delegated ? "card.written.as.delegated" : "card.written.as.app-only"));
            facts.addObject().put("title", messages.get(language, "card.written.files"))
                    .put("value", delegated ? messages.get(language, "card.written.files.delegated") : messages.get(language, "card.written.files.value", synced.largeSize()));
            facts.addObject().put("title", messages.get(language, "card.written.profile"))
                    .put("value", messages.get(language, delegated ? "card.written.profile.delegated" : "card.written.profile.value"));
            facts.addObject().put("title", messages.get(language, "card.written.verified")).put("value", messages.get(language, "card.written.verified.value"));
            if (synced.fallbackReason() != null) {
                body.add(subtle(messages.get(language, "card.written.fallback", fallbackInWords(language, synced.fallbackReason()))));
            }
            body.add(subtle(messages.get(language, "card.written.caches")));
            return attachment(card);
        }
        body.add(title(messages.get(language, key + ".title", arguments)));
        body.add(text(messages.get(language, key + ".text", arguments)));
        body.add(text(messages.get(language, "card.next", messages.get(language, key + ".next", arguments))));
        body.add(subtle(messages.get(language, "card.reference", outcome.code())));
        if (outcome.retryable() && !colleague) {
            card.withArray("actions").add(syncAction(language, "card.action.retry"));
        }
        return attachment(card);
    }

    /** The outcome code in front of a fallback reason ("permission-missing: …"), in words; the details stay in the job record. */
    private String fallbackInWords(Locale language, String reason) {
        String code = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        return messages.get(language, messages.has(language, "fallback." + code) ? "fallback." + code : "fallback.other");
    }

    /** The values an outcome's sentences mention; none of them is a secret or a photo. */
    private Object[] argumentsOf(Locale language, SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Synced synced) {
            return new Object[] {synced.largeSize()};
        } else if (outcome instanceof SyncOutcome.UserNotFound notFound) {
            return new Object[] {notFound.objectId()};
        } else if (outcome instanceof SyncOutcome.GuestNotSupported guest) {
            return new Object[] {guest.userPrincipalName()};
        } else if (outcome instanceof SyncOutcome.NoSharePointProfile noProfile) {
            return new Object[] {noProfile.userPrincipalName()};
        } else if (outcome instanceof SyncOutcome.UnusableSourcePhoto unusable) {
            return new Object[] {messages.get(language, "photo-rejected." + unusable.reason().name().toLowerCase(Locale.ROOT))};
        } else if (outcome instanceof SyncOutcome.PermissionMissing missing) {
            return new Object[] {missing.detail()};
        } else if (outcome instanceof SyncOutcome.Throttled throttled) {
            return new Object[] {Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60)};
        } else if (outcome instanceof SyncOutcome.SignInNeeded signIn) {
            return new Object[] {signIn.detail()};
        } else if (outcome instanceof SyncOutcome.VerificationFailed failed) {
            return new Object[] {failed.detail()};
        } else if (outcome instanceof SyncOutcome.Failed failed) {
            return new Object[] {failed.detail()};
        }
        return new Object[0];
    }

    private ObjectNode photoHeader(Locale language, SyncOutcome.Synced synced, String altKey, String title, String sentence) {
        ObjectNode columns = MAPPER.createObjectNode().put("type", "ColumnSet");
        ObjectNode photo = columns.withArray("columns").addObject().put("type", "Column").put("width", "auto");
        photo.withArray("items").addObject()
                .put("type", "Image")
                .put("url", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(synced.thumbnail()))
                .put("altText", messages.get(language, altKey))
                .put("size", "Medium")
                .put("style", "Person");
        ObjectNode words = columns.withArray("columns").addObject().put("type", "Column").put("width", "stretch")
                .put("verticalContentAlignment", "Center");
        words.withArray("items").add(title(title));
        words.withArray("items").add(text(sentence));
        return columns;
    }

    /** A card telling the person their sync is queued because Microsoft asked to wait. */
    Attachment queued(Locale language, SyncOutcome outcome, java.time.Instant nextAttempt) {
        long minutes = Math.max(1, (java.time.Duration.between(java.time.Instant.now(), nextAttempt).toSeconds() + 59) / 60);
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.queued.title")));
        card.withArray("body").add(text(messages.get(language, "card.queued.text", minutes)));
        card.withArray("body").add(subtle(messages.get(language, "card.reference", outcome.code())));
        return attachment(card);
    }

    /**
     * "Sync my photo": Action.Execute (an {@code adaptiveCard/action} invoke, answered with the
     * "Syncing…" card), falling back to Action.Submit on clients without Universal Actions.
     */
    private ObjectNode syncAction(Locale language, String titleKey) {
        return syncAction(language, titleKey, null);
    }

    private ObjectNode syncAction(Locale language, String titleKey, String nudgeId) {
        ObjectNode data = MAPPER.createObjectNode().put(ACTION_KEY, SYNC_ACTION);
        if (nudgeId != null) {
            data.put(NUDGE_KEY, nudgeId);
        }
        ObjectNode submit = MAPPER.createObjectNode()
                .put("type", "Action.Submit")
                .put("title", messages.get(language, titleKey));
        submit.set("data", data.deepCopy());
        ObjectNode execute = MAPPER.createObjectNode()
                .put("type", "Action.Execute")
                .put("verb", SYNC_VERB)
                .put("title", messages.get(language, titleKey));
        execute.set("data", data);
        execute.set("fallback", submit);
        return execute;
    }

    /** The proactive nudge: "your SharePoint photo may be out of date — sync now?". */
    Attachment nudge(Locale language, String campaignId) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.nudge.title")));
        card.withArray("body").add(text(messages.get(language, "card.nudge.text")));
        card.withArray("actions").add(syncAction(language, "card.action.sync", campaignId));
        return attachment(card);
    }

    /** What the operator sees after "nudge …": how many will be nudged, and who could not be found. */
    Attachment nudgeQueued(Locale language, int recipients, java.util.List<String> unknown) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.nudge-queued.title")));
        card.withArray("body").add(text(messages.get(language, "card.nudge-queued.text", recipients)));
        if (!unknown.isEmpty()) {
            card.withArray("body").add(text(messages.get(language, "card.nudge-queued.unknown", echo(String.join(", ", unknown)))));
        }
        return attachment(card);
    }

    /** What the operator sees after "nudge group …": how many members will be nudged, how many guests were left out. */
    Attachment nudgeGroupQueued(Locale language, String group, int recipients, int guests) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.nudge-queued.title")));
        card.withArray("body").add(text(messages.get(language, "card.nudge-group-queued.text", recipients, echo(group))));
        if (guests > 0) {
            card.withArray("body").add(subtle(messages.get(language, "card.nudge-group-queued.guests", guests)));
        }
        return attachment(card);
    }

    /** What the operator sees after "sync photos for group …": how many syncs were queued, how many people left out. */
    Attachment syncGroupQueued(Locale language, String group, int members, int leftOut) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.sync-group-queued.title", echo(group))));
        card.withArray("body").add(text(messages.get(language, "card.sync-group-queued.text", members)));
        if (leftOut > 0) {
            card.withArray("body").add(subtle(messages.get(language, "card.sync-group-queued.left-out", leftOut)));
        }
        return attachment(card);
    }

    /** A card for a statement about something the person named: "no group named …", "… has no members". */
    Attachment about(Locale language, String key, String named) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, key + ".title")));
        card.withArray("body").add(text(messages.get(language, key + ".text", echo(named))));
        return attachment(card);
    }

    /** Several groups match what the operator typed: name them and show how to pick one. */
    Attachment whichGroup(Locale language, String typed, java.util.List<String> candidates) {
        java.util.List<String> names = candidates.stream().map(Cards::echo).toList();
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.group-ambiguous.title")));
        card.withArray("body").add(text(messages.get(language, "card.group-ambiguous.text", echo(typed), String.join(", ", names), names.get(0))));
        return attachment(card);
    }

    /**
     * The sign-in card: an OAuth card whose {@code tokenExchangeResource} lets Teams sign the
     * person in silently, with a button to PhotoSync's own consent page for when it cannot.
     */
    Attachment signIn(Locale language, String exchangeId, String resourceUri, String pageUrl) {
        com.microsoft.bot.schema.OAuthCard card = new com.microsoft.bot.schema.OAuthCard();
        card.setText(messages.get(language, "card.sign-in.text"));
        card.setConnectionName("");
        card.setButtons(new com.microsoft.bot.schema.CardAction(com.microsoft.bot.schema.ActionTypes.SIGNIN,
                messages.get(language, "card.sign-in.button"), pageUrl));
        card.setTokenExchangeResource(new com.microsoft.bot.schema.TokenExchangeResource(exchangeId, resourceUri, null));
        return card.toAttachment();
    }

    /** Teams reported {@code signin/failure}: what happened, in plain words, and Teams' own code. */
    Attachment signInFailed(Locale language, String code) {
        String known = code.matches("[a-z]{1,40}") && messages.has(language, "sign-in-failure." + code) ? code : "other";
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.sign-in-failed.title")));
        card.withArray("body").add(text(messages.get(language, "card.sign-in-failed.text", messages.get(language, "sign-in-failure." + known), echo(code))));
        return attachment(card);
    }

    /** "Syncing Alice's photo…", for the operator who asked. */
    Attachment colleagueSyncing(Locale language, String name) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.colleague-syncing.title", echo(name))));
        card.withArray("body").add(text(messages.get(language, "card.colleague-syncing.text")));
        return attachment(card);
    }

    /**
     * Several people match what the operator typed: each with name, mail, job title and
     * department, and a button that sends the command again for exactly that person.
     */
    Attachment choosePerson(Locale language, String typed, List<DirectoryUser> people, String commandPrefix, String buttonKey) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, "card.choose-person.title", echo(typed))));
        body.add(text(messages.get(language, "card.choose-person.text")));
        people.forEach(person -> body.add(personRow(language, person, commandPrefix, buttonKey)));
        return attachment(card);
    }

    /** Nobody matched: say so, and offer the closest people the directory knows, with a button each. */
    Attachment noSuchPerson(Locale language, String typed, List<DirectoryUser> suggestions, String commandPrefix, String buttonKey) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, "card.no-such-user.title")));
        body.add(text(messages.get(language, "card.no-such-user.text", echo(typed))));
        if (!suggestions.isEmpty()) {
            body.add(text(messages.get(language, "card.no-such-user.suggestions")));
            suggestions.forEach(person -> body.add(personRow(language, person, commandPrefix, buttonKey)));
        }
        return attachment(card);
    }

    private ObjectNode personRow(Locale language, DirectoryUser person, String commandPrefix, String buttonKey) {
        ObjectNode row = MAPPER.createObjectNode().put("type", "ColumnSet").put("separator", true);
        ObjectNode who = row.withArray("columns").addObject().put("type", "Column").put("width", "stretch");
        who.withArray("items").add(text(echo(person.displayName())).put("weight", "Bolder"));
        String details = java.util.stream.Stream.of(person.mail() != null ? person.mail() : person.userPrincipalName(), person.jobTitle(), person.department())
                .filter(value -> value != null && !value.isBlank()).map(Cards::echo).collect(java.util.stream.Collectors.joining(" · "));
        who.withArray("items").add(subtle(details).put("spacing", "None"));
        ObjectNode button = row.withArray("columns").addObject().put("type", "Column").put("width", "auto")
                .put("verticalContentAlignment", "Center");
        ObjectNode submit = button.withArray("items").addObject().put("type", "ActionSet").withArray("actions").addObject()
                .put("type", "Action.Submit").put("title", messages.get(language, buttonKey));
        submit.putObject("data").put(ACTION_KEY, COMMAND_ACTION).put(COMMAND_KEY, commandPrefix + person.userPrincipalName());
        return row;
    }

    /** The last audit entries about a person, newest first. */
    Attachment history(Locale language, String name, List<io.photosync.audit.AuditEntry> entries) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, "card.history.title", echo(name))));
        if (entries.isEmpty()) {
            body.add(text(messages.get(language, "card.history.empty")));
        }
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
        for (io.photosync.audit.AuditEntry entry : entries) {
            String action = messages.has(language, "action." + entry.action()) ? messages.get(language, "action." + entry.action()) : entry.action();
            String mode = entry.mode() == null ? "" : messages.get(language, "card.history.mode", entry.mode());
            String who = entry.requesterUpn() != null ? entry.requesterUpn() : String.valueOf(entry.requesterId());
            body.add(text(messages.get(language, "card.history.entry", when.format(entry.at()), action, entry.outcome(), mode, echo(who)))
                    .put("size", "Small").put("separator", true));
        }
        return attachment(card);
    }

    /** To a colleague whose photo the helpdesk synced: who did it, and that they need do nothing. */
    Attachment syncedByHelpdesk(Locale language, String operatorName) {
        ObjectNode card = card();
        card.withArray("body").add(title(messages.get(language, "card.synced-by-helpdesk.title")));
        card.withArray("body").add(text(messages.get(language, "card.synced-by-helpdesk.text", echo(operatorName))));
        return attachment(card);
    }

    /**
     * The photo doctor's findings, one line each with a mark (✔ fine, ✘ wrong, ℹ worth knowing) and,
     * for what is wrong, what to do; a sync button when a sync fixes it.
     *
     * @param syncCommand the command the button sends ("sync photo for …"); null for the person's own button
     */
    Attachment diagnosis(Locale language, io.photosync.sync.Diagnosis diagnosis, String name, String syncCommand) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, "card.doctor.title", echo(name))));
        for (io.photosync.sync.Diagnosis.Finding finding : diagnosis.findings()) {
            String key = "doctor." + finding.check().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (finding.variant().isEmpty() ? "" : "." + finding.variant()) + "." + finding.status().name().toLowerCase(Locale.ROOT);
            String mark = switch (finding.status()) {
                case OK -> "✔";
                case PROBLEM -> "✘";
                case INFO -> "ℹ";
            };
            Object[] arguments = {echo(name), finding.detail() == null ? "" : echo(finding.detail())};
            body.add(text(mark + " " + messages.get(language, key, arguments)).put("spacing", "Small"));
            if (finding.status() == io.photosync.sync.Diagnosis.Status.PROBLEM && messages.has(language, key + ".next")) {
                body.add(subtle(messages.get(language, "card.next", messages.get(language, key + ".next", arguments))).put("spacing", "None"));
            }
        }
        if (diagnosis.healthy()) {
            body.add(text(messages.get(language, "card.doctor.healthy")));
        }
        if (diagnosis.syncWouldHelp()) {
            if (syncCommand == null) {
                card.withArray("actions").add(syncAction(language, "card.doctor.sync"));
            } else {
                ObjectNode submit = card.withArray("actions").addObject().put("type", "Action.Submit").put("title", messages.get(language, "card.doctor.sync"));
                submit.putObject("data").put(ACTION_KEY, COMMAND_ACTION).put(COMMAND_KEY, syncCommand);
            }
        }
        return attachment(card);
    }

    /** The preflight check's lines as the command line prints them, and whether all passed. */
    Attachment preflight(Locale language, List<String> lines, boolean passed) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(messages.get(language, passed ? "card.preflight.passed" : "card.preflight.failed")));
        lines.forEach(line -> body.add(text(line).put("spacing", "Small").put("size", "Small")));
        body.add(subtle(messages.get(language, "card.preflight.more")));
        return attachment(card);
    }

    /** A scan under way: how many people were checked so far, by class. */
    Attachment scanProgress(Locale language, java.util.Map<io.photosync.sync.ScanClass, Integer> counts, String action) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        int checked = counts.values().stream().mapToInt(Integer::intValue).sum();
        body.add(title(messages.get(language, "card.scan.running.title")));
        body.add(text(messages.get(language, "card.scan.running.text", checked, messages.get(language, "card.scan.action." + action))));
        body.add(scanFacts(language, counts));
        return attachment(card);
    }

    /**
     * A run whose syncs or nudges are going: what the scan found (for a scan), then done / failed /
     * to go and, once something has ended, the time left at the pace so far.
     */
    Attachment runActing(Locale language, io.photosync.jobs.ScanRun run, java.util.Map<io.photosync.sync.ScanClass, Integer> counts,
                         io.photosync.jobs.RunProgress progress, java.time.Instant now) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(runTitle(language, run, counts, false)));
        if (!run.groupSync()) {
            body.add(scanFacts(language, counts));
        }
        body.add(text(messages.get(language, "card.run.acting." + (run.action().equals("nudge") ? "nudge" : "sync"), progress.total())));
        body.add(progressFacts(language, run, progress));
        leftOut(language, body, progress);
        body.add(subtle(progress.timeLeft(now).map(left -> messages.get(language, "card.run.time-left", about(language, left)))
                .orElse(messages.get(language, "card.run.time-left.unknown"))));
        return attachment(card);
    }

    /** A run that is over: what was found and done, and the link to the report of every person. */
    Attachment runFinished(Locale language, io.photosync.jobs.ScanRun run, java.util.Map<io.photosync.sync.ScanClass, Integer> counts,
                           io.photosync.jobs.RunProgress progress, String reportUrl) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(runTitle(language, run, counts, true)));
        if (!run.groupSync()) {
            body.add(scanFacts(language, counts));
        }
        if (run.acts() && progress.total() > 0) {
            body.add(progressFacts(language, run, progress));
        }
        leftOut(language, body, progress);
        boolean nothingToDo = run.acts() && progress.total() == 0;
        body.add(text(messages.get(language, nothingToDo ? "card.run.done.nothing" : "card.run.done." + run.action(), progress.done(), progress.failed())));
        if (reportUrl != null) {
            card.withArray("actions").addObject().put("type", "Action.OpenUrl")
                    .put("title", messages.get(language, "card.run.report")).put("url", reportUrl);
        }
        return attachment(card);
    }

    private void leftOut(Locale language, ArrayNode body, io.photosync.jobs.RunProgress progress) {
        if (progress.leftOut() > 0) {
            body.add(subtle(messages.get(language, "card.run.left-out", progress.leftOut())));
        }
    }

    private String runTitle(Locale language, io.photosync.jobs.ScanRun run, java.util.Map<io.photosync.sync.ScanClass, Integer> counts, boolean done) {
        if (run.groupSync()) {
            return messages.get(language, done ? "card.run.group.done.title" : "card.run.group.title", echo(run.title()));
        }
        int checked = counts.values().stream().mapToInt(Integer::intValue).sum();
        return messages.get(language, "card.scan.done.title", checked);
    }

    private ObjectNode progressFacts(Locale language, io.photosync.jobs.ScanRun run, io.photosync.jobs.RunProgress progress) {
        ObjectNode facts = MAPPER.createObjectNode().put("type", "FactSet");
        String done = run.action().equals("nudge") ? "card.run.nudged" : "card.run.synced";
        facts.withArray("facts").addObject().put("title", messages.get(language, done)).put("value", String.valueOf(progress.done()));
        facts.withArray("facts").addObject().put("title", messages.get(language, "card.run.failed")).put("value", String.valueOf(progress.failed()));
        facts.withArray("facts").addObject().put("title", messages.get(language, "card.run.remaining")).put("value", String.valueOf(progress.remaining()));
        return facts;
    }

    /** "less than a minute", "about 4 minutes", "about 2 hours". */
    private String about(Locale language, java.time.Duration left) {
        long minutes = Math.round(left.toSeconds() / 60.0);
        if (minutes < 1) {
            return messages.get(language, "duration.under-a-minute");
        }
        if (minutes < 90) {
            return messages.get(language, "duration.minutes", minutes);
        }
        return messages.get(language, "duration.hours", Math.round(minutes / 60.0));
    }

    private ObjectNode scanFacts(Locale language, java.util.Map<io.photosync.sync.ScanClass, Integer> counts) {
        ObjectNode facts = MAPPER.createObjectNode().put("type", "FactSet");
        for (io.photosync.sync.ScanClass scanClass : io.photosync.sync.ScanClass.values()) {
            facts.withArray("facts").addObject()
                    .put("title", messages.get(language, "scan.class." + scanClass.name().toLowerCase(Locale.ROOT)))
                    .put("value", String.valueOf(counts.getOrDefault(scanClass, 0)));
        }
        return facts;
    }

    private static ObjectNode card() {
        return MAPPER.createObjectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", "1.5");
    }

    private static ObjectNode title(String words) {
        return text(words).put("weight", "Bolder").put("size", "Medium");
    }

    private static ObjectNode text(String words) {
        return MAPPER.createObjectNode().put("type", "TextBlock").put("text", words).put("wrap", true);
    }

    private static ObjectNode subtle(String words) {
        return text(words).put("isSubtle", true).put("size", "Small");
    }

    /**
     * A value from a person or the directory, shortened, without the Markdown that could restyle
     * the card or make a link: emphasis ({@code *}, {@code ~}, backticks), link brackets, tables,
     * quotes, and a heading mark at the start. Parentheses, {@code #} and intraword underscores stay,
     * so "John Doe (Fabrikam)" and {@code john_fabrikam.com#EXT#@contoso.com} read as they are.
     */
    static String echo(String text) {
        String plain = text.replaceAll("[*`~\\[\\]|>]", "").replaceAll("(^|\\s)_+|_+(\\s|$)", "$1$2").replaceFirst("^\\s*#+", "").strip();
        return plain.length() <= MAX_ECHO ? plain : plain.substring(0, MAX_ECHO) + "…";
    }

    private static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
