package io.nestedge.app.commission;

import io.nestedge.commissioning.ssh.HostKeyPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The host-key prompt of the SSH layer (called on an SSH I/O thread) answered by a dialog on the UI
 * thread: the SSH thread waits for the technician's decision. Any failure to ask is a REJECT.
 */
public final class FxPrompt implements HostKeyPolicy.Prompt {
    private final Executor ui;
    private final Function<HostKeyPolicy.UnknownHostKey, HostKeyPolicy.Decision> ask;

    /**
     * @param ui runs on the UI thread ({@code Platform::runLater} in the app)
     * @param ask shows the question and returns the decision (runs on the UI thread)
     */
    public FxPrompt(Executor ui, Function<HostKeyPolicy.UnknownHostKey, HostKeyPolicy.Decision> ask) {
        this.ui = ui;
        this.ask = ask;
    }

    @Override
    public HostKeyPolicy.Decision decide(HostKeyPolicy.UnknownHostKey key) {
        CompletableFuture<HostKeyPolicy.Decision> answer = new CompletableFuture<>();
        ui.execute(() -> {
            try {
                answer.complete(ask.apply(key));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            HostKeyPolicy.Decision d = answer.get();
            return d == null ? HostKeyPolicy.Decision.REJECT : d;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostKeyPolicy.Decision.REJECT;
        } catch (ExecutionException e) {
            return HostKeyPolicy.Decision.REJECT;
        }
    }
}
