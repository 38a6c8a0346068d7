package io.photosync.bot;

import static io.photosync.bot.AdaptiveCard.echo;

import com.microsoft.bot.schema.ActionTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.CardAction;
import com.microsoft.bot.schema.OAuthCard;
import com.microsoft.bot.schema.TokenExchangeResource;
import io.photosync.i18n.Messages;
import java.util.Locale;

/** Teams SSO's cards: the sign-in card, and what went wrong when Teams reports a failure. */
final class SignInCards {

    private final Messages messages;

    SignInCards(Messages messages) {
        this.messages = messages;
    }

    /**
     * The sign-in card: an OAuth card whose {@code tokenExchangeResource} lets Teams sign the
     * person in silently, with a button to PhotoSync's own consent page for when it cannot.
     */
    Attachment signIn(Locale language, String exchangeId, String resourceUri, String pageUrl) {
        OAuthCard card = new OAuthCard();
        card.setText(messages.get(language, "card.sign-in.text"));
        card.setConnectionName("");
        card.setButtons(new CardAction(ActionTypes.SIGNIN, messages.get(language, "card.sign-in.button"), pageUrl));
        card.setTokenExchangeResource(new TokenExchangeResource(exchangeId, resourceUri, null));
        return card.toAttachment();
    }

    /** Conditional Access wants a second factor: why, and the button to the page where Entra asks for it. */
    Attachment secondFactor(Locale language, String pageUrl) {
        OAuthCard card = new OAuthCard();
        card.setText(messages.get(language, "card.sign-in.second-factor.text"));
        card.setConnectionName("");
        card.setButtons(new CardAction(ActionTypes.SIGNIN, messages.get(language, "card.sign-in.second-factor.button"), pageUrl));
        return card.toAttachment();
    }

    /** Teams reported {@code signin/failure}: what happened, in plain words, and Teams' own code. */
    Attachment signInFailed(Locale language, String code) {
        String known = code.matches("[a-z]{1,40}") && messages.has(language, "sign-in-failure." + code) ? code : "other";
        return new AdaptiveCard().title(messages.get(language, "card.sign-in-failed.title"))
                .text(messages.get(language, "card.sign-in-failed.text", messages.get(language, "sign-in-failure." + known), echo(code)))
                .attachment();
    }
}
