package io.photosync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Calls of one sync that do not depend on each other, sent together so that they cost one round
 * trip instead of one each: all but the first on the shared pool (bounded, with the caller's log
 * context, the job it belongs to), the first on the caller's own thread. A failure is thrown as it
 * was thrown (a remote fault stays a remote fault), once every call has ended.
 */
public final class Together {

    private final Executor pool;

    public Together(Executor pool) {
        this.pool = pool;
    }

    /** Starts a call on the pool. */
    public <T> CompletableFuture<T> start(Supplier<T> call) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return CompletableFuture.supplyAsync(() -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            setContext(context);
            try {
                return call.get();
            } finally {
                setContext(before);
            }
        }, pool);
    }

    /** Every call's answer, in order: the first made here, the others on the pool meanwhile. */
    @SafeVarargs
    final <T> List<T> all(Supplier<T>... calls) {
        List<CompletableFuture<T>> others = new ArrayList<>();
        for (int i = 1; i < calls.length; i++) {
            others.add(start(calls[i]));
        }
        List<T> answers = new ArrayList<>();
        RuntimeException first = null;
        try {
            answers.add(calls[0].get());
        } catch (RuntimeException e) {
            first = e;
        }
        for (CompletableFuture<T> other : others) {
            try {
                answers.add(joined(other));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return answers;
    }

    /** Calls that answer nothing, together. */
    void run(Runnable... calls) {
        List<Supplier<Void>> suppliers = new ArrayList<>();
        for (Runnable call : calls) {
            suppliers.add(() -> {
                call.run();
                return null;
            });
        }
        all(suppliers.toArray(Supplier[]::new));
    }

    /** The call's answer, or its failure as it was thrown. */
    public static <T> T joined(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
