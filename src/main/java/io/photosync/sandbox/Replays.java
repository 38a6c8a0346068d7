package io.photosync.sandbox;

import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Answers Microsoft gave, replayed in place of the simulator's own for calls that match: each
 * service asks after its token check, so a replayed answer still needs a valid caller.
 */
final class Replays {

    private final CopyOnWriteArrayList<Replay> replays = new CopyOnWriteArrayList<>();

    void add(String method, Pattern url, MicrosoftAnswer answer, int times) {
        replays.add(new Replay(method, url, answer, new AtomicInteger(times)));
    }

    /** The replayed answer for this call, if one matches and has uses left; the oldest first. */
    Optional<SimResponse> answer(String method, String url) {
        for (Replay replay : replays) {
            if (replay.method().equalsIgnoreCase(method) && replay.url().matcher(url).matches()
                    && replay.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Optional.of(replay.answer().asResponse());
            }
        }
        return Optional.empty();
    }

    int pending() {
        return replays.stream().mapToInt(replay -> replay.remaining().get()).sum();
    }

    void clear() {
        replays.clear();
    }

    private record Replay(String method, Pattern url, MicrosoftAnswer answer, AtomicInteger remaining) {
    }
}
