package dev.costagent.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the CLI in-process, as the tests see it: the exit code and what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs the CLI with these arguments. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
