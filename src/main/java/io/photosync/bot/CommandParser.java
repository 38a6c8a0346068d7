package io.photosync.bot;

import io.photosync.scan.RunAction;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chat message as a command, in English or Norwegian, forgiving about case, spacing,
 * punctuation and the {@code <at>PhotoSync</at>} text Teams puts in front of a mention.
 *
 * <p>A sync request is a sync verb followed by words from a small closed set ("my", "photo",
 * "bildet", "mitt", "please" …). Any other word makes the message unknown rather than a sync of
 * the sender's own photo: "sync photo for alice@contoso.com" must never sync the operator.
 */
final class CommandParser {

    private static final Pattern MENTION = Pattern.compile("<at>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MARKUP = Pattern.compile("<[^>]+>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>|&[a-zA-Z]+;|&#[0-9]+;");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> SYNC_VERBS = Set.of(
            "sync", "synch", "synchronise", "synchronize", "resync", "refresh", "update", "fix",
            "synkroniser", "synkronisere", "synk", "synke", "synkron", "oppdater", "oppdatere", "fiks");
    private static final Set<String> PHOTO_WORDS = Set.of(
            "my", "me", "the", "photo", "photos", "picture", "pictures", "pic", "image", "profile", "avatar", "please", "pls", "now",
            "mitt", "min", "mi", "meg", "bilde", "bildet", "bildene", "bilder", "profilbilde", "profilbildet", "foto", "fotoet",
            "profil", "vennligst", "takk", "na");
    private static final Set<String> PHOTO_NOUNS = Set.of("photo", "picture", "pic", "image", "avatar", "profilbilde", "profilbildet",
            "bilde", "bildet", "foto", "fotoet");
    private static final Set<String> HELP = Set.of("help", "hjelp", "hi", "hello", "hei", "hallo", "start", "menu", "meny");
    private static final List<String> HELP_PHRASES = List.of("what can you do", "hva kan du", "hva kan du gjore");

    private static final Set<String> NUDGE_VERBS = Set.of("nudge", "paminn", "dytt");
    private static final Set<String> GROUP_WORDS = Set.of("group", "gruppe", "gruppa", "gruppen");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*[,;]\\s*|\\s+(?i:and|og)\\s+");
    /** "<verb> [photo words] for|of|til|av <who>", lazily: the first connector after the verb. */
    private static final Pattern FOR_SOMEONE = Pattern.compile("^(\\S+)((?:\\s+\\S+)*?)\\s+(?i:for|of|til|av)\\s+(.+)$", Pattern.DOTALL);
    private static final Set<String> UNDO_VERBS = Set.of("undo", "revert", "angre", "tilbakestill");
    /** "undo version <id>" / "angre versjon <id>": what the Undo and Restore buttons send. */
    private static final Pattern UNDO_VERSION = Pattern.compile("^(?i:undo|angre)\\s+(?i:version|versjon)\\s+([0-9a-fA-F-]{36})$");
    /** "use new photo <id>" / "bruk nytt bilde <id>" and "cancel new photo <id>" / "avbryt nytt bilde <id>": a preview's buttons. */
    private static final Pattern NEW_PHOTO_BUTTON = Pattern.compile(
            "^(?i:(use|bruk|cancel|avbryt|approve|godkjenn|reject|avvis))\\s+(?i:new\\s+photo|nytt\\s+bilde)\\s+([0-9a-fA-F-]{36})$");
    private static final Set<String> CHANGE_VERBS = Set.of("change", "set", "upload", "replace", "new", "endre", "bytt", "sett", "last", "nytt", "ny");
    /** "set photo for <who>" / "sett bildet til <who>": an operator's new photo for a colleague. */
    private static final Set<String> SET_VERBS = Set.of("set", "change", "replace", "sett", "endre", "bytt");
    private static final Set<String> CHANGE_WORDS = Set.of("opp", "up", "a", "new", "nytt", "ny", "et", "en");
    private static final Set<String> HISTORY_WORDS = Set.of("history", "historikk", "log", "logg", "audit");
    private static final Set<String> DOCTOR_WORDS = Set.of("doctor", "diagnose", "bildelege", "lege");
    private static final List<String> DOCTOR_PHRASES = List.of("why is my photo not showing", "why isn t my photo showing",
            "why is my picture not showing", "why isn t my picture showing", "why is my photo wrong", "why is my photo old",
            "photo doctor", "hvorfor vises ikke bildet mitt", "hvorfor vises ikke profilbildet mitt", "hvorfor er bildet mitt feil");

    /** First words only Norwegian uses: a command that starts with one is answered in Norwegian. */
    private static final Set<String> NORWEGIAN_FIRST_WORDS = Set.of("synkroniser", "synkronisere", "synk", "synke", "oppdater", "oppdatere",
            "fiks", "hvorfor", "historikk", "angre", "tilbakestill", "paminn", "dytt", "skann", "bildelege", "lege", "hjelp", "hei", "hva", "meny",
            "endre", "bytt", "sett", "last", "nytt", "bruk", "avbryt", "godkjenn", "avvis");

    /**
     * Whether the message is written in Norwegian, so that the answer is too whatever language the
     * client reports (the Agents Playground always says en-US; a Norwegian in an English Teams
     * still writes Norwegian).
     */
    static boolean norwegian(String text) {
        String normalised = normalise(text);
        int space = normalised.indexOf(' ');
        return NORWEGIAN_FIRST_WORDS.contains(space < 0 ? normalised : normalised.substring(0, space));
    }

    BotCommand parse(String text) {
        String normalised = normalise(text);
        Optional<BotCommand> nudge = nudge(text, normalised);
        if (nudge.isPresent()) {
            return nudge.get();
        }
        Matcher version = UNDO_VERSION.matcher(text == null ? "" : plain(text));
        if (version.matches()) {
            return new BotCommand.UndoVersion(version.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher button = NEW_PHOTO_BUTTON.matcher(text == null ? "" : plain(text));
        if (button.matches()) {
            String id = button.group(2).toLowerCase(Locale.ROOT);
            return switch (normalise(button.group(1))) {
                case "use", "bruk" -> new BotCommand.UseNewPhoto(id);
                case "approve", "godkjenn" -> new BotCommand.ApproveNewPhoto(id);
                case "reject", "avvis" -> new BotCommand.RejectNewPhoto(id);
                default -> new BotCommand.CancelNewPhoto(id);
            };
        }
        Optional<BotCommand> forSomeone = forSomeone(text);
        if (forSomeone.isPresent()) {
            return forSomeone.get();
        }
        switch (normalised) {
            case "scan", "skann", "skann tenant", "scan tenant" -> {
                return new BotCommand.Scan(RunAction.REPORT);
            }
            case "scan and fix", "skann og fiks", "skann og reparer" -> {
                return new BotCommand.Scan(RunAction.FIX);
            }
            case "scan and nudge", "skann og paminn" -> {
                return new BotCommand.Scan(RunAction.NUDGE);
            }
            default -> {
            }
        }
        String[] preflight = plain(text == null ? "" : text).split("\\s+");
        if (preflight.length <= 2 && normalise(preflight[0]).equals("preflight")) {
            return new BotCommand.Preflight(preflight.length == 2 ? preflight[1] : null);
        }
        if (DOCTOR_PHRASES.contains(normalised) || (DOCTOR_WORDS.contains(normalised))) {
            return new BotCommand.WhyNotShowing();
        }
        String[] firstAndRest = plain(text == null ? "" : text).split("\\s+", 2);
        if (firstAndRest.length == 2 && DOCTOR_WORDS.contains(normalise(firstAndRest[0])) && !firstAndRest[1].isBlank()) {
            return new BotCommand.Doctor(firstAndRest[1].strip());
        }
        if (normalised.isEmpty() || HELP_PHRASES.contains(normalised)) {
            return new BotCommand.Help();
        }
        List<String> words = Arrays.asList(normalised.split(" "));
        if (words.size() == 1 && HELP.contains(words.get(0))) {
            return new BotCommand.Help();
        }
        if (SYNC_VERBS.contains(words.get(0)) && PHOTO_WORDS.containsAll(words.subList(1, words.size()))) {
            return new BotCommand.SyncMyPhoto();
        }
        if (UNDO_VERBS.contains(words.get(0)) && PHOTO_WORDS.containsAll(words.subList(1, words.size()))) {
            return new BotCommand.UndoMyPhoto();
        }
        if (CHANGE_VERBS.contains(words.get(0)) && words.size() > 1 && words.subList(1, words.size()).stream()
                .allMatch(word -> PHOTO_WORDS.contains(word) || CHANGE_WORDS.contains(word)) && words.stream().anyMatch(PHOTO_NOUNS::contains)) {
            return new BotCommand.ChangeMyPhoto();
        }
        return new BotCommand.Unknown(text == null ? "" : text.strip());
    }

    /**
     * "nudge <who> [<who> …]" or "nudge group <name>": the targets keep their spelling (UPNs
     * have dots and @, group names have spaces and accents).
     */
    private static Optional<BotCommand> nudge(String text, String normalised) {
        String[] words = normalised.split(" ", 3);
        if (words.length < 2 || !NUDGE_VERBS.contains(words[0])) {
            return Optional.empty();
        }
        String raw = plain(text);
        String targets = afterFirstWord(raw);
        if (words.length == 3 && GROUP_WORDS.contains(words[1])) {
            String group = afterFirstWord(targets).replaceAll("\\s+", " ");
            return group.isEmpty() ? Optional.empty() : Optional.of(new BotCommand.NudgeGroup(group));
        }
        List<String> who = people(targets);
        return who.isEmpty() ? Optional.empty() : Optional.of(new BotCommand.Nudge(who));
    }

    /**
     * The people named in "nudge …": separated by commas, semicolons, "and" or "og"; within one
     * part every address and object id stands alone, and the other words together are one name
     * ("Megan Bowen", not "Megan" and "Bowen").
     */
    static List<String> people(String targets) {
        List<String> who = new ArrayList<>();
        for (String part : NAME_SEPARATORS.split(targets)) {
            List<String> name = new ArrayList<>();
            for (String word : part.strip().split("\\s+")) {
                if (word.contains("@") || PeopleResolver.OBJECT_ID.matcher(word).matches()) {
                    who.add(word);
                } else if (!word.isEmpty()) {
                    name.add(word);
                }
            }
            if (!name.isEmpty()) {
                who.add(String.join(" ", name));
            }
        }
        return who;
    }

    /**
     * "sync photo for <who>" ("synkroniser bildet til <who>") and "history for <who>"
     * ("historikk for <who>"): the person keeps their spelling, quotes and all.
     */
    private static Optional<BotCommand> forSomeone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FOR_SOMEONE.matcher(plain(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        String verb = normalise(m.group(1));
        String middle = normalise(m.group(2));
        String who = m.group(3).strip();
        boolean onlyPhotoWords = middle.isEmpty() || PHOTO_WORDS.containsAll(Arrays.asList(middle.split(" ")));
        if (SYNC_VERBS.contains(verb) && onlyPhotoWords && !middle.isEmpty()) {
            String[] groupAndName = who.split("\\s+", 2);
            if (groupAndName.length == 2 && GROUP_WORDS.contains(normalise(groupAndName[0]))) {
                return Optional.of(new BotCommand.SyncGroup(groupAndName[1].strip()));
            }
            return Optional.of(new BotCommand.SyncColleague(who));
        }
        if (UNDO_VERBS.contains(verb) && onlyPhotoWords) {
            return Optional.of(new BotCommand.UndoFor(who));
        }
        if (SET_VERBS.contains(verb) && onlyPhotoWords && !middle.isEmpty()) {
            return Optional.of(new BotCommand.SetPhotoFor(who));
        }
        if (HISTORY_WORDS.contains(verb) && middle.isEmpty()) {
            return Optional.of(new BotCommand.History(who));
        }
        return Optional.empty();
    }

    /** The message as typed: mentions and tags gone, the entities Teams writes for {@code & < > " ' nbsp} decoded. */
    private static String plain(String text) {
        String withoutTags = MARKUP.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ");
        return withoutTags.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&").strip();
    }

    private static String afterFirstWord(String text) {
        String[] parts = text.strip().split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** Lower case, mentions and markup removed, accents folded (nå → na), punctuation as spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String withoutMentions = TAG.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ");
        String folded = Normalizer.normalize(withoutMentions.replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "AE"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return NOT_A_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
