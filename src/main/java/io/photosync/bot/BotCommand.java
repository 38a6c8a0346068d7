package io.photosync.bot;

/** What a person asked the bot for. */
sealed interface BotCommand {

    /** "sync my photo": copy my Microsoft 365 photo to SharePoint. */
    record SyncMyPhoto() implements BotCommand {
    }

    /** "sync photo for alice@contoso.com": a helpdesk operator syncs a colleague's photo (app-only). */
    record SyncColleague(String who) implements BotCommand {
    }

    /** "history for alice@contoso.com": an operator reads the last audit entries about a person. */
    record History(String who) implements BotCommand {
    }

    /** "nudge alice@contoso.com bob@contoso.com": an operator asks the bot to nudge people to sync. */
    record Nudge(java.util.List<String> who) implements BotCommand {
    }

    /** "nudge group Sales and Marketing": an operator nudges every member of a group, nested groups included. */
    record NudgeGroup(String name) implements BotCommand {
    }

    /** "why is my photo not showing" ({@code who} null), or an operator's "doctor <who>". */
    record Doctor(String who) implements BotCommand {
    }

    /** "preflight [<upn>]": an operator checks the setup from Teams (the read-only part of the command-line check). */
    record Preflight(String testUser) implements BotCommand {
    }

    /** "scan", "scan and fix", "scan and nudge": an operator scans the tenant for missing or stale photos. */
    record Scan(String action) implements BotCommand {
    }

    /** "sync photos for group Sales": an operator queues an app-only sync for every member (nested groups too). */
    record SyncGroup(String name) implements BotCommand {
    }

    /** "help", or an empty message. */
    record Help() implements BotCommand {
    }

    /** Anything the bot does not understand; answered with help. */
    record Unknown(String text) implements BotCommand {
    }
}
