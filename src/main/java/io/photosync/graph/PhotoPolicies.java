package io.photosync.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.doctor.PhotoInspection.PhotoPolicy;
import io.photosync.doctor.PhotoInspection.PolicyReading;
import io.photosync.doctor.PhotoInspection.PolicyUnreadable;
import io.photosync.doctor.PhotoInspection.Unreadable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code photoUpdateSettings} in every shape Microsoft has shown it: wrapped in {@code value}
 * (the beta GET example) or at the top level (the configuration guide), {@code allowedRoles} as an
 * array (its ids sometimes with a leading space), as an empty object, or null; an empty
 * configuration, which every tenant has by default, means photos are managed in the cloud and
 * everyone may change their own. Anything else is {@link Unreadable#SHAPE}, never "allowed".
 */
final class PhotoPolicies {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> SOURCES = Map.of("cloud", "cloud", "onpremises", "onPremises");

    private PhotoPolicies() {
    }

    static PolicyReading read(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return shape();
        }
        JsonNode settings = root != null && root.path("value").isObject() ? root.get("value") : root;
        if (settings == null || !settings.isObject()) {
            return shape();
        }
        JsonNode source = settings.path("source");
        String where = source.isMissingNode() || source.isNull() ? "cloud"
                : source.isTextual() ? SOURCES.get(source.asText().strip().toLowerCase(Locale.ROOT)) : null;
        List<String> roles = roles(settings.path("allowedRoles"));
        if (where == null || roles == null) {
            return shape();
        }
        return new PhotoPolicy(where, roles);
    }

    /** Role template ids, trimmed; null when the value is of a shape no source shows. */
    private static List<String> roles(JsonNode allowedRoles) {
        if (allowedRoles.isMissingNode() || allowedRoles.isNull() || (allowedRoles.isObject() && allowedRoles.isEmpty())) {
            return List.of();
        }
        if (!allowedRoles.isArray()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : allowedRoles) {
            if (!role.isTextual()) {
                return null;
            }
            if (!role.asText().isBlank()) {
                roles.add(role.asText().strip());
            }
        }
        return List.copyOf(roles);
    }

    private static PolicyUnreadable shape() {
        return new PolicyUnreadable(Unreadable.SHAPE, 200);
    }
}
