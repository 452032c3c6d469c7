package dev.costagent.llm.accounting;

import static java.util.Objects.requireNonNull;

import dev.costagent.llm.client.ForwardingLlmClient;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;

/**
 * Records the usage of every successful call in a {@link UsageLedger}. Place it directly around the provider client,
 * inside any cache or retry wrapper, so that each call the provider bills is counted once and cache hits are not.
 */
public final class MeteredLlmClient extends ForwardingLlmClient {

    private final UsageLedger ledger;

    /** Meters {@code delegate} into {@code ledger}. */
    public MeteredLlmClient(LlmClient delegate, UsageLedger ledger) {
        super(delegate);
        this.ledger = requireNonNull(ledger, "ledger");
    }

    @Override
    protected LlmResponse call(LlmRequest request, TokenListener listener) {
        LlmResponse response = forward(request, listener);
        ledger.record(response.model().isEmpty() ? request.model() : response.model(), response.usage());
        return response;
    }
}
