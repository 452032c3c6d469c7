package dev.costagent.perf.bench;

/**
 * What a fork sends back, as JSON in the result file its parent named: the measurement, or the one-line reason it
 * failed.
 *
 * @param pid    the fork's process id
 * @param result the fork's measurement (null when it failed)
 * @param error  why it failed, one line (null when it measured)
 */
public record ForkOutcome(long pid, BenchmarkResult result, String error) {

    static ForkOutcome measured(BenchmarkResult result) {
        return new ForkOutcome(ProcessHandle.current().pid(), result, null);
    }

    static ForkOutcome failed(String error) {
        return new ForkOutcome(ProcessHandle.current().pid(), null, oneLine(error));
    }

    /** The first line of a message, without trailing blanks. */
    static String oneLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
