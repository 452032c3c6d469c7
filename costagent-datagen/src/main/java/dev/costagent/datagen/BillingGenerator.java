package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusCsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates realistic, deterministic FOCUS 1.0 billing data: the same {@link GeneratorSpec} gives the same rows and a
 * byte-identical CSV.
 *
 * <p>What the rows look like:
 * <ul>
 *   <li>hourly Usage rows per resource over {@code days} days, with monthly billing periods; services from AWS,
 *       Azure and Google Cloud with Pareto-shaped spend, accounts and regions likewise skewed;</li>
 *   <li>working-week services dip on weekends and swing over the day; storage-like services grow slowly; noise at
 *       the row and day level;</li>
 *   <li>compute rows priced from {@link InstancePriceList}, described in the provider's form (AWS:
 *       {@code $0.192 per On Demand Linux m5.xlarge Instance Hour}) and carrying an {@value #INSTANCE_TYPE_COLUMN}
 *       column;</li>
 *   <li>commitment discounts: covered rows have BilledCost 0 and an amortized EffectiveCost below the contracted
 *       cost; partly unused commitments emit hourly {@code CommitmentDiscountStatus = Unused} rows; their recurring
 *       fees are monthly Purchase rows (BilledCost = fee, EffectiveCost 0, as FOCUS amortizes through usage);</li>
 *   <li>monthly Tax rows per sub account, Credit and Adjustment rows (negative) per billing account;</li>
 *   <li>ListCost ≥ ContractedCost ≥ EffectiveCost on every Usage row; tags {@code env, team, app} on most
 *       resources;</li>
 *   <li>optional planted anomalies with their measured ground truth ({@link #groundTruth()});</li>
 *   <li>CPU and memory utilization series for the compute instances, each with a known profile
 *       ({@link #utilization(int)}, {@link #utilizationProfiles()}).</li>
 * </ul>
 * The row count is exact. Small outputs keep the charge rows to a fifth of the rows and the commitment rows to a tenth
 * (dropping adjustments, credits, tax, then commitments, which also need 30 or more resources). Rows are produced as
 * a stream: memory does not grow with the row count beyond the
 * per-resource plan (about one resource per 24 × days rows).
 *
 * <p>Instances are immutable and thread-safe; each traversal walks the plan afresh.
 */
public final class BillingGenerator implements Iterable<CostRecord> {

    /** The extra column carrying a compute row's instance type, e.g. {@code m5.xlarge}. */
    public static final String INSTANCE_TYPE_COLUMN = "x_InstanceType";

    private final GeneratorSpec spec;
    private final Estate estate;
    private volatile List<PlantedAnomaly> truth;

    private BillingGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.estate = Estate.plan(spec);
    }

    /** A generator for the spec; plans accounts, resources and commitments up front. */
    public static BillingGenerator of(GeneratorSpec spec) {
        return new BillingGenerator(requireNonNull(spec, "spec"));
    }

    /** A spec builder whose {@link GeneratorSpec.Builder#generator()} gives the generator. */
    public static GeneratorSpec.Builder builder() {
        return GeneratorSpec.builder();
    }

    /** The spec. */
    public GeneratorSpec spec() {
        return spec;
    }

    /** The exact number of rows every traversal produces. */
    public long rows() {
        return spec.rows();
    }

    /** The non-FOCUS columns rows may carry, in CSV header order. */
    public List<String> extraColumns() {
        return List.of(INSTANCE_TYPE_COLUMN);
    }

    /** The generated values of {@code ServiceName}, {@code SubAccountId} or {@code RegionId}, in plan order. */
    public List<String> dimensionValues(String dimension) {
        return List.copyOf(estate.dimensionValues(dimension));
    }

    /** Passes every row to the consumer, in time order. */
    @Override
    public void forEach(Consumer<? super CostRecord> consumer) {
        requireNonNull(consumer, "consumer");
        RowCursor cursor = new RowCursor(estate, false);
        while (cursor.advance()) {
            consumer.accept(cursor.record());
        }
        checkCount(cursor);
    }

    /** A fresh iterator over all rows. */
    @Override
    public Iterator<CostRecord> iterator() {
        RowCursor cursor = new RowCursor(estate, false);
        return new Iterator<>() {
            private boolean ready;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (!ready && !done) {
                    ready = cursor.advance();
                    done = !ready;
                }
                return ready;
            }

            @Override
            public CostRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + spec.rows() + " rows were returned");
                }
                ready = false;
                return cursor.record();
            }
        };
    }

    /** All rows as a sequential stream. */
    public Stream<CostRecord> stream() {
        Spliterator<CostRecord> spliterator = Spliterators.spliterator(
                iterator(), spec.rows(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    /**
     * Writes all rows as FOCUS CSV ({@code .csv.gz} compressed), byte for byte as {@link FocusCsvWriter} writes
     * the records, but encoded straight from the generator's numbers. Large outputs are generated and encoded on up
     * to four threads in blocks of hours and written in order, so the file is the same as a single-threaded run's.
     */
    public void writeCsv(Path path) throws IOException {
        try (FocusCsvWriter writer = FocusCsvWriter.open(path, extraColumns())) {
            writeRows(writer);
        }
    }

    /** Writes all rows as FOCUS CSV to a stream and closes it. */
    public void writeCsv(OutputStream out) throws IOException {
        try (FocusCsvWriter writer = FocusCsvWriter.to(out, extraColumns())) {
            writeRows(writer);
        }
    }

    private void writeRows(FocusCsvWriter writer) throws IOException {
        long written = ParallelCsvEncoder.write(estate, writer, extraColumns());
        if (written != spec.rows()) {
            throw new IllegalStateException(
                    "generator produced " + written + " rows, planned " + spec.rows() + " (a bug in the row budget)");
        }
    }

    /**
     * The CPU profile of every compute instance, by ResourceId, in plan order: the ground truth behind
     * {@link #utilization(int)}. Steady production instances are mostly healthy (45%) or over-provisioned (30%), some
     * idle (10%), under-provisioned (10%) or bursty (5%); autoscaled instances are healthy (60%) or bursty (40%).
     */
    public Map<String, UtilizationProfile> utilizationProfiles() {
        Map<String, UtilizationProfile> profiles = new LinkedHashMap<>();
        for (Estate.Resource r : estate.resources) {
            if (r.instanceType != null) {
                profiles.put(r.id, profileOf(r));
            }
        }
        return Collections.unmodifiableMap(profiles);
    }

    /**
     * CPU and memory series (5-minute samples) for up to {@code maxResources} compute instances, in plan order,
     * over the last 14 days of the data (all of it when shorter). Each follows its {@link #utilizationProfiles()}
     * entry.
     */
    public List<UtilizationSeries> utilization(int maxResources) {
        if (maxResources < 0) {
            throw new IllegalArgumentException("maxResources must not be negative, got " + maxResources);
        }
        int days = Math.min(14, spec.days());
        UtilizationGenerator generator = UtilizationGenerator.builder()
                .seed(spec.seed())
                .days(days)
                .start(spec.start()
                        .plusDays(spec.days() - (long) days)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant())
                .build();
        List<UtilizationSeries> series = new ArrayList<>();
        for (Estate.Resource r : estate.resources) {
            if (series.size() >= maxResources) {
                break;
            }
            if (r.instanceType != null) {
                series.add(generator.series(r.id, profileOf(r)));
            }
        }
        return series;
    }

    /** Writes {@link #utilization(int)} in long format ({@code ResourceId,Timestamp,Metric,Value}). */
    public void writeUtilizationCsv(Path path, int maxResources) throws IOException {
        UtilizationCsv.writeLong(path, utilization(maxResources));
    }

    private UtilizationProfile profileOf(Estate.Resource r) {
        double u = Dice.uniform(Dice.hash(spec.seed(), 61, r.index, 0));
        if (!r.steady) {
            return u < 0.6 ? UtilizationProfile.OPTIMIZED : UtilizationProfile.BURSTY;
        }
        if (u < 0.45) {
            return UtilizationProfile.OPTIMIZED;
        } else if (u < 0.75) {
            return UtilizationProfile.OVER_PROVISIONED;
        } else if (u < 0.85) {
            return UtilizationProfile.IDLE;
        } else if (u < 0.95) {
            return UtilizationProfile.UNDER_PROVISIONED;
        }
        return UtilizationProfile.BURSTY;
    }

    /**
     * The planted anomalies (named and random, in plan order) with their cost with and without the anomaly on its
     * day, measured by one pass over the rows (numbers only, no records) the first time it is asked for.
     */
    public List<PlantedAnomaly> groundTruth() {
        List<PlantedAnomaly> result = truth;
        if (result == null) {
            synchronized (this) {
                result = truth;
                if (result == null) {
                    result = measureTruth();
                    truth = result;
                }
            }
        }
        return result;
    }

    private List<PlantedAnomaly> measureTruth() {
        RowCursor cursor = new RowCursor(estate, true);
        while (cursor.advance()) {
            // numbers only: the cursor accumulates each anomaly's totals as it goes
        }
        checkCount(cursor);
        List<String> dimensions = List.of("ServiceName", "SubAccountId", "RegionId");
        List<PlantedAnomaly> result = new ArrayList<>();
        for (int i = 0; i < estate.anomalies.size(); i++) {
            Estate.ResolvedAnomaly resolved = estate.anomalies.get(i);
            AnomalySpec a = resolved.spec();
            List<AffectedValue> affected = new ArrayList<>();
            for (int d = 0; d < dimensions.size(); d++) {
                List<String> values = estate.dimensionValues(dimensions.get(d));
                long[] expected = cursor.expected10()[i][d];
                long[] actual = cursor.actual10()[i][d];
                for (int v = 0; v < values.size(); v++) {
                    if (expected[v] != actual[v]) {
                        affected.add(new AffectedValue(
                                dimensions.get(d), values.get(v), cost(expected[v]), cost(actual[v])));
                    }
                }
            }
            affected.sort(Comparator.comparing((AffectedValue v) -> v.impact().abs())
                    .reversed()
                    .thenComparing(AffectedValue::dimension)
                    .thenComparing(AffectedValue::value));
            long expected = cursor.expected10()[i][resolved.dimension()][resolved.valueIndex()];
            long actual = cursor.actual10()[i][resolved.dimension()][resolved.valueIndex()];
            result.add(new PlantedAnomaly(
                    a.type(),
                    a.dimension(),
                    a.value(),
                    a.date(),
                    a.magnitude(),
                    cost(expected),
                    cost(actual),
                    affected));
        }
        return List.copyOf(result);
    }

    private static BigDecimal cost(long scaled) {
        return BigDecimal.valueOf(scaled, Estate.COST_SCALE);
    }

    private void checkCount(RowCursor cursor) {
        if (cursor.produced() != spec.rows()) {
            throw new IllegalStateException("generator produced " + cursor.produced() + " rows, planned " + spec.rows()
                    + " (a bug in the row budget)");
        }
    }
}
