package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import io.photosync.scan.RunProgress;
import io.photosync.scan.ScanClass;
import io.photosync.scan.ScanListener;
import io.photosync.scan.ScanRun;
import io.photosync.web.ReportPage;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the operator's card of a run up to date: counts while it scans, progress while it syncs or nudges, the result and report when it ends. */
final class RunReplies implements ScanListener {

    private static final Logger log = LoggerFactory.getLogger(RunReplies.class);

    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final RunCards cards;
    private final ConnectorRetry retry;
    private final String publicUrl;
    private final Clock clock;

    RunReplies(BotFrameworkAdapter adapter, String botAppId, RunCards cards, ConnectorRetry retry, String publicUrl, Clock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.cards = cards;
        this.retry = retry;
    }

    @Override
    public void progress(ScanRun run, Map<ScanClass, Integer> counts) {
        update(run, cards.scanProgress(Locale.forLanguageTag(run.language()), counts, run.action()));
    }

    @Override
    public void acting(ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress) {
        update(run, cards.runActing(Locale.forLanguageTag(run.language()), run, counts, progress, clock.instant()));
    }

    @Override
    public void finished(ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress) {
        update(run, cards.runFinished(Locale.forLanguageTag(run.language()), run, counts, progress, ReportPage.url(publicUrl, run.id())));
    }

    private void update(ScanRun run, Attachment card) {
        if (run.conversationJson() == null || run.cardId() == null) {
            return;
        }
        try {
            retry.run("the card of scan " + run.id(), () -> adapter.continueConversation(botAppId,
                    ConversationReferences.fromJson(run.conversationJson()), turn -> {
                        Activity update = MessageFactory.attachment(card);
                        update.setId(run.cardId());
                        return turn.updateActivity(update).thenApply(updated -> null);
                    }).join());
        } catch (RuntimeException e) {
            log.warn("could not update the card of scan {}: {}", run.id(), e.getMessage());
        }
    }
}
