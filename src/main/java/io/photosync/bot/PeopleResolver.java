package io.photosync.bot;

import com.microsoft.bot.schema.Attachment;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.RemoteServiceException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who an operator means, the same way for every command that names people (sync, history, doctor,
 * nudge): an object id, a UPN, a mail address or the start of a display name; exactly one match is the person,
 * several (none of them named exactly) a choice card, none "no such user" with the closest people
 * the directory knows. Every button repeats the operator's command for the one chosen.
 */
final class PeopleResolver {

    /** The choice card lists at most this many people. */
    static final int CHOICES = 5;

    /** An Entra object id, as typed. */
    static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12,13}");

    private final PeopleSearch people;
    private final Directory directory;
    private final HelpdeskCards cards;
    private final Notices notices;

    PeopleResolver(PeopleSearch people, Directory directory, HelpdeskCards cards, Notices notices) {
        this.people = people;
        this.directory = directory;
        this.cards = cards;
        this.notices = notices;
    }

    /** What the directory says about one name typed. */
    sealed interface Match {
        /** Exactly one person. */
        record One(DirectoryUser person) implements Match {
        }

        /** Several, none named exactly: the first {@link #CHOICES} of them. */
        record Several(List<DirectoryUser> people) implements Match {
        }

        /** Nobody; the closest people the directory knows (perhaps none). */
        record Nobody(List<DirectoryUser> suggestions) implements Match {
        }
    }

    /** The one person meant, or the card that says why there is none yet. */
    record Resolved(DirectoryUser person, Attachment answer) {
    }

    /**
     * @param commandPrefix what each button sends before the chosen person's UPN ("sync photo for ")
     * @param buttonKey the message key of the buttons' title
     */
    Resolved resolve(Locale language, String who, String commandPrefix, String buttonKey) {
        try {
            Match match = match(who);
            if (match instanceof Match.One one) {
                return new Resolved(one.person(), null);
            }
            if (match instanceof Match.Several several) {
                return new Resolved(null, cards.choosePerson(language, who, several.people(), commandPrefix, buttonKey));
            }
            return new Resolved(null, cards.noSuchPerson(language, who, ((Match.Nobody) match).suggestions(), commandPrefix, buttonKey));
        } catch (RemoteServiceException e) {
            return new Resolved(null, notices.about(language, "card.directory-unavailable", e.getMessage()));
        }
    }

    /** The directory's answer for one name; throws when the directory cannot be read. */
    Match match(String who) {
        if (OBJECT_ID.matcher(who.strip()).matches()) {
            return directory.findUser(who.strip()).<Match>map(Match.One::new).orElseGet(() -> new Match.Nobody(List.of()));
        }
        List<DirectoryUser> found = people.find(who, CHOICES + 1);
        Optional<DirectoryUser> one = exactlyOne(who, found);
        if (one.isPresent()) {
            return new Match.One(one.get());
        }
        if (found.isEmpty()) {
            return new Match.Nobody(people.suggest(who, CHOICES));
        }
        return new Match.Several(found.stream().limit(CHOICES).toList());
    }

    /** One match, or among several the only one whose address or whole name is exactly what was typed. */
    private static Optional<DirectoryUser> exactlyOne(String who, List<DirectoryUser> found) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        String typed = who.strip();
        List<DirectoryUser> exact = found.stream().filter(person -> typed.equalsIgnoreCase(person.displayName())
                || typed.equalsIgnoreCase(person.userPrincipalName()) || typed.equalsIgnoreCase(person.mail())).toList();
        return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
    }
}
