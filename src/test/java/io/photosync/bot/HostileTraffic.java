package io.photosync.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Requests an attacker (or a broken client) sends to {@code /api/messages}, generated from a seed
 * so that a failure can be replayed: garbage bodies, odd content types, bodies over the limit,
 * forged and malformed tokens, and above all real Teams activities (the captured shapes in
 * {@code ../shared/teams-activities}) with fields deleted, retyped, stretched or filled with
 * hostile text. Nothing here knows what the bot should answer beyond "not a 5xx".
 */
public final class HostileTraffic {

    /** One request: what it is (for the failure message), its content type, body and Authorization header. */
    public record Request(String description, String contentType, byte[] body, String authorization) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction",
            "messageUpdate", "messageDelete", "event", "typing", "endOfConversation", "trace", "handoff", "command", "", " ", "MESSAGE",
            "message\u0000", "délivrance", "x".repeat(300));
    private static final List<String> INVOKE_NAMES = List.of("adaptiveCard/action", "signin/tokenExchange", "signin/verifyState",
            "signin/failure", "composeExtension/query", "task/fetch", "task/submit", "fileConsent/invoke", "actionableMessage/executeAction",
            "config/fetch", "healthCheck", "application/search", "", "photosync/nothing", "adaptiveCard/action\n");
    private static final List<String> TEXTS = List.of("sync my photo", "synkroniser bildet mitt", "help", "hjelp", "why is my photo not showing",
            "sync photo for ' or 1 eq 1", "sync photo for *", "history for %", "doctor \"", "nudge \u202e", "sync photo for <at>PhotoSync</at>",
            "<script>alert(1)</script>", "'; drop table sync_job; --", "sync photo for " + "a".repeat(5000), "\u0000", "\ud800", "🙂".repeat(100),
            "sync my photo\r\n2026-12-01 INFO forged line", "${jndi:ldap://127.0.0.1/x}", "%s%s%s%n", "sync photo for a@b@c@d", "../../etc/passwd",
            "undo version 00000000-0000-0000-0000-000000000000", "undo version ' or 1=1 --", "undo photo for *", "angre bildet til %",
            "nudge , ; and og", "undo my photo " + "x".repeat(3000));
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/xml", "application/jsonx", "*/*", ";;;", "application/json; charset=utf-16", "image/png", "application/*",
            "multipart/mixed; boundary=\"\"");
    private static final List<String> SERVICE_URLS = List.of("", " ", "not a url", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
            "javascript:alert(1)", "http://10.0.0.1/", "https://smba.trafficmanager.net/emea/", "http://user:pass@127.0.0.1:1/", "ftp://127.0.0.1/",
            "http://[::1", "http://127.0.0.1:99999/", "http://127.0.0.1:1/" + "a".repeat(3000), "http://localhost.evil.example/", "//127.0.0.1/");

    private final Random random;
    private final String serviceUrl;
    private final Supplier<String> genuineToken;
    private final List<ObjectNode> shapes;

    /** @param genuineToken a valid channel token for each authenticated request; null in sandbox mode, where none is sent */
    HostileTraffic(long seed, String serviceUrl, Supplier<String> genuineToken) {
        this.random = new Random(seed);
        this.serviceUrl = serviceUrl;
        this.genuineToken = genuineToken;
        this.shapes = teamsShapes(serviceUrl);
    }

    Request next() {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return garbage();
        }
        if (kind < 13) {
            return new Request("content type", pick(CONTENT_TYPES), bytes(shape().toString()), token());
        }
        if (kind < 16) {
            return oversized();
        }
        if (kind < 26) {
            return forgedHeader();
        }
        return mutated();
    }

    private Request garbage() {
        String body = switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "[" + shape() + "]";
            case 3 -> "\"message\"";
            case 4 -> "[".repeat(5000) + "]".repeat(5000);
            case 5 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 6 -> shape().toString().substring(0, random.nextInt(200));
            case 7 -> "{\"type\": \"message\", \"text\": \"" + "\\u".repeat(50) + "\"}";
            case 8 -> "42";
            default -> null;
        };
        byte[] bytes = body == null ? randomBytes(random.nextInt(2000)) : bytes(body);
        return new Request("garbage", "application/json", bytes, token());
    }

    private Request oversized() {
        ObjectNode activity = shape();
        activity.put("text", "x".repeat(300_000 + random.nextInt(1_500_000)));
        return new Request("oversized", "application/json", bytes(activity.toString()), token());
    }

    private Request forgedHeader() {
        String header = switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "Bearer";
            case 2 -> "Bearer ";
            case 3 -> "Bearer not-a-jwt";
            case 4 -> "Bearer " + b64("{\"alg\":\"RS256\"}") + "." + b64("{}");
            case 5 -> "Bearer " + b64("[1,2]") + "." + b64("{}") + ".sig";
            case 6 -> "Bearer " + b64("{\"alg\":\"RS256\",\"kid\":\"x\"}") + "." + b64("{\"exp\":\"tomorrow\",\"iss\":\"https://api.botframework.com\"}") + ".sig";
            case 7 -> "Bearer " + b64("{\"alg\":\"none\"}") + "." + b64("{\"iss\":\"https://api.botframework.com\",\"aud\":\"x\"}") + ".";
            case 8 -> "Basic dXNlcjpwYXNz";
            case 9 -> "Bearer " + "a".repeat(20_000);
            case 10 -> "Bearer a.b.c.d.e";
            default -> "bearer " + b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"iss\":\"https://api.botframework.com\"}") + ".c2ln";
        };
        ObjectNode activity = mutate(shape());
        return new Request("forged header " + activity.path("type").asText(), "application/json", bytes(activity.toString()), header);
    }

    private Request mutated() {
        ObjectNode activity = shape();
        if (random.nextInt(4) == 0) {
            activity.put("type", pick(TYPES));
        }
        if ("invoke".equals(activity.path("type").asText()) && random.nextBoolean()) {
            activity.put("name", pick(INVOKE_NAMES));
        }
        if (random.nextInt(3) == 0) {
            activity.put("text", pick(TEXTS));
        }
        if (random.nextInt(8) == 0) {
            activity.put("serviceUrl", pick(SERVICE_URLS));
        }
        return new Request("mutated " + activity.path("type").asText(), "application/json", bytes(mutate(activity).toString()), token());
    }

    /** One to four hostile changes at random places in the activity. */
    private ObjectNode mutate(ObjectNode activity) {
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
            collect(activity, fields);
            if (fields.isEmpty()) {
                break;
            }
            Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
            if (random.nextInt(5) == 0) {
                field.getKey().remove(field.getValue());
            } else {
                field.getKey().set(field.getValue(), hostileValue());
            }
        }
        return activity;
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(new BigDecimal("1e400"));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(1).add("two").add(NODES.objectNode());
            case 5 -> NODES.objectNode().put("unexpected", "object");
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode("x".repeat(random.nextInt(60_000)));
            case 8 -> deep(200 + random.nextInt(700)); // within what Jackson writes (1,000 levels); deeper comes as raw text above
            case 9 -> NODES.textNode(UUID.randomUUID().toString());
            case 10 -> NODES.objectNode().set("action", NODES.objectNode().put("type", "Action.Execute").put("verb", pick(List.of("syncMyPhoto",
                    "syncPhotoFor", "undo", "", "x"))).set("data", random.nextBoolean() ? NODES.textNode("data") : NODES.objectNode().put("upn", pick(TEXTS))));
            case 11 -> NODES.numberNode(-1);
            default -> NODES.textNode(pick(TEXTS));
        };
    }

    private JsonNode deep(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> fields.add(Map.entry(object, name)));
            object.elements().forEachRemaining(child -> collect(child, fields));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, fields));
        }
    }

    private String token() {
        return genuineToken == null ? null : "Bearer " + genuineToken.get();
    }

    private ObjectNode shape() {
        ObjectNode copy = shapes.get(random.nextInt(shapes.size())).deepCopy();
        copy.put("id", "fuzz-" + random.nextInt(Integer.MAX_VALUE));
        copy.with("conversation").put("id", "a:fuzz" + random.nextInt(1000));
        return copy;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(json));
    }

    /** Real Teams activities, as captured in {@code ../shared/teams-activities}, pointed at our simulated connector. */
    static List<ObjectNode> teamsShapes(String serviceUrl) {
        Path folder = Path.of("..", "shared", "teams-activities");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(file -> {
                try {
                    return (ObjectNode) MAPPER.readTree(Files.readString(file).replace("__SERVICE_URL__", serviceUrl));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the captured Teams activities are in ../shared/teams-activities", e);
        }
    }
}
