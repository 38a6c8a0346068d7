package io.photosync.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Attachment;
import io.photosync.scan.RunAction;
import io.photosync.sync.RemoteServiceException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a helpdesk command for a signed-in sender: the helpdesk's own commands and the nudges and
 * group syncs. Whether they are an operator is itself a directory question (their groups); when
 * the directory cannot answer, they are told so, and nothing is done.
 */
final class OperatorTurns {

    private final Helpdesk helpdesk;
    private final OperatorNudges nudges;
    private final Notices notices;

    OperatorTurns(Helpdesk helpdesk, OperatorNudges nudges, Notices notices) {
        this.helpdesk = helpdesk;
        this.nudges = nudges;
        this.notices = notices;
    }

    CompletableFuture<Void> run(TurnContext turn, BotCommand.ForOperators command, Helpdesk.Ask ask) {
        try {
            return command.runBy(new Commands(turn, ask));
        } catch (RemoteServiceException e) {
            return send(turn, notices.about(ask.language(), "card.directory-unavailable", e.getMessage()));
        }
    }

    /** The commands of one turn, each answered in it. */
    private final class Commands implements BotCommand.OperatorRequests<CompletableFuture<Void>> {
        private final TurnContext turn;
        private final Helpdesk.Ask ask;

        Commands(TurnContext turn, Helpdesk.Ask ask) {
            this.turn = turn;
            this.ask = ask;
        }

        @Override
        public CompletableFuture<Void> syncColleague(String who) {
            return helpdesk.syncColleague(turn, ask, who);
        }

        @Override
        public CompletableFuture<Void> history(String who) {
            return helpdesk.history(turn, ask, who);
        }

        @Override
        public CompletableFuture<Void> doctor(String who) {
            return helpdesk.doctor(turn, ask, who);
        }

        @Override
        public CompletableFuture<Void> undoFor(String who) {
            return helpdesk.undo(turn, ask, who);
        }

        @Override
        public CompletableFuture<Void> undoVersion(String versionId) {
            return helpdesk.undoVersion(turn, ask, versionId);
        }

        @Override
        public CompletableFuture<Void> setPhotoFor(String who) {
            return helpdesk.setPhoto(turn, ask, who);
        }

        @Override
        public CompletableFuture<Void> preflight(String testUser) {
            return helpdesk.preflight(turn, ask, testUser);
        }

        @Override
        public CompletableFuture<Void> scan(RunAction action) {
            return helpdesk.scan(turn, ask, action);
        }

        @Override
        public CompletableFuture<Void> nudge(List<String> who) {
            return send(turn, nudges.people(ask.requesterId(), ask.language(), who, ask.correlationId()));
        }

        @Override
        public CompletableFuture<Void> nudgeGroup(String name) {
            return send(turn, nudges.group(ask.requesterId(), ask.language(), name, ask.correlationId()));
        }

        /** The run's card follows the run once it is sent; a repeated delivery answers nothing. */
        @Override
        public CompletableFuture<Void> syncGroup(String name) {
            OperatorNudges.Reply reply = nudges.syncGroup(ask.requesterId(), ask.language(), name, ask.correlationId());
            if (reply.card() == null) {
                return CompletableFuture.completedFuture(null);
            }
            return turn.sendActivity(MessageFactory.attachment(reply.card())).thenAccept(sent -> {
                if (reply.runId() != null) {
                    nudges.watch(reply.runId(), ask.conversationJson(), sent == null ? null : sent.getId());
                }
            });
        }
    }

    private static CompletableFuture<Void> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card)).thenApply(sent -> null);
    }
}
