package io.photosync.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Bot Framework messaging endpoint. Our own controller, because the SDK's Spring module does
 * not run on Spring 6+. In this order, each step refusing before the next costs anything: the
 * content type (415), the declared length (413), the channel token from the header (401), the
 * body read up to the limit (413), the JSON and the activity's shape (400), the activity against
 * the token (403); only then the turn. Every refusal is a 4xx with a short reason and a
 * correlation id; the only 5xx is 503, when our own database is down.
 */
@RestController
class MessagesController {

    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);
    private static final ObjectMapper SDK_MAPPER = new JacksonAdapter().serializer();

    private final BotFrameworkAdapter adapter;
    private final ChannelAuthentication authentication;
    private final ActivityReader reader;
    private final Bot bot;
    private final RefusalLog refusals = new RefusalLog(log, Clock.systemUTC());

    MessagesController(BotFrameworkAdapter adapter, ChannelAuthentication authentication, BotProperties properties, Bot bot) {
        this.adapter = adapter;
        this.authentication = authentication;
        this.reader = new ActivityReader(SDK_MAPPER, properties.maxActivitySize());
        this.bot = bot;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(HttpServletRequest request) {
        String correlation = UUID.randomUUID().toString();
        Activity activity = null;
        try {
            reader.checkEnvelope(request.getContentType(), request.getContentLengthLong());
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            ClaimsIdentity caller = authentication.caller(authorization);
            activity = reader.read(request.getInputStream());
            if (activity.getId() != null && !activity.getId().isBlank()) {
                correlation = RefusalLog.escape(activity.getId());
            }
            authentication.admit(activity, authorization);
            if (!ActivityReader.handled(activity)) {
                return ResponseEntity.accepted().build();
            }
            // Every log line of this activity's turn carries its id ({@code logging.pattern.correlation}).
            MDC.put("correlation", correlation);
            InvokeResponse response = turn(caller, activity);
            if (response != null && response.getStatus() >= 500 && response.getStatus() != 501) {
                // The SDK answers an invoke it could not take with 500 and the exception's message;
                // 501 (no such invoke) is the Bot Framework's own answer and stays.
                throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The invoke could not be handled.");
            }
            return response == null ? ResponseEntity.accepted().build() : invokeResponse(response);
        } catch (RefusedRequest refused) {
            refusals.refused(refused.status().value(), refused.reason(), activity == null ? null : activity.getId(), request.getRemoteAddr());
            return problem(refused, correlation);
        } catch (IOException unreadable) {
            refusals.refused(400, "unreadable body", null, request.getRemoteAddr());
            return problem(new RefusedRequest(HttpStatus.BAD_REQUEST, "The body could not be read."), correlation);
        } finally {
            MDC.remove("correlation");
        }
    }

    /**
     * Runs the turn on this thread. The bot answers every failure of its own to the person (the
     * adapter's turn error handler); what still comes out is either our database being away
     * (503: Teams retries) or the activity being one the SDK cannot take (400).
     */
    private InvokeResponse turn(ClaimsIdentity caller, Activity activity) {
        try {
            return adapter.processActivity(caller, activity, bot::onTurn).join();
        } catch (RuntimeException failed) {
            Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
            if (ourOutage(cause)) {
                log.warn("the database is unavailable: {}", cause.getClass().getSimpleName());
                throw new RefusedRequest(HttpStatus.SERVICE_UNAVAILABLE, "PhotoSync is briefly unavailable; try again.", Duration.ofSeconds(30));
            }
            log.debug("the SDK could not take a {} activity", RefusalLog.escape(activity.getType()), cause);
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The activity could not be handled.");
        }
    }

    /** The database or its pool being away, as opposed to a statement the activity's values broke (too long, say). */
    private static boolean ourOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<String> invokeResponse(InvokeResponse response) {
        try {
            String json = response.getBody() == null ? null : SDK_MAPPER.writeValueAsString(response.getBody());
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an invoke response could not be written", e);
        }
    }

    private static ResponseEntity<String> problem(RefusedRequest refused, String correlation) {
        String json = SDK_MAPPER.createObjectNode().put("status", refused.status().value()).put("error", refused.reason())
                .put("correlationId", correlation).toString();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_JSON);
        if (refused.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfter().toSeconds()));
        }
        return answer.body(json);
    }
}
