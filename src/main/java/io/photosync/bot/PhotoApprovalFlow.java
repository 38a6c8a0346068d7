package io.photosync.bot;

import static io.photosync.bot.Activities.send;
import static io.photosync.bot.Activities.senderOf;
import static io.photosync.bot.Activities.showInPlaceOrNew;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.GroupDirectory;
import io.photosync.sync.NewPhoto;
import io.photosync.sync.NewPhotos;
import io.photosync.sync.RemoteServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Approval of new photos ({@code PHOTOSYNC_PHOTO_APPROVAL}): "Use it" sends each approver who has
 * a chat with the bot a card with the photo, Approve, and Reject with a reason; the person's card
 * says it waits. The first decision counts: approved, the photo becomes the person's job, written
 * with PhotoSync's application permission, their card following it to the result; rejected, it is
 * deleted and they are told why. Every approver's card shows the decision; every step is audited;
 * everything lives in the database, so a restart in between loses nothing. Undecided photos expire.
 */
final class PhotoApprovalFlow {

    static final String APPROVE = "approve new photo ";
    static final String APPROVE_NB = "godkjenn nytt bilde ";
    static final String REJECT = "reject new photo ";
    static final String REJECT_NB = "avvis nytt bilde ";
    /** The reason field on an approver's card. */
    static final String REASON = "reason";

    private final PhotoApprovals approvals;
    private final NewPhotos waiting;
    private final List<String> approverGroups;
    private final Duration waitsFor;
    private final GroupDirectory groups;
    private final Directory directory;
    private final ConversationReferences conversations;
    private final ProactiveCards proactive;
    private final SyncJobs jobs;
    private final AuditLog audit;
    private final ApprovalCards cards;
    private final Clock clock;

    PhotoApprovalFlow(PhotoApprovals approvals, NewPhotos waiting, List<String> approverGroups, Duration waitsFor, GroupDirectory groups,
                      Directory directory, ConversationReferences conversations, ProactiveCards proactive, SyncJobs jobs, AuditLog audit,
                      ApprovalCards cards, Clock clock) {
        this.approvals = approvals;
        this.waiting = waiting;
        this.approverGroups = approverGroups;
        this.waitsFor = waitsFor;
        this.groups = groups;
        this.directory = directory;
        this.conversations = conversations;
        this.proactive = proactive;
        this.jobs = jobs;
        this.audit = audit;
        this.cards = cards;
        this.clock = clock;
    }

    boolean on() {
        return !approverGroups.isEmpty();
    }

    static String approveCommand(Locale language, String photoId) {
        return CardActions.inLanguage(language, APPROVE, APPROVE_NB, photoId);
    }

    static String rejectCommand(Locale language, String photoId) {
        return CardActions.inLanguage(language, REJECT, REJECT_NB, photoId);
    }

    /** "Use it" with approval on: the approvers' cards go out, and the person's card says it waits (or that nobody can approve). */
    CompletableFuture<Void> request(TurnContext turn, Locale language, NewPhoto photo) {
        Activity activity = turn.getActivity();
        DirectoryUser person = directory.findUser(photo.subjectId()).orElse(null);
        String name = person != null ? person.displayName() : activity.getFrom().getName();
        String upn = person == null ? "" : person.userPrincipalName();
        if (!approvals.request(new PhotoApprovals.Waiting(photo.id(), photo.subjectId(), name, language,
                ConversationReferences.toJson(activity.getConversationReference()), activity.getReplyToId(), clock.instant().plus(waitsFor)))) {
            return CompletableFuture.completedFuture(null); // a repeated delivery: the approvers were asked once
        }
        waiting.awaitApproval(photo.id(), clock.instant().plus(waitsFor));
        int reached = 0;
        for (DirectoryUser approver : approvers(photo.subjectId())) {
            Optional<ConversationReference> chat = conversations.find(approver.objectId());
            if (chat.isPresent()) {
                String cardId = proactive.send(chat.get(), cards.approval(language, photo, name, upn), "an approver's card");
                approvals.addCard(photo.id(), approver.objectId(), ConversationReferences.toJson(chat.get()), cardId);
                reached++;
            }
        }
        AuditEvent.Person self = new AuditEvent.Person(photo.subjectId(), upn);
        audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, self, self, reached == 0 ? "no-approver" : "approval-requested")
                .because(reached + " approver(s) asked").correlatedWith(photo.id()));
        if (reached == 0) {
            approvals.forget(photo.id());
            waiting.discard(photo.id());
            return showInPlaceOrNew(turn, cards.noApprover(language)).thenApply(shown -> null);
        }
        return showInPlaceOrNew(turn, cards.awaitingApproval(language, waitsFor)).thenAccept(cardId -> {
            if (activity.getReplyToId() == null && cardId != null) {
                approvals.cardShown(photo.id(), cardId);
            }
        });
    }

    /** Approve: the first decision counts; the photo becomes the person's job, their card following it. */
    CompletableFuture<Void> approve(TurnContext turn, Locale language, String photoId) {
        return decide(turn, language, photoId, true, null);
    }

    /** Reject, with the reason the approver typed (it is shown to the person). */
    CompletableFuture<Void> reject(TurnContext turn, Locale language, String photoId) {
        Object value = turn.getActivity().getValue();
        String reason = value instanceof Map<?, ?> map && map.get(REASON) instanceof String typed && !typed.isBlank() ? typed.strip() : null;
        return decide(turn, language, photoId, false, reason);
    }

    private CompletableFuture<Void> decide(TurnContext turn, Locale language, String photoId, boolean approved, String reason) {
        String approverId = senderOf(turn.getActivity());
        String approverName = turn.getActivity().getFrom() == null ? null : turn.getActivity().getFrom().getName();
        Optional<PhotoApprovals.Waiting> pending = approvals.waiting(photoId);
        AuditEvent.Person approver = new AuditEvent.Person(approverId, null);
        AuditEvent.Person subject = pending.map(w -> new AuditEvent.Person(w.subjectId(), null)).orElse(AuditEvent.Person.named(photoId));
        if (approverId == null || !approver(approverId) || pending.filter(w -> w.subjectId().equalsIgnoreCase(approverId)).isPresent()) {
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, approver, subject, "refused-not-approver").correlatedWith(turn.getActivity().getId()));
            return send(turn, cards.notApprover(language));
        }
        if (pending.isEmpty() || !approvals.decide(photoId, approverId, approverName, approved, reason)
                || (approved && !waiting.approve(photoId, approverId))) {
            return showInPlaceOrNew(turn, cards.alreadyDecided(language)).thenApply(shown -> null);
        }
        PhotoApprovals.Waiting decided = pending.get();
        audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, approver, subject, approved ? "approved" : "rejected").because(reason)
                .correlatedWith(photoId));
        String who = approverName == null ? "" : approverName;
        for (PhotoApprovals.ApproverCard card : approvals.cards(photoId)) {
            update(card.conversationJson(), card.cardId(), approved ? cards.approvedBy(language, who, decided.subjectName())
                    : cards.rejectedBy(language, who, decided.subjectName(), reason));
        }
        approvals.forget(photoId); // decided: the audit log keeps who and why
        if (!approved) {
            waiting.discard(photoId);
            update(decided.conversationJson(), decided.cardId(), cards.rejected(decided.language(), who, reason));
            return CompletableFuture.completedFuture(null);
        }
        update(decided.conversationJson(), decided.cardId(), cards.approved(decided.language(), who));
        SyncJobRequest request = SyncJobRequest.own("approval:" + photoId, new JobPerson(decided.subjectId(), null, decided.subjectName()),
                decided.language().toLanguageTag(), decided.conversationJson()).changing(photoId);
        jobs.accept(request).map(SyncJob::id).ifPresent(jobId -> jobs.start(jobId, decided.cardId()));
        return CompletableFuture.completedFuture(null);
    }

    /** Photos nobody decided on in time: gone, and the person and the approvers are told. */
    void expire() {
        for (PhotoApprovals.Waiting expired : approvals.expired()) {
            waiting.discard(expired.photoId());
            AuditEvent.Person self = new AuditEvent.Person(expired.subjectId(), null);
            audit.record(AuditEvent.of(AuditAction.NEW_PHOTO, self, self, "approval-expired").correlatedWith(expired.photoId()));
            List<PhotoApprovals.ApproverCard> approverCards = approvals.cards(expired.photoId());
            approvals.forget(expired.photoId());
            update(expired.conversationJson(), expired.cardId(), cards.approvalExpired(expired.language(), waitsFor));
            for (PhotoApprovals.ApproverCard card : approverCards) {
                update(card.conversationJson(), card.cardId(), cards.approvalExpiredForApprover(expired.language(), expired.subjectName()));
            }
        }
    }

    private boolean approver(String objectId) {
        try {
            return !groups.memberOf(objectId, approverGroups).isEmpty();
        } catch (RemoteServiceException e) {
            return false;
        }
    }

    /** Everyone in the approver groups, once each, but not the person whose photo it is. */
    private List<DirectoryUser> approvers(String subjectId) {
        return approverGroups.stream().flatMap(group -> groups.transitiveMembers(group).stream())
                .filter(member -> !member.objectId().equalsIgnoreCase(subjectId))
                .collect(Collectors.toMap(DirectoryUser::objectId, member -> member, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    /** That card becomes {@code card}; a new one when there is no card id to update. */
    private void update(String chatJson, String cardId, Attachment card) {
        proactive.update(chatJson, cardId, card, "a card about a new photo's approval");
    }
}
