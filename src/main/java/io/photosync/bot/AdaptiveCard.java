package io.photosync.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.Base64;

/**
 * One Adaptive Card (schema 1.5, the newest Teams renders), built a block at a time. No
 * server-side Java library for Adaptive Cards exists; the JSON is written here and checked against
 * Microsoft's schema in the tests.
 */
final class AdaptiveCard {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Teams refuses message payloads over about 28 KB; cards stay well below. */
    static final int MAX_CARD_BYTES = 28 * 1024;
    private static final int MAX_ECHO = 80;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode card = MAPPER.createObjectNode()
            .put("type", "AdaptiveCard")
            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .put("version", "1.5");

    AdaptiveCard title(String words) {
        return add(titleBlock(words));
    }

    AdaptiveCard text(String words) {
        return add(textBlock(words));
    }

    AdaptiveCard subtle(String words) {
        return add(subtleBlock(words));
    }

    /** Any element of the body: a block made with the helpers below, a column set, a fact set. */
    AdaptiveCard add(ObjectNode element) {
        card.withArray("body").add(element);
        return this;
    }

    /** A fact set: each pair's title, then its value. */
    AdaptiveCard facts(String... titlesAndValues) {
        return add(factSet(titlesAndValues));
    }

    AdaptiveCard action(ObjectNode action) {
        card.withArray("actions").add(action);
        return this;
    }

    AdaptiveCard openUrl(String title, String url) {
        return action(node().put("type", "Action.OpenUrl").put("title", title).put("url", url));
    }

    Attachment attachment() {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    static ObjectNode node() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode titleBlock(String words) {
        return textBlock(words).put("weight", "Bolder").put("size", "Medium");
    }

    static ObjectNode textBlock(String words) {
        return node().put("type", "TextBlock").put("text", words).put("wrap", true);
    }

    static ObjectNode subtleBlock(String words) {
        return textBlock(words).put("isSubtle", true).put("size", "Small");
    }

    /** A JPEG carried in the card itself as a data URI (Teams fetches nothing). */
    static ObjectNode image(byte[] jpeg, String altText, String size) {
        return node().put("type", "Image").put("url", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg))
                .put("altText", altText).put("size", size);
    }

    /** A person's photo, round, as {@link #image} carries it. */
    static ObjectNode personPhoto(byte[] jpeg, String altText, String size) {
        return image(jpeg, altText, size).put("style", "Person");
    }

    static ObjectNode factSet(String... titlesAndValues) {
        ObjectNode facts = node().put("type", "FactSet");
        ArrayNode list = facts.putArray("facts");
        for (int i = 0; i + 1 < titlesAndValues.length; i += 2) {
            list.addObject().put("title", titlesAndValues[i]).put("value", titlesAndValues[i + 1]);
        }
        return facts;
    }

    /**
     * A value from a person or the directory, shortened, without the Markdown that could restyle
     * the card or make a link: emphasis ({@code *}, {@code ~}, backticks), link brackets, tables,
     * quotes, and a heading mark at the start. Parentheses, {@code #} and intraword underscores stay,
     * so "John Doe (Fabrikam)" and {@code john_fabrikam.com#EXT#@contoso.com} read as they are.
     */
    static String echo(String text) {
        String plain = text.replaceAll("[*`~\\[\\]|>]", "").replaceAll("(^|\\s)_+|_+(\\s|$)", "$1$2").replaceFirst("^\\s*#+", "").strip();
        return plain.length() <= MAX_ECHO ? plain : plain.substring(0, MAX_ECHO) + "…";
    }
}
