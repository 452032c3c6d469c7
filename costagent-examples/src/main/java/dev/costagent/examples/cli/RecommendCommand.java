package dev.costagent.examples.cli;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.recommend.RecommendationOptions;
import dev.costagent.core.recommend.RecommendationResult;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.report.ReportJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code costagent recommend}: the ranked savings recommendations for billing data (generated demo data when no
 * input is given). JSON output is {@code {"recommendations":[...]}}; warnings (e.g. a resource whose instance type is
 * unknown) go to stderr.
 */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description = "Ranked savings recommendations: idle, rightsizing, schedules, commitments, storage, spot.")
public final class RecommendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private AgentInputFlags inputs;

    @Option(
            names = "--min-saving",
            paramLabel = "USD",
            defaultValue = "1.0",
            description = "Drop recommendations saving less per month (default ${DEFAULT-VALUE}).")
    private double minSaving;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or json.")
    private String format;

    @Override
    public Integer call() {
        String fmt = FormatOption.require(format, "table", "json");
        RecommendationResult result;
        try (CostAgent agent = AnalyzeSupport.agent(
                inputs.inputs(), null, RecommendationOptions.builder().minMonthlySavings(minSaving))) {
            result = agent.recommend();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            out.println(ReportJson.recommendations(result.recommendations()));
        } else {
            printTable(out, result);
        }
        if (!inputs.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            result.warnings().forEach(w -> err.println("costagent: warning: " + w));
        }
        return 0;
    }

    private static void printTable(PrintWriter out, RecommendationResult result) {
        List<String> header =
                List.of("#", "type", "target", "monthly", "annual", "confidence", "risk", "horizon", "what to do");
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (Recommendation r : result.recommendations()) {
            rows.add(List.of(
                    Integer.toString(rank++),
                    r.type().name(),
                    r.resourceId(),
                    String.format(Locale.ROOT, "%,.2f", r.monthlySavings()),
                    String.format(Locale.ROOT, "%,.2f", r.annualSavings()),
                    String.format(Locale.ROOT, "%.2f", r.confidence()),
                    r.risk().name(),
                    r.horizon().name(),
                    r.title()));
        }
        TextTable.print(out, header, rows);
        out.printf(
                Locale.ROOT,
                "%d recommendations, %,.2f per month, %,.2f per year%n",
                result.recommendations().size(),
                result.totalMonthlySavings(),
                result.totalMonthlySavings() * 12);
    }
}
