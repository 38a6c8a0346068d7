package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.microsoft.bot.schema.Attachment;
import io.photosync.i18n.Messages;
import io.photosync.sync.NewPhoto;
import io.photosync.sync.PhotoRejected;
import java.time.Duration;
import java.util.Locale;

/**
 * The cards of a new photo someone sent: the preview with "Use it" and "Cancel", which then turns
 * into "Setting your new photo…" (and the result) or "Cancelled"; and the refusals, each saying
 * why and what to send instead.
 */
final class NewPhotoCards {

    private final Messages messages;

    NewPhotoCards(Messages messages) {
        this.messages = messages;
    }

    /**
     * The square the photo would become, and the two buttons; nothing is written before "Use it".
     *
     * @param colleagueName whose photo it is to be, when an operator sent it; null for one's own
     */
    Attachment preview(Locale language, NewPhoto photo, int side, Duration keptFor, String colleagueName) {
        String key = colleagueName == null ? "card.new-photo" : "card.colleague-new-photo";
        String name = colleagueName == null ? "" : echo(colleagueName);
        return new AdaptiveCard().title(messages.get(language, key + ".title", name))
                .add(AdaptiveCard.image(photo.preview(), messages.get(language, key + ".alt", name), "Large"))
                .text(messages.get(language, key + ".text", side, name))
                .subtle(messages.get(language, "card.new-photo.kept", Math.max(1, keptFor.toHours())))
                .action(CardActions.command(messages.get(language, "card.action.use-it"), NewPhotoFlow.useCommand(language, photo.id())))
                .action(CardActions.command(messages.get(language, "card.action.cancel"), NewPhotoFlow.cancelCommand(language, photo.id())))
                .attachment();
    }

    /** "Setting your new photo…" (or the colleague's, by name), until the job's result replaces it. */
    Attachment changing(Locale language, String colleagueName) {
        if (colleagueName == null) {
            return simple(language, "card.new-photo.changing");
        }
        return new AdaptiveCard().title(messages.get(language, "card.colleague-new-photo.changing.title", echo(colleagueName)))
                .text(messages.get(language, "card.colleague-new-photo.changing.text")).attachment();
    }

    /** "set photo for <who>" came without a picture: how to send one. */
    Attachment attachFor(Locale language, String colleagueName) {
        return new AdaptiveCard().title(messages.get(language, "card.colleague-new-photo.attach.title", echo(colleagueName)))
                .text(messages.get(language, "card.colleague-new-photo.attach.text", echo(colleagueName))).attachment();
    }

    Attachment cancelled(Locale language) {
        return simple(language, "card.new-photo.cancelled");
    }

    /** "Use it" on a photo that is no longer waiting (expired, used, cancelled, or not the sender's). */
    Attachment gone(Locale language, Duration keptFor) {
        return new AdaptiveCard().title(messages.get(language, "card.new-photo.gone.title"))
                .text(messages.get(language, "card.new-photo.gone.text", Math.max(1, keptFor.toHours()))).attachment();
    }

    /** "Change my photo": how to send one. */
    Attachment prompt(Locale language) {
        return simple(language, "card.new-photo.prompt");
    }

    /** The picture cannot be used: why, and what would do. */
    Attachment refused(Locale language, PhotoRejected.Reason reason) {
        return new AdaptiveCard().title(messages.get(language, "card.new-photo.refused.title"))
                .text(messages.get(language, "card.new-photo.refused.text", messages.get(language, "photo-rejected." + reason.name().toLowerCase(Locale.ROOT))))
                .text(messages.get(language, "card.next", messages.get(language, "card.new-photo.refused.next")))
                .subtle(messages.get(language, "card.reference", "new-photo-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))).attachment();
    }

    /** Teams or OneDrive did not hand the picture over. */
    Attachment unavailable(Locale language, String why) {
        return new AdaptiveCard().title(messages.get(language, "card.new-photo.unavailable.title"))
                .text(messages.get(language, "card.new-photo.unavailable.text"))
                .subtle(messages.get(language, "card.reference", "new-photo-unavailable (" + why + ")")).attachment();
    }

    /**
     * The tenant's photo policy forbids it: photos come from on-premises ({@code on-premises}), or
     * only some admin roles may change them ({@code roles}).
     */
    Attachment forbidden(Locale language, String why) {
        return new AdaptiveCard().title(messages.get(language, "card.new-photo.forbidden." + why + ".title"))
                .text(messages.get(language, "card.new-photo.forbidden." + why + ".text"))
                .text(messages.get(language, "card.next", messages.get(language, "card.new-photo.forbidden." + why + ".next")))
                .subtle(messages.get(language, "card.reference", "photo-policy-" + why)).attachment();
    }

    /**
     * Where a new photo shows while Microsoft 365 still shows the previous one: each place with ✔
     * or waiting, and that the card changes; {@code colleagueName} when it is an operator's card.
     */
    Attachment propagating(Locale language, String colleagueName, int checks) {
        return places(language, colleagueName, false).text(messages.get(language, "card.propagation.waiting", checks)).attachment();
    }

    Attachment propagated(Locale language, String colleagueName, long minutes) {
        return places(language, colleagueName, true).text(messages.get(language, "card.propagation.done", minutes)).attachment();
    }

    Attachment notPropagated(Locale language, String colleagueName, long hours) {
        return places(language, colleagueName, false).text(messages.get(language, "card.propagation.timeout", hours))
                .text(messages.get(language, "card.next", messages.get(language, "card.propagation.timeout.next"))).attachment();
    }

    /** Least privilege: whether SharePoint has fetched the photo yet, from the read-only watch. */
    Attachment pulling(Locale language, String colleagueName, int checks) {
        return pull(language, colleagueName, false).text(messages.get(language, "card.pull.waiting.text", checks)).attachment();
    }

    Attachment pulled(Locale language, String colleagueName, long minutes) {
        return pull(language, colleagueName, true).text(messages.get(language, "card.pull.done.text", minutes)).attachment();
    }

    Attachment notPulled(Locale language, String colleagueName, long hours) {
        return pull(language, colleagueName, false).text(messages.get(language, "card.pull.timeout.text", hours))
                .text(messages.get(language, "card.next", messages.get(language, "card.pull.timeout.next"))).attachment();
    }

    private AdaptiveCard pull(Locale language, String colleagueName, boolean shows) {
        String title = colleagueName == null ? messages.get(language, "card.pull.title") : messages.get(language, "card.pull.colleague-title", echo(colleagueName));
        return new AdaptiveCard().title(title).facts(messages.get(language, "card.pull.sharepoint"),
                messages.get(language, shows ? "card.pull.done" : "card.pull.waiting"));
    }

    private AdaptiveCard places(Locale language, String colleagueName, boolean microsoft365) {
        String title = colleagueName == null ? messages.get(language, "card.propagation.title")
                : messages.get(language, "card.propagation.colleague-title", echo(colleagueName));
        return new AdaptiveCard().title(title).facts(
                messages.get(language, "card.propagation.microsoft-365"),
                messages.get(language, microsoft365 ? "card.propagation.shows" : "card.propagation.not-yet"),
                messages.get(language, "card.propagation.sharepoint"), messages.get(language, "card.propagation.shows"));
    }

    private Attachment simple(Locale language, String key) {
        return new AdaptiveCard().title(messages.get(language, key + ".title")).text(messages.get(language, key + ".text")).attachment();
    }
}
