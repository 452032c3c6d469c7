package dev.costagent.examples.data;

import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.datagen.BillingGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated cloud bill of a chosen size: FOCUS rows from {@link BillingGenerator} (AWS, Azure and Google Cloud,
 * 30 days, commitments, planted anomalies) and the utilization of its compute instances. Same seed and size, same
 * data on every machine.
 *
 * <pre>{@code
 * SampleBilling sample = SampleBilling.of(42, 10_000);
 * CostSource source = sample.writeFocusCsv(dir.resolve("billing.csv"));   // the real reader ingests it
 * List<UtilizationSeries> cpu = sample.utilization(200);
 * }</pre>
 *
 * @param seed the generator's seed
 * @param rows how many billing rows (100 to 10,000,000)
 * @param anomalies how many anomalies the generator plants
 */
public record SampleBilling(long seed, int rows, int anomalies) {

    /** Validates the size; the generator checks the rest. */
    public SampleBilling {
        if (rows < 100) {
            throw new IllegalArgumentException("a sample bill needs at least 100 rows, got " + rows);
        }
        if (anomalies < 0) {
            throw new IllegalArgumentException("anomalies must not be negative, got " + anomalies);
        }
    }

    /** A sample with two planted anomalies. */
    public static SampleBilling of(long seed, int rows) {
        return new SampleBilling(seed, rows, 2);
    }

    /** The generator behind the sample (for its ground truth and dimension values). */
    public BillingGenerator generator() {
        return BillingGenerator.builder()
                .seed(seed)
                .rows(rows)
                .randomAnomalies(anomalies)
                .generator();
    }

    /**
     * Writes the rows as a FOCUS CSV export ({@code .csv.gz} is compressed) and returns a source reading it back.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public CostSource writeFocusCsv(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            generator().writeCsv(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample billing to " + file + ": " + e.getMessage(), e);
        }
        return FocusFileSource.of(file);
    }

    /**
     * CPU and memory series (5-minute samples over the last 14 days) of up to {@code maxInstances} compute instances
     * of the bill, as the agent's rightsizing and idle rules read them.
     */
    public List<UtilizationSeries> utilization(int maxInstances) {
        return asAnalysisSeries(generator().utilization(maxInstances));
    }

    /** The generator's CPU and memory series in the form the analyses read: two series per resource. */
    public static List<UtilizationSeries> asAnalysisSeries(List<dev.costagent.datagen.UtilizationSeries> series) {
        List<UtilizationSeries> out = new ArrayList<>();
        for (dev.costagent.datagen.UtilizationSeries generated : series) {
            long[] times = new long[generated.samples()];
            double[] cpu = new double[times.length];
            double[] memory = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                times[i] = generated.timestamp(i).getEpochSecond();
                cpu[i] = generated.cpuAt(i);
                memory[i] = generated.memoryAt(i);
            }
            out.add(new UtilizationSeries(generated.resourceId(), "cpu", times, cpu));
            out.add(new UtilizationSeries(generated.resourceId(), "memory", times, memory));
        }
        return out;
    }
}
