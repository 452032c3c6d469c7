package dev.costagent.examples.cli;

/** Placeholder entry point while the skeleton is set up. */
public final class CostagentCli {
    private CostagentCli() {}

    /** Runs the CLI. */
    public static void main(String[] args) {
        System.out.println("costagent");
    }
}
