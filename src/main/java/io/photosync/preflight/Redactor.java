package io.photosync.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What leaves a preflight recording: Microsoft's answers with every token, id, address and name
 * taken out, and the shapes, statuses and technical values (content types, ETags, picture states)
 * kept. Known values (the test user's names, the tenant's and app's ids, the tenant's host prefix)
 * become labels; any other GUID, address or JWT a generic one; personal fields, whoever they are
 * about, {@code <redacted>}.
 */
final class Redactor {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** Fields about a person, in Graph's and SharePoint's answers: their values never leave. */
    private static final Set<String> PERSONAL = Set.of("displayname", "title", "email", "mail", "userprincipalname", "accountname", "username",
            "preferredname", "firstname", "lastname", "givenname", "surname", "jobtitle", "department", "personalurl", "userurl", "latestpost",
            "name", "directreports", "extendedmanagers", "extendedreports", "peers", "sid", "adguid", "othermails");
    /** The user-profile properties whose values are technical, not personal. */
    private static final Set<String> PROFILE_VALUES_KEPT = Set.of("SPS-PicturePlaceholderState", "SPS-PictureTimestamp",
            "SPS-PictureExchangeSyncState", "PictureURL");

    private final List<Map.Entry<String, String>> known = new ArrayList<>();

    /** {@code value}, in any case and URL-encoded too, becomes {@code label} wherever it appears. */
    Redactor knowing(String value, String label) {
        if (value != null && value.length() >= 3) {
            known.add(Map.entry(value, label));
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                known.add(Map.entry(encoded, label));
                known.add(Map.entry(encoded.replace("+", "%20"), label));
            }
            known.sort(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed());
        }
        return this;
    }

    String text(String value) {
        if (value == null) {
            return null;
        }
        String redacted = value;
        for (Map.Entry<String, String> entry : known) {
            redacted = Pattern.compile(Pattern.quote(entry.getKey()), Pattern.CASE_INSENSITIVE).matcher(redacted)
                    .replaceAll(Matcher.quoteReplacement(entry.getValue()));
        }
        redacted = JWT.matcher(redacted).replaceAll("<token>");
        redacted = GUID.matcher(redacted).replaceAll("<id>");
        return ADDRESS.matcher(redacted).replaceAll("<address>");
    }

    JsonNode json(JsonNode node) {
        if (node == null || node.isNull() || node.isNumber() || node.isBoolean()) {
            return node;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(json(item)));
            return copy;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        boolean profileProperty = node.has("Key") && node.has("Value") && node.size() <= 3;
        node.properties().forEach(field -> {
            String key = field.getKey();
            if (profileProperty && key.equals("Value") && !PROFILE_VALUES_KEPT.contains(node.path("Key").asText())) {
                copy.put(key, field.getValue().isNull() ? null : "<redacted>");
            } else if (PERSONAL.contains(key.toLowerCase(Locale.ROOT)) && !field.getValue().isNull()) {
                copy.set(key, personal(field.getValue()));
            } else {
                copy.set(text(key), json(field.getValue()));
            }
        });
        return copy;
    }

    /** A personal field keeps its shape (an array stays an array), not its values. */
    private static JsonNode personal(JsonNode value) {
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> copy.add(personal(item)));
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(field -> copy.set(field.getKey(), personal(field.getValue())));
            return copy;
        }
        return value.isTextual() ? JsonNodeFactory.instance.textNode("<redacted>") : value;
    }
}
