package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Teams side of a bot conversation. As the channel it signs the tokens it sends to the bot
 * and serves their keys at a Bot Framework-shaped OpenID metadata URL; as the Bot Connector it
 * records every activity the bot sends, creates or updates, and checks the bot's token when one
 * is sent.
 */
public final class SimulatedBotConnector implements AutoCloseable {

    /** One activity the bot sent: POST (new) or PUT (update), in which conversation. */
    public record Sent(String method, String conversationId, String activityId, JsonNode activity) {

        String text() {
            return activity.path("text").asText("");
        }

        /** The content of the first Adaptive Card attachment, or a missing node. */
        public JsonNode card() {
            for (JsonNode attachment : activity.path("attachments")) {
                if ("application/vnd.microsoft.card.adaptive".equals(attachment.path("contentType").asText())) {
                    return attachment.path("content");
                }
            }
            return MissingNode.getInstance();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ATTACHMENT = Pattern.compile("/v3/attachments/([^/]+)/views/original");

    private final SimIdentity identity;
    private final SimDirectory directory;
    private final Faults faults;
    private final ChannelTokens tokens = new ChannelTokens();
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicReference<Duration> hold = new AtomicReference<>();
    private volatile int refusalStatus = 429;
    private volatile Duration refusalRetryAfter = Duration.ofSeconds(1);
    private final SendRate rate = new SendRate();
    private final SimServer server;
    private final RequestLog received = new RequestLog();
    private final Map<String, Inline> inlineImages = new ConcurrentHashMap<>();
    private final AtomicInteger refusedDownloads = new AtomicInteger();

    private record Inline(byte[] bytes, String contentType) {
    }

    SimulatedBotConnector(SimIdentity identity, SimDirectory directory, Faults faults, int port) {
        this.identity = identity;
        this.directory = directory;
        this.faults = faults;
        this.server = SimServer.http(port, request -> {
            received.record(request, RequestLog.hostOf(request));
            return route(request);
        });
    }

    /** The service URL to put in activities, e.g. {@code http://127.0.0.1:PORT/}, or on the cloud's Teams host when posing as one. */
    public String serviceUrl() {
        return on(identity.hosts().serviceUrl()) + "/";
    }

    /** The OpenID metadata URL the bot validates channel tokens against. */
    public String openIdMetadataUrl() {
        return on(identity.hosts().botMetadata()) + "/v1/.well-known/openidconfiguration";
    }

    private String on(String host) {
        return host == null ? server.baseUrl() : "http://" + host + ":" + URI.create(server.baseUrl()).getPort();
    }

    /** A channel token for a bot, signed as the Bot Framework would sign it (or forged as asked). */
    public String channelToken(String botAppId, Forgery forgery) {
        return tokens.mint(botAppId, forgery, serviceUrl(), identity.tenantId(), identity.hosts().botFramework());
    }

    /** Every request the connector received (channel metadata and keys, sends, attachments), oldest first. */
    public List<ReceivedRequest> receivedRequests() {
        return received.all();
    }

    /** Everything the bot has sent, oldest first. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Sent> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    /** Waits until what was sent satisfies the condition; returns it, or throws after the timeout. */
    public synchronized List<Sent> awaitSent(Predicate<List<Sent>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(List.copyOf(sent))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the bot did not send what was expected within " + timeout + "; it sent " + sent);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(sent);
    }

    /**
     * The next {@code times} sends or updates are refused with this status ({@code 429}, {@code 412},
     * {@code 502}, {@code 504}) and {@code Retry-After}, as Teams does when a bot sends too fast.
     */
    public void refuseNext(int times, int status, Duration retryAfter) {
        refusalStatus = status;
        refusalRetryAfter = retryAfter;
        refusals.set(times);
    }

    /** Teams answers the next send or update only after {@code delay} (it arrives at once). */
    public void holdNextSend(Duration delay) {
        hold.set(delay);
    }

    /**
     * Enforces a send rate, as Teams does per bot per tenant: beyond {@code perSecond} sends or
     * updates in one second, 429 with {@code Retry-After: 1}. Zero turns it off.
     */
    public void enforceRate(int perSecond) {
        rate.enforce(perSecond);
    }

    /** How many sends the enforced rate refused. */
    public int rateRefusals() {
        return rate.refusals();
    }

    /**
     * A picture pasted into a message, as Teams hands it to a bot: an {@code image/*} attachment
     * on the Bot Connector, which answers only a request with a valid Bot Connector token.
     */
    public ObjectNode inlineImage(byte[] bytes, String contentType) {
        String id = "0-weu-d3-" + UUID.randomUUID().toString().replace("-", "");
        inlineImages.put(id, new Inline(bytes.clone(), contentType));
        return MAPPER.createObjectNode().put("contentType", "image/*").put("contentUrl", serviceUrl() + "v3/attachments/" + id + "/views/original");
    }

    /** How many attachment downloads came without a valid Bot Connector token (and were refused). */
    public int refusedDownloads() {
        return refusedDownloads.get();
    }

    public synchronized void clear() {
        sent.clear();
    }

    private SimResponse route(SimRequest request) {
        String path = request.path();
        if (path.equals("/v1/.well-known/openidconfiguration")) {
            ObjectNode metadata = MAPPER.createObjectNode()
                    .put("issuer", identity.hosts().botFramework())
                    .put("authorization_endpoint", "https://invalid.botframework.com")
                    .put("jwks_uri", on(identity.hosts().botMetadata()) + "/v1/.well-known/keys");
            metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
            metadata.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
            return SimResponse.json(200, metadata);
        }
        if (path.equals("/v1/.well-known/keys")) {
            return SimResponse.bytes("application/json", tokens.issuer().jwks(List.of("msteams"), null).getBytes(StandardCharsets.UTF_8));
        }
        Matcher attachment = ATTACHMENT.matcher(path);
        if ("GET".equals(request.method()) && attachment.matches()) {
            return attachment(request, attachment.group(1));
        }
        String below = request.below("/v3/conversations");
        if (below == null) {
            return error(404, "NotFound", "The simulated Bot Connector does not serve " + path + ".");
        }
        if (request.bearerToken() != null && identity.accessTokenFor(request, Api.BOT_CONNECTOR).isEmpty()) {
            return error(401, "Unauthorized", "Authorization has been denied for this request.");
        }
        faults.pauseForLatency();
        Duration held = request.method().matches("POST|PUT") ? hold.getAndSet(null) : null;
        if (held != null) {
            Faults.sleep(held);
        }
        if (request.method().matches("POST|PUT") && rate.refuses()) {
            return error(429, "TooManyRequests", "The bot is sending too fast.").withHeader("Retry-After", "1");
        }
        if (request.method().matches("POST|PUT") && refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(refusalStatus, refusalStatus == 429 ? "TooManyRequests" : "ServiceError", "Refused by the simulated connector.")
                    .withHeader("Retry-After", String.valueOf(refusalRetryAfter.toSeconds()));
        }
        return conversations(request, below);
    }

    private SimResponse attachment(SimRequest request, String id) {
        if (identity.accessTokenFor(request, Api.BOT_CONNECTOR).isEmpty()) {
            refusedDownloads.incrementAndGet();
            return error(401, "Unauthorized", "Authorization has been denied for this request.");
        }
        Inline image = inlineImages.get(id);
        return image == null ? error(404, "NotFound", "No such attachment.") : SimResponse.bytes(image.contentType(), image.bytes());
    }

    private SimResponse conversations(SimRequest request, String below) {
        JsonNode activity;
        try {
            activity = request.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request.body());
        } catch (IOException e) {
            return error(400, "BadSyntax", "The request body is not JSON.");
        }
        if (below.isEmpty() || below.equals("/")) {
            if (!"POST".equals(request.method())) {
                return error(405, "MethodNotAllowed", "Use POST to create a conversation.");
            }
            String conversationId = "a:" + UUID.randomUUID();
            return SimResponse.json(201, MAPPER.createObjectNode().put("id", conversationId).put("activityId", ""));
        }
        int members = below.indexOf("/members/");
        if (members > 0 && "GET".equals(request.method())) {
            return member(below.substring(members + "/members/".length()));
        }
        int marker = below.indexOf("/activities");
        if (marker < 0) {
            return error(404, "NotFound", "Unknown conversation resource.");
        }
        String conversationId = below.substring(1, marker);
        String rest = below.substring(marker + "/activities".length());
        String replyTo = rest.startsWith("/") ? rest.substring(1) : "";
        if ("PUT".equals(request.method()) && !replyTo.isEmpty()) {
            record(new Sent("PUT", conversationId, replyTo, activity));
            return SimResponse.json(200, MAPPER.createObjectNode().put("id", replyTo));
        }
        if ("POST".equals(request.method())) {
            if (activity.path("type").asText().isEmpty()) {
                return error(400, "MissingProperty", "The activity has no type.");
            }
            String id = "1:" + UUID.randomUUID();
            record(new Sent("POST", conversationId, id, activity));
            return SimResponse.json(201, MAPPER.createObjectNode().put("id", id));
        }
        return error(405, "MethodNotAllowed", request.method() + " is not supported here.");
    }

    /**
     * One member of a conversation, as Teams answers the SDK's {@code TeamsInfo.getMember} (which
     * it calls for every person in a {@code membersAdded}): user ids are {@code 29:1<object id>}
     * here, as {@code TeamsChannel} and the Playground make them. Teams answers 404
     * {@code MemberNotFoundInConversation} for someone who is not in the conversation.
     */
    private SimResponse member(String memberId) {
        String decoded = URLDecoder.decode(memberId, StandardCharsets.UTF_8);
        if (!decoded.startsWith("29:")) {
            return error(404, "MemberNotFoundInConversation", "The member is not in the conversation.");
        }
        String objectId = decoded.startsWith("29:1") ? decoded.substring(4) : decoded.substring(3);
        SimUser user = directory.findUser(objectId);
        ObjectNode account = MAPPER.createObjectNode().put("id", decoded).put("objectId", objectId)
                .put("name", user == null ? "Someone" : user.displayName()).put("tenantId", identity.tenantId()).put("userRole", "user");
        if (user != null) {
            account.put("userPrincipalName", user.userPrincipalName()).put("email", user.userPrincipalName())
                    .put("aadObjectId", user.id());
        }
        return SimResponse.json(200, account);
    }

    private synchronized void record(Sent activity) {
        sent.add(activity);
        notifyAll();
    }

    private static SimResponse error(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return SimResponse.json(status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
