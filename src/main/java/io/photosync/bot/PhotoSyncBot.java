package io.photosync.bot;

import static io.photosync.bot.Activities.commandTextOf;
import static io.photosync.bot.Activities.isCardAction;
import static io.photosync.bot.Activities.nudgeOf;
import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import io.photosync.i18n.Messages;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.sync.KeptPhoto;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Turns Teams activities into PhotoSync requests. A command (typed, a card's Action.Execute, or
 * its Action.Submit fallback) is parsed once and goes down one of two roads: the sender's own
 * requests ({@link SelfService}), or a helpdesk command, which waits for the sender's Teams SSO
 * sign-in and then runs ({@link OperatorTurns}). Every activity refreshes the sender's
 * conversation reference, so the bot can reach them again.
 */
final class PhotoSyncBot extends TeamsActivityHandler {

    private final CommandParser parser = new CommandParser();
    private final SelfService self;
    private final OperatorTurns operators;
    private final SignInFlow signIn;
    private final ConversationReferences conversations;
    private final Replies replies;

    PhotoSyncBot(SelfService self, OperatorTurns operators, SignInFlow signIn, ConversationReferences conversations, Replies replies) {
        this.self = self;
        this.operators = operators;
        this.signIn = signIn;
        this.conversations = conversations;
        this.replies = replies;
    }

    /** Teams SSO's invokes go to the sign-in flow; the rest (card actions) to the SDK's dispatch. */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        if (SignInFlow.handles(turn.getActivity().getName())) {
            return signIn.onInvoke(turn, this::resume);
        }
        return super.onInvokeActivity(turn);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        rememberSender(activity);
        boolean typedInNorwegian = !isCardAction(activity) && CommandParser.norwegian(commandTextOf(activity));
        Locale language = Messages.languageOf(typedInNorwegian ? "nb-NO" : activity.getLocale());
        BotCommand command = isCardAction(activity) ? new BotCommand.SyncMyPhoto() : parser.parse(commandTextOf(activity));
        Optional<SentImages.SentImage> image = SentImages.of(activity);
        if (image.isPresent() && !(command instanceof BotCommand.SetPhotoFor)) {
            return self.offerNewPhoto(turn, language, image.get()); // a picture is a new photo of the sender, whatever the words with it
        }
        return answer(turn, command, language, helpdesk -> operatorCommand(turn, helpdesk, language));
    }

    /** The helpdesk's commands: who asks is known from their Teams SSO sign-in, and checked for each. */
    private CompletableFuture<Void> operatorCommand(TurnContext turn, BotCommand.ForOperators command, Locale language) {
        Activity activity = turn.getActivity();
        String requester = senderOf(activity);
        if (requester == null) {
            return send(turn, replies.notices().notice(language, "card.unknown-sender"));
        }
        SyncJobRequest request = Activities.syncRequest(activity, requester, language);
        if (!signIn.signedIn(requester)) {
            return signIn.askFor(turn, language, request, commandTextOf(activity));
        }
        return operators.run(turn, command, new Helpdesk.Ask(requester, request.requester().displayName(), language, request.requestKey(),
                request.conversationJson(), activity.getId()));
    }

    /** The card's "Sync my photo" button on clients with Universal Actions: answered with the "Syncing…" card itself. */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turn, AdaptiveCardInvokeValue value) {
        Activity activity = turn.getActivity();
        Locale language = Messages.languageOf(activity.getLocale());
        if (!CardActions.SYNC_VERB.equals(value.getAction().getVerb())) {
            return CompletableFuture.completedFuture(cardResponse(replies.notices().help(language, null)));
        }
        rememberSender(activity);
        String subjectId = senderOf(activity);
        if (subjectId == null) {
            return CompletableFuture.completedFuture(cardResponse(replies.notices().notice(language, "card.unknown-sender")));
        }
        SyncJobRequest request = Activities.syncRequest(activity, subjectId, language);
        String nudgeId = nudgeOf(value.getAction().getData());
        if (self.mustSignIn(subjectId)) {
            return signIn.ask(turn, language, request, activity.getReplyToId(), nudgeId)
                    .thenApply(asked -> cardResponse(replies.notices().notice(language, "card.signing-in")));
        }
        self.acceptFromCard(request, nudgeId, activity.getReplyToId());
        return CompletableFuture.completedFuture(cardResponse(replies.sync().syncing(language)));
    }

    /**
     * Says hello with the welcome card when the bot is added to a 1:1 chat. PhotoSync is a
     * personal app: added to a team or a group chat anyway (an admin's policy, a sideload), it
     * says nothing there rather than post its card to everyone.
     */
    @Override
    protected CompletableFuture<Void> onMembersAdded(List<ChannelAccount> membersAdded, TurnContext turn) {
        String botId = turn.getActivity().getRecipient() == null ? null : turn.getActivity().getRecipient().getId();
        String conversationType = turn.getActivity().getConversation().getConversationType();
        boolean shared = "channel".equals(conversationType) || "groupChat".equals(conversationType);
        if (botId != null && !shared && membersAdded.stream().anyMatch(member -> botId.equals(member.getId()))) {
            rememberSender(turn.getActivity());
            return send(turn, replies.notices().help(Messages.languageOf(turn.getActivity().getLocale()), null));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        rememberSender(turn.getActivity());
        return CompletableFuture.completedFuture(null);
    }

    /** The app was removed: no more sends there, and no delegated token kept for them. */
    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        Optional.ofNullable(senderOf(turn.getActivity())).ifPresent(subjectId -> {
            conversations.forget(subjectId);
            signIn.signOut(subjectId);
        });
        return CompletableFuture.completedFuture(null);
    }

    /** The sender of a parked request is signed in now: a typed command is read again, their own sync resumes. */
    private CompletableFuture<Void> resume(TurnContext turn, SignIns.Pending pending) {
        if (pending.command() == null) {
            return self.resume(turn, pending);
        }
        Helpdesk.Ask ask = new Helpdesk.Ask(pending.subjectId(), null, Locale.forLanguageTag(pending.language()), pending.requestKey(),
                pending.conversationJson(), pending.id());
        return answer(turn, parser.parse(pending.command()), ask.language(), helpdesk -> operators.run(turn, helpdesk, ask));
    }

    /** The sender's own requests are answered at once; a helpdesk command takes {@code operatorRoad}. */
    private CompletableFuture<Void> answer(TurnContext turn, BotCommand command, Locale language,
                                           Function<BotCommand.ForOperators, CompletableFuture<Void>> operatorRoad) {
        if (command instanceof BotCommand.UndoVersion undo) {
            Optional<KeptPhoto> own = self.ownVersion(turn, undo.versionId());
            if (own.isPresent()) {
                return self.undo(turn, language, own);
            }
        }
        return command.route(new BotCommand.Routes<>() {
            @Override
            public CompletableFuture<Void> oneself(BotCommand.ForOneself own) {
                return self.answer(turn, own, language);
            }

            @Override
            public CompletableFuture<Void> operators(BotCommand.ForOperators helpdesk) {
                return operatorRoad.apply(helpdesk);
            }
        });
    }

    private void rememberSender(Activity activity) {
        String subjectId = senderOf(activity);
        if (subjectId != null && "personal".equals(activity.getConversation().getConversationType())) {
            conversations.remember(subjectId, activity.getConversation().getTenantId(), activity.getConversationReference());
        }
    }

    private static AdaptiveCardInvokeResponse cardResponse(Attachment card) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(AdaptiveCard.CONTENT_TYPE);
        response.setValue(card.getContent());
        return response;
    }
}
