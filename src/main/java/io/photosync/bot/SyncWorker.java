package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs syncs off the request thread and, when one ends, replaces its "Syncing…" card with the
 * result. In-process for now: a sync in flight when the process stops is lost (the durable job
 * queue replaces this). Two syncs of one person never run at once.
 */
final class SyncWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

    /** One accepted request: whose photo, which card to update, in which conversation and language. */
    record Ticket(String subjectId, Locale language, ConversationReference conversation, String cardActivityId) {
    }

    private final PhotoSyncService service;
    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final Cards cards;
    private final ExecutorService executor;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    SyncWorker(PhotoSyncService service, BotFrameworkAdapter adapter, String botAppId, Cards cards, ExecutorService executor) {
        this.service = service;
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.cards = cards;
        this.executor = executor;
    }

    /** Claims the subject; false when a sync of theirs is already running. */
    boolean claim(String subjectId) {
        return running.add(subjectId);
    }

    /** Starts a claimed sync; false (and the claim released) when the worker is saturated. */
    boolean start(Ticket ticket) {
        try {
            executor.execute(() -> run(ticket));
            return true;
        } catch (RejectedExecutionException e) {
            running.remove(ticket.subjectId());
            return false;
        }
    }

    void release(String subjectId) {
        running.remove(subjectId);
    }

    private void run(Ticket ticket) {
        long started = System.nanoTime();
        SyncOutcome outcome;
        try {
            outcome = service.sync(new SyncRequest(ticket.subjectId()));
        } catch (RuntimeException e) {
            log.error("sync of {} failed unexpectedly", ticket.subjectId(), e);
            outcome = new SyncOutcome.Failed(e.getClass().getSimpleName(), true);
        } finally {
            running.remove(ticket.subjectId());
        }
        log.info("sync of {} ended: {} in {} ms", ticket.subjectId(), outcome.code(), (System.nanoTime() - started) / 1_000_000);
        replaceCard(ticket, cards.result(ticket.language(), outcome));
    }

    /** Updates the "Syncing…" card in place; if the channel refuses the update, sends the result as a new message. */
    private void replaceCard(Ticket ticket, Attachment card) {
        try {
            adapter.continueConversation(botAppId, ticket.conversation(), turn -> {
                Activity update = MessageFactory.attachment(card);
                update.setId(ticket.cardActivityId());
                return turn.updateActivity(update)
                        .exceptionallyCompose(e -> {
                            log.warn("could not update the card of {} in place ({}); sending a new one", ticket.subjectId(), e.getMessage());
                            return turn.sendActivity(MessageFactory.attachment(card));
                        })
                        .thenApply(sent -> null);
            }).join();
        } catch (RuntimeException e) {
            log.error("could not tell {} how their sync ended", ticket.subjectId(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
