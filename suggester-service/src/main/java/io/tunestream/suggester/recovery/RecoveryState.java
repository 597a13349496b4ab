package io.tunestream.suggester.recovery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the start-up recovery is done. REST calls, readiness and the decisions consumer wait for
 * it: nothing may act on a registry that does not know its studies yet.
 */
@ApplicationScoped
public class RecoveryState {

    private final CompletableFuture<String> done = new CompletableFuture<>();

    public boolean isDone() {
        return done.isDone();
    }

    /** The summary of the recovery, once done; empty while it runs. */
    public String summary() {
        return done.getNow("recovering studies from Kafka");
    }

    void complete(String summary) {
        done.complete(summary);
    }

    /**
     * Blocks until the recovery is done (not on an event loop).
     *
     * @return false when {@code timeout} passed first
     */
    public boolean await(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("recovery failed", e.getCause());
        }
    }
}
