package io.photosync.web;

import java.util.Locale;
import java.util.Optional;

/** The requests parked until their sender signs in, as the consent page sees them; the bot keeps them. */
public interface WaitingSignIns {

    /** A request waiting for {@code subjectId} to sign in; its id is in the consent page's link. */
    record Waiting(String id, String subjectId, Locale language) {
    }

    Optional<Waiting> waiting(String requestId);

    /** The person signed in (and consented) on the consent page: their request may go on. */
    void consented(String requestId);
}
