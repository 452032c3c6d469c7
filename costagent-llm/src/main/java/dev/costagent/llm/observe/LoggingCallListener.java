package dev.costagent.llm.observe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example listener: one log line per call, at INFO on logger {@code dev.costagent.llm.calls}. Register it in
 * {@code META-INF/services/dev.costagent.llm.observe.LlmCallListener} to enable it; a Micrometer or OpenTelemetry
 * listener has the same shape (see {@code docs/llm.md}).
 */
public final class LoggingCallListener implements LlmCallListener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.costagent.llm.calls");

    @Override
    public void onResponse(Response response) {
        LOG.info(
                "llm call {} {}: {} ms, {} input ({} cached) + {} output tokens, finish {}",
                response.provider(),
                response.model(),
                response.latency().toMillis(),
                response.usage().input(),
                response.usage().cached(),
                response.usage().output(),
                response.finishReason());
    }

    @Override
    public void onError(Failure failure) {
        LOG.info(
                "llm call {} {} failed after {} ms: {} (HTTP {}, {})",
                failure.provider(),
                failure.model(),
                failure.elapsed().toMillis(),
                failure.errorType(),
                failure.status(),
                failure.retryable() ? "retryable" : "final");
    }
}
