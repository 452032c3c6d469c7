package dev.costagent.llm.narrate;

/**
 * How narrations went.
 *
 * @param model narratives the model wrote that passed validation
 * @param rejected model answers refused by validation (a number not among the facts, an empty answer)
 * @param failed calls that failed or ran out of time
 */
public record NarrationStatistics(long model, long rejected, long failed) {

    /** Narratives that fell back to the template. */
    public long template() {
        return rejected + failed;
    }
}
