package io.photosync.bot;

import io.photosync.scan.RunAction;
import java.util.List;

/**
 * What a person asked the bot for: something about themself, which anyone may ask, or a helpdesk
 * command about others, which the sender must be a signed-in operator for. Each command names the
 * handler method that answers it, so a new command cannot go unanswered.
 */
sealed interface BotCommand {

    /** Sends the command down the road its kind takes. */
    <T> T route(Routes<T> routes);

    /** The two roads: what the sender asks about themself, and what only operators may ask. */
    interface Routes<T> {
        T oneself(ForOneself command);

        T operators(ForOperators command);
    }

    /** A request about the sender themself. */
    sealed interface ForOneself extends BotCommand {
        <T> T answeredBy(OwnRequests<T> bot);

        @Override
        default <T> T route(Routes<T> routes) {
            return routes.oneself(this);
        }
    }

    /** A helpdesk command: who asks is known from their Teams SSO sign-in, and checked for each. */
    sealed interface ForOperators extends BotCommand {
        <T> T runBy(OperatorRequests<T> helpdesk);

        @Override
        default <T> T route(Routes<T> routes) {
            return routes.operators(this);
        }
    }

    /** What answers the commands about oneself. */
    interface OwnRequests<T> {
        T syncMyPhoto();

        T whyIsMyPhotoNotShowing();

        T undoMyPhoto();

        T changeMyPhoto();

        T useNewPhoto(String photoId);

        T cancelNewPhoto(String photoId);

        T approveNewPhoto(String photoId);

        T rejectNewPhoto(String photoId);

        /** @param notUnderstood what was typed when it was not a command; null for "help" */
        T help(String notUnderstood);
    }

    /** What answers the helpdesk's commands. */
    interface OperatorRequests<T> {
        T syncColleague(String who);

        T history(String who);

        T doctor(String who);

        T nudge(List<String> who);

        T nudgeGroup(String name);

        T preflight(String testUser);

        T scan(RunAction action);

        T syncGroup(String name);

        T undoFor(String who);

        T undoVersion(String versionId);

        T setPhotoFor(String who);
    }

    /** "sync my photo": copy my Microsoft 365 photo to SharePoint. */
    record SyncMyPhoto() implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.syncMyPhoto();
        }
    }

    /** "why is my photo not showing": the photo doctor about the sender. */
    record WhyNotShowing() implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.whyIsMyPhotoNotShowing();
        }
    }

    /** "undo my photo": put back the photo SharePoint showed before the sender's last change. */
    record UndoMyPhoto() implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.undoMyPhoto();
        }
    }

    /** "change my photo": how to send a new one (a picture sent to the bot is offered as the new photo). */
    record ChangeMyPhoto() implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.changeMyPhoto();
        }
    }

    /** "use new photo <id>", what a preview's "Use it" sends: set the sent photo in Microsoft 365 and SharePoint. */
    record UseNewPhoto(String photoId) implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.useNewPhoto(photoId);
        }
    }

    /** "cancel new photo <id>", what a preview's "Cancel" sends: forget the sent photo. */
    record CancelNewPhoto(String photoId) implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.cancelNewPhoto(photoId);
        }
    }

    /** "approve new photo <id>", an approver's Approve: set it (anyone else is refused; the first decision counts). */
    record ApproveNewPhoto(String photoId) implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.approveNewPhoto(photoId);
        }
    }

    /** "reject new photo <id>", an approver's Reject, with the card's reason. */
    record RejectNewPhoto(String photoId) implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.rejectNewPhoto(photoId);
        }
    }

    /** "help", or an empty message. */
    record Help() implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.help(null);
        }
    }

    /** Anything the bot does not understand; answered with help. */
    record Unknown(String text) implements ForOneself {
        public <T> T answeredBy(OwnRequests<T> bot) {
            return bot.help(text);
        }
    }

    /** "sync photo for alice@contoso.com": a helpdesk operator syncs a colleague's photo (app-only). */
    record SyncColleague(String who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.syncColleague(who);
        }
    }

    /** "history for alice@contoso.com": an operator reads the last audit entries about a person. */
    record History(String who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.history(who);
        }
    }

    /** "doctor alice@contoso.com": the photo doctor about a colleague. */
    record Doctor(String who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.doctor(who);
        }
    }

    /** "nudge alice@contoso.com bob@contoso.com": an operator asks the bot to nudge people to sync. */
    record Nudge(List<String> who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.nudge(who);
        }
    }

    /** "nudge group Sales and Marketing": an operator nudges every member of a group, nested groups included. */
    record NudgeGroup(String name) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.nudgeGroup(name);
        }
    }

    /** "preflight [<upn>]": an operator checks the setup from Teams (the read-only part of the command-line check). */
    record Preflight(String testUser) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.preflight(testUser);
        }
    }

    /** "scan", "scan and fix", "scan and nudge": an operator scans the tenant for missing or stale photos. */
    record Scan(RunAction action) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.scan(action);
        }
    }

    /** "sync photos for group Sales": an operator queues an app-only sync for every member (nested groups too). */
    record SyncGroup(String name) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.syncGroup(name);
        }
    }

    /** "undo photo for alice@contoso.com": an operator puts back what SharePoint showed before a colleague's last change. */
    record UndoFor(String who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.undoFor(who);
        }
    }

    /** "set photo for alice@contoso.com" with a picture attached: an operator sets a colleague's Microsoft 365 photo (app-only). */
    record SetPhotoFor(String who) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.setPhotoFor(who);
        }
    }

    /**
     * "undo version <id>", what an Undo or Restore button sends: one kept version written back.
     * The sender's own version is their own undo; anyone else's needs an operator.
     */
    record UndoVersion(String versionId) implements ForOperators {
        public <T> T runBy(OperatorRequests<T> helpdesk) {
            return helpdesk.undoVersion(versionId);
        }
    }
}
