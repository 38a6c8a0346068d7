package io.photosync.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a JSON answer — field names, nesting and value types, not values — and where two
 * shapes differ. An array's shape is that of all its elements together, so lengths never matter.
 */
final class Shapes {

    private Shapes() {
    }

    /** Where {@code simulated} differs from {@code real}, one line per path ({@code /error/innerError/client-request-id: missing}). */
    static List<String> differences(JsonNode real, JsonNode simulated) {
        List<String> differences = new ArrayList<>();
        compare("", flatten(real), flatten(simulated), differences);
        return differences;
    }

    private static void compare(String at, Map<String, String> real, Map<String, String> simulated, List<String> differences) {
        TreeSet<String> paths = new TreeSet<>(real.keySet());
        paths.addAll(simulated.keySet());
        for (String path : paths) {
            if (underAnEmptyArray(path, real) || underAnEmptyArray(path, simulated)) {
                continue;
            }
            String expected = real.get(path);
            String actual = simulated.get(path);
            if (actual == null) {
                differences.add(at + path + ": missing (Microsoft: " + expected + ")");
            } else if (expected == null) {
                differences.add(at + path + ": not in Microsoft's answer (simulator: " + actual + ")");
            } else if (!expected.equals(actual) && !union(expected, actual).equals("array")) {
                differences.add(at + path + ": " + actual + ", Microsoft " + expected);
            }
        }
    }

    /** An empty array has no element shape, so it agrees with any: the path is below one that side left empty. */
    private static boolean underAnEmptyArray(String path, Map<String, String> side) {
        return side.entrySet().stream().anyMatch(entry -> entry.getValue().equals(EMPTY) && path.startsWith(entry.getKey() + "/[]"));
    }

    private static final String EMPTY = "array(empty)";

    /** Every path in the tree with its type; array elements share the path {@code []}. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> paths = new TreeMap<>();
        walk("", node, paths);
        return paths;
    }

    private static void walk(String path, JsonNode node, Map<String, String> paths) {
        paths.merge(path.isEmpty() ? "/" : path, type(node), Shapes::union);
        if (node.isObject()) {
            node.properties().forEach(field -> walk(path + "/" + field.getKey(), field.getValue(), paths));
        } else if (node.isArray()) {
            node.forEach(element -> walk(path + "/[]", element, paths));
        }
    }

    /** Two elements of one array, or an array seen empty and full: "array" wins over empty. */
    private static String union(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.equals(EMPTY) && b.equals("array") || a.equals("array") && b.equals(EMPTY)) {
            return "array";
        }
        return a + "|" + b;
    }

    private static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> node.isEmpty() ? EMPTY : "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
