package io.photosync.bot;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsActivityHandler;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ResourceResponse;
import io.photosync.jobs.Nudges;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Turns Teams activities into PhotoSync requests. A command (typed, a card's Action.Execute, or
 * its Action.Submit fallback) becomes a help card or a durable sync job, answered at once with a
 * "Syncing…" card that {@link JobCards} later replaces with the result. Every activity refreshes
 * the sender's conversation reference, so the bot can reach them again.
 */
final class PhotoSyncBot extends TeamsActivityHandler {

    private final CommandParser parser = new CommandParser();
    private final Cards cards;
    private final SyncJobs jobs;
    private final Nudges nudges;
    private final ConversationReferences conversations;
    private final OperatorNudges operatorNudges;
    private final Helpdesk helpdesk;
    private final io.photosync.sync.PhotoDoctor doctor;
    private final io.photosync.audit.AuditLog audit;
    private final SignInFlow signIn;
    private final SyncProperties.SelfMode selfMode;

    PhotoSyncBot(Cards cards, SyncJobs jobs, Nudges nudges, ConversationReferences conversations, OperatorNudges operatorNudges,
                 Helpdesk helpdesk, io.photosync.sync.PhotoDoctor doctor, io.photosync.audit.AuditLog audit, SignInFlow signIn,
                 SyncProperties.SelfMode selfMode) {
        this.doctor = doctor;
        this.audit = audit;
        this.cards = cards;
        this.jobs = jobs;
        this.nudges = nudges;
        this.conversations = conversations;
        this.operatorNudges = operatorNudges;
        this.helpdesk = helpdesk;
        this.signIn = signIn;
        this.selfMode = selfMode;
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
        BotCommand command = commandOf(activity);
        if (command instanceof BotCommand.SyncMyPhoto) {
            return syncSender(turn, language);
        }
        if (command instanceof BotCommand.Doctor doctor && doctor.who() == null) {
            return examineSender(turn, language);
        }
        if (isOperatorCommand(command)) {
            String requester = subjectOf(activity);
            if (requester == null) {
                return send(turn, cards.notice(language, "card.unknown-sender")).thenApply(sent -> null);
            }
            SyncJobRequest request = requestFrom(activity, requester, language);
            if (!signIn.signedIn(requester)) {
                return signIn.askFor(turn, language, request, commandTextOf(activity));
            }
            return runOperatorCommand(turn, command, new Helpdesk.Ask(requester, language, request.requestKey(),
                    request.conversationJson(), activity.getId()));
        }
        String notUnderstood = command instanceof BotCommand.Unknown unknown ? unknown.text() : null;
        return send(turn, cards.help(language, notUnderstood)).thenApply(sent -> null);
    }

    /** The helpdesk's commands: who asks is known from their Teams SSO sign-in, and checked for each. */
    private static boolean isOperatorCommand(BotCommand command) {
        return command instanceof BotCommand.SyncColleague || command instanceof BotCommand.History
                || command instanceof BotCommand.Nudge || command instanceof BotCommand.NudgeGroup || command instanceof BotCommand.Preflight
                || command instanceof BotCommand.Scan || command instanceof BotCommand.SyncGroup
                || (command instanceof BotCommand.Doctor doctor && doctor.who() != null);
    }

    /**
     * Runs an operator's command. Whether they are an operator is itself a directory question
     * (their groups); when the directory cannot answer, they are told so, and nothing is done.
     */
    private CompletableFuture<Void> runOperatorCommand(TurnContext turn, BotCommand command, Helpdesk.Ask ask) {
        try {
            return dispatchOperatorCommand(turn, command, ask);
        } catch (RemoteServiceException e) {
            return send(turn, cards.about(ask.language(), "card.directory-unavailable", e.getMessage())).thenApply(sent -> null);
        }
    }

    private CompletableFuture<Void> dispatchOperatorCommand(TurnContext turn, BotCommand command, Helpdesk.Ask ask) {
        if (command instanceof BotCommand.SyncColleague colleague) {
            return helpdesk.syncColleague(turn, ask, colleague.who());
        }
        if (command instanceof BotCommand.History history) {
            return helpdesk.history(turn, ask, history.who());
        }
        if (command instanceof BotCommand.Doctor doctor) {
            return helpdesk.doctor(turn, ask, doctor.who());
        }
        if (command instanceof BotCommand.Preflight preflight) {
            return helpdesk.preflight(turn, ask, preflight.testUser());
        }
        if (command instanceof BotCommand.SyncGroup group) {
            OperatorNudges.Reply reply = operatorNudges.syncGroup(ask.requesterId(), ask.language(), group.name(), ask.correlationId());
            if (reply.card() == null) {
                return CompletableFuture.completedFuture(null); // a repeated delivery
            }
            return send(turn, reply.card()).thenAccept(sent -> {
                if (reply.runId() != null) {
                    operatorNudges.watch(reply.runId(), ask.conversationJson(), sent == null ? null : sent.getId());
                }
            });
        }
        if (command instanceof BotCommand.Scan scan) {
            return helpdesk.scan(turn, ask, scan.action());
        }
        if (command instanceof BotCommand.NudgeGroup nudge) {
            return send(turn, operatorNudges.group(ask.requesterId(), ask.language(), nudge.name(), ask.correlationId())).thenApply(sent -> null);
        }
        BotCommand.Nudge nudge = (BotCommand.Nudge) command;
        return send(turn, operatorNudges.people(ask.requesterId(), ask.language(), nudge.who(), ask.correlationId())).thenApply(sent -> null);
    }

    /** The card's "Sync my photo" button on clients with Universal Actions: answered with the "Syncing…" card itself. */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turn, AdaptiveCardInvokeValue value) {
        Activity activity = turn.getActivity();
        Locale language = Messages.languageOf(activity.getLocale());
        if (!Cards.SYNC_VERB.equals(value.getAction().getVerb())) {
            return CompletableFuture.completedFuture(cardResponse(cards.help(language, null)));
        }
        rememberSender(activity);
        String subjectId = subjectOf(activity);
        if (subjectId == null) {
            return CompletableFuture.completedFuture(cardResponse(cards.notice(language, "card.unknown-sender")));
        }
        SyncJobRequest request = requestFrom(activity, subjectId, language);
        if (mustSignIn(subjectId)) {
            return signIn.ask(turn, language, request, activity.getReplyToId(), nudgeOf(value.getAction().getData()))
                    .thenApply(asked -> cardResponse(cards.notice(language, "card.signing-in")));
        }
        jobs.accept(request).ifPresent(job -> {
            recordNudgeTap(nudgeOf(value.getAction().getData()), subjectId, job.id());
            jobs.start(job.id(), activity.getReplyToId());
        });
        return CompletableFuture.completedFuture(cardResponse(cards.syncing(language)));
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
            return send(turn, cards.help(Messages.languageOf(turn.getActivity().getLocale()), null)).thenApply(sent -> null);
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
        Optional.ofNullable(subjectOf(turn.getActivity())).ifPresent(subjectId -> {
            conversations.forget(subjectId);
            signIn.signOut(subjectId);
        });
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> syncSender(TurnContext turn, Locale language) {
        Activity activity = turn.getActivity();
        String subjectId = subjectOf(activity);
        if (subjectId == null) {
            return send(turn, cards.notice(language, "card.unknown-sender")).thenApply(sent -> null);
        }
        SyncJobRequest request = requestFrom(activity, subjectId, language);
        if (mustSignIn(subjectId)) {
            String tappedCard = isCardAction(activity) ? activity.getReplyToId() : null;
            return signIn.ask(turn, language, request, tappedCard, nudgeOf(activity.getValue()));
        }
        Optional<SyncJob> accepted = jobs.accept(request);
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the first one was answered
        }
        String jobId = accepted.get().id();
        recordNudgeTap(nudgeOf(activity.getValue()), subjectId, jobId);
        return startWithCard(jobId, showSyncing(turn, language));
    }

    /** "Why is my photo not showing?": the photo doctor about the sender; reading needs no sign-in. */
    private CompletableFuture<Void> examineSender(TurnContext turn, Locale language) {
        String subjectId = subjectOf(turn.getActivity());
        if (subjectId == null) {
            return send(turn, cards.notice(language, "card.unknown-sender")).thenApply(sent -> null);
        }
        try {
            io.photosync.sync.Diagnosis diagnosis = doctor.examine(subjectId);
            String upn = diagnosis.user() == null ? null : diagnosis.user().userPrincipalName();
            String name = diagnosis.user() == null ? subjectId : diagnosis.user().displayName();
            audit.record(subjectId, upn, subjectId, upn, "doctor", null, diagnosis.healthy() ? "healthy" : "problems",
                    Helpdesk.summary(diagnosis), null, null, null, turn.getActivity().getId());
            return send(turn, cards.diagnosis(language, diagnosis, name, null)).thenApply(sent -> null);
        } catch (io.photosync.sync.RemoteServiceException e) {
            return send(turn, cards.about(language, "card.directory-unavailable", e.getMessage())).thenApply(sent -> null);
        }
    }

    /**
     * The sender of a parked request is signed in now: a typed command is read again; their own
     * sync becomes a job, its card "Syncing…".
     */
    private CompletableFuture<Void> resume(TurnContext turn, SignIns.Pending pending) {
        Locale asked = Locale.forLanguageTag(pending.language());
        if (pending.command() != null) {
            return runOperatorCommand(turn, parser.parse(pending.command()), new Helpdesk.Ask(pending.subjectId(), asked,
                    pending.requestKey(), pending.conversationJson(), pending.id()));
        }
        Optional<SyncJob> accepted = jobs.accept(pending.toJobRequest());
        if (accepted.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String jobId = accepted.get().id();
        recordNudgeTap(pending.nudgeId(), pending.subjectId(), jobId);
        Locale language = Locale.forLanguageTag(pending.language());
        if (pending.cardId() == null) {
            return startWithCard(jobId, send(turn, cards.syncing(language)).thenApply(ResourceResponse::getId));
        }
        Activity update = MessageFactory.attachment(cards.syncing(language));
        update.setId(pending.cardId());
        return startWithCard(jobId, turn.updateActivity(update).handle((updated, error) -> pending.cardId()));
    }

    /** Queues the job with the card it will update, even when showing that card failed. */
    private CompletableFuture<Void> startWithCard(String jobId, CompletableFuture<String> card) {
        return card.handle((cardId, error) -> {
            jobs.start(jobId, cardId);
            if (error != null) {
                throw new java.util.concurrent.CompletionException(error);
            }
            return null;
        });
    }

    /** Whether this person's own sync has to wait for Teams SSO first. */
    private boolean mustSignIn(String subjectId) {
        return selfMode.needsSignIn() && !signIn.signedIn(subjectId);
    }

    /** A button's Action.Submit turns its own card into "Syncing…"; a typed command gets a new card. */
    private CompletableFuture<String> showSyncing(TurnContext turn, Locale language) {
        Activity activity = turn.getActivity();
        if (isCardAction(activity) && activity.getReplyToId() != null) {
            Activity update = MessageFactory.attachment(cards.syncing(language));
            update.setId(activity.getReplyToId());
            return turn.updateActivity(update).thenApply(updated -> activity.getReplyToId());
        }
        return send(turn, cards.syncing(language)).thenApply(ResourceResponse::getId);
    }

    /** A sync that came from a nudge card's button is counted as that nudge's tap. */
    private void recordNudgeTap(String campaignId, String subjectId, String jobId) {
        if (campaignId != null) {
            nudges.tapped(campaignId, subjectId, jobId);
        }
    }

    /** The nudge campaign a button's data names, if it came from a nudge card. */
    private static String nudgeOf(Object data) {
        return data instanceof Map<?, ?> values && values.get(Cards.NUDGE_KEY) instanceof String campaignId ? campaignId : null;
    }

    private void rememberSender(Activity activity) {
        String subjectId = subjectOf(activity);
        if (subjectId != null && "personal".equals(activity.getConversation().getConversationType())) {
            conversations.remember(subjectId, activity.getConversation().getTenantId(), activity.getConversationReference());
        }
    }

    private static SyncJobRequest requestFrom(Activity activity, String subjectId, Locale language) {
        String id = activity.getId() != null ? activity.getId() : UUID.randomUUID().toString();
        String key = activity.getChannelId() + ":" + activity.getConversation().getId() + ":" + activity.getType() + ":" + id;
        return new SyncJobRequest(key, subjectId, subjectId, language.toLanguageTag(),
                ConversationReferences.toJson(activity.getConversationReference()));
    }

    private BotCommand commandOf(Activity activity) {
        return isCardAction(activity) ? new BotCommand.SyncMyPhoto() : parser.parse(commandTextOf(activity));
    }

    /** What was typed, or what a command button (choice and suggestion cards) sends as if typed. */
    private static String commandTextOf(Activity activity) {
        if ((activity.getText() == null || activity.getText().isBlank()) && activity.getValue() instanceof Map<?, ?> value
                && Cards.COMMAND_ACTION.equals(value.get(Cards.ACTION_KEY)) && value.get(Cards.COMMAND_KEY) instanceof String command) {
            return command;
        }
        return activity.getText();
    }

    /** Action.Submit sends the button's data as the message's value, with no text. */
    private static boolean isCardAction(Activity activity) {
        return (activity.getText() == null || activity.getText().isBlank()) && activity.getValue() instanceof Map<?, ?> value
                && Cards.SYNC_ACTION.equals(value.get(Cards.ACTION_KEY));
    }

    private static String subjectOf(Activity activity) {
        String id = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        return id == null || id.isBlank() ? null : id;
    }

    private static CompletableFuture<ResourceResponse> send(TurnContext turn, Attachment card) {
        return turn.sendActivity(MessageFactory.attachment(card));
    }

    private static AdaptiveCardInvokeResponse cardResponse(Attachment card) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(Cards.CONTENT_TYPE);
        response.setValue(card.getContent());
        return response;
    }
}
