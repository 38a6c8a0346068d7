package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import io.photosync.scan.RunAction;
import io.photosync.scan.RunProgress;
import io.photosync.scan.ScanClass;
import io.photosync.scan.ScanRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The card of a run (a scan, a group sync) as it goes: scanning, acting, finished with its report. */
final class RunCards {

    private final Messages messages;

    RunCards(Messages messages) {
        this.messages = messages;
    }

    /** A scan under way: how many people were checked so far, by class. */
    Attachment scanProgress(Locale language, Map<ScanClass, Integer> counts, RunAction action) {
        return new AdaptiveCard().title(messages.get(language, "card.scan.running.title"))
                .text(messages.get(language, "card.scan.running.text", checked(counts), messages.get(language, "card.scan.action." + action.key())))
                .add(scanFacts(language, counts)).attachment();
    }

    /**
     * A run whose syncs or nudges are going: what the scan found (for a scan), then done / failed /
     * to go and, once something has ended, the time left at the pace so far.
     */
    Attachment runActing(Locale language, ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress, Instant now) {
        AdaptiveCard card = new AdaptiveCard().title(runTitle(language, run, counts, false));
        if (!run.groupSync()) {
            card.add(scanFacts(language, counts));
        }
        card.text(messages.get(language, "card.run.acting." + (run.action() == RunAction.NUDGE ? "nudge" : "sync"), progress.total()))
                .add(progressFacts(language, run, progress));
        leftOut(language, card, progress);
        return card.subtle(progress.timeLeft(now).map(left -> messages.get(language, "card.run.time-left", about(language, left)))
                .orElse(messages.get(language, "card.run.time-left.unknown"))).attachment();
    }

    /** A run that is over: what was found and done, and the link to the report of every person. */
    Attachment runFinished(Locale language, ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress, String reportUrl) {
        AdaptiveCard card = new AdaptiveCard().title(runTitle(language, run, counts, true));
        if (!run.groupSync()) {
            card.add(scanFacts(language, counts));
        }
        if (run.acts() && progress.total() > 0) {
            card.add(progressFacts(language, run, progress));
        }
        leftOut(language, card, progress);
        boolean nothingToDo = run.acts() && progress.total() == 0;
        card.text(messages.get(language, nothingToDo ? "card.run.done.nothing" : "card.run.done." + run.action().key(), progress.done(), progress.failed()));
        if (reportUrl != null) {
            card.openUrl(messages.get(language, "card.run.report"), reportUrl);
        }
        return card.attachment();
    }

    private void leftOut(Locale language, AdaptiveCard card, RunProgress progress) {
        if (progress.leftOut() > 0) {
            card.subtle(messages.get(language, "card.run.left-out", progress.leftOut()));
        }
    }

    private String runTitle(Locale language, ScanRun run, Map<ScanClass, Integer> counts, boolean done) {
        if (run.groupSync()) {
            return messages.get(language, done ? "card.run.group.done.title" : "card.run.group.title", echo(run.title()));
        }
        return messages.get(language, "card.scan.done.title", checked(counts));
    }

    private ObjectNode progressFacts(Locale language, ScanRun run, RunProgress progress) {
        String done = run.action() == RunAction.NUDGE ? "card.run.nudged" : "card.run.synced";
        return AdaptiveCard.factSet(messages.get(language, done), String.valueOf(progress.done()),
                messages.get(language, "card.run.failed"), String.valueOf(progress.failed()),
                messages.get(language, "card.run.remaining"), String.valueOf(progress.remaining()));
    }

    /** "less than a minute", "about 4 minutes", "about 2 hours". */
    private String about(Locale language, Duration left) {
        long minutes = Math.round(left.toSeconds() / 60.0);
        if (minutes < 1) {
            return messages.get(language, "duration.under-a-minute");
        }
        if (minutes < 90) {
            return messages.get(language, "duration.minutes", minutes);
        }
        return messages.get(language, "duration.hours", Math.round(minutes / 60.0));
    }

    private ObjectNode scanFacts(Locale language, Map<ScanClass, Integer> counts) {
        List<String> facts = new ArrayList<>();
        for (ScanClass scanClass : ScanClass.values()) {
            facts.add(messages.get(language, "scan.class." + scanClass.name().toLowerCase(Locale.ROOT)));
            facts.add(String.valueOf(counts.getOrDefault(scanClass, 0)));
        }
        return AdaptiveCard.factSet(facts.toArray(String[]::new));
    }

    private static int checked(Map<ScanClass, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
