package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a read produced: the sinks in file order, the counts, the rejected records (lenient mode) and the data-quality
 * findings.
 *
 * @param sinks one per stretch of each file, in file order
 * @param accepted records accepted
 * @param rejected records rejected (lenient mode); accepted + rejected = data records in the input
 * @param rejects the first rejected records in detail (up to {@link ReadOptions#maxRejectDetails()})
 * @param dataQuality rules broken by accepted rows
 * @param profile the FOCUS version read and each provider's granularity
 * @param <S> the sink type
 */
public record ReadResult<S extends RecordSink>(
        List<S> sinks,
        long accepted,
        long rejected,
        List<RejectedRecord> rejects,
        List<DataQualityIssue> dataQuality,
        InputProfile profile) {

    /** Copies the lists; {@code sinks} is empty when they were handed to a consumer as they were verified. */
    public ReadResult {
        sinks = List.copyOf(sinks);
        rejects = List.copyOf(rejects);
        dataQuality = List.copyOf(dataQuality);
        java.util.Objects.requireNonNull(profile, "profile");
    }

    /** A result without a profile (FOCUS 1.0, granularity unknown). */
    public ReadResult(
            List<S> sinks,
            long accepted,
            long rejected,
            List<RejectedRecord> rejects,
            List<DataQualityIssue> dataQuality) {
        this(sinks, accepted, rejected, rejects, dataQuality, InputProfile.EMPTY);
    }

    /** Collects the stretches of a read, in order. */
    static final class Builder<S extends RecordSink> {
        private final int maxRejectDetails;
        private final java.util.function.Consumer<? super S> consumer;
        private final List<S> sinks = new ArrayList<>();
        private final List<RejectedRecord> rejects = new ArrayList<>();
        private final Map<String, long[]> nulls = new LinkedHashMap<>();
        private final Map<String, long[]> missing = new LinkedHashMap<>();
        /** Allowed-value findings by column: rows, and the first example. */
        private final Map<String, Object[]> notAllowed = new LinkedHashMap<>();

        private final Map<String, long[]> granularity = new LinkedHashMap<>();
        private long emptyPeriods;
        private String emptyPeriodExample;
        private FocusVersion version;
        private long accepted;
        private long rejected;

        Builder(int maxRejectDetails, java.util.function.Consumer<? super S> consumer) {
            this.maxRejectDetails = maxRejectDetails;
            this.consumer = consumer;
        }

        /**
         * Adds a verified stretch whose first line is {@code lineBase + 1}.
         *
         * @throws FocusFormatException for the stretch's strict-mode failure, with its line in the file
         */
        void add(ChunkParser<S> parser, long lineBase) {
            add(parser.sink, parser.tally, lineBase);
        }

        /** Adds a verified stretch of any source, its lines (or rows) counted from {@code lineBase + 1}. */
        void add(S sink, RecordTally tally, long lineBase) {
            if (tally.failure != null) {
                RejectedRecord f = tally.failure;
                throw new FocusFormatException(f.file(), lineBase + f.line(), f.column(), f.reason());
            }
            if (consumer == null) {
                sinks.add(sink);
            } else {
                consumer.accept(sink);
            }
            accepted += tally.accepted;
            rejected += tally.rejected;
            for (RejectedRecord r : tally.rejects) {
                if (rejects.size() < maxRejectDetails) {
                    rejects.add(new RejectedRecord(r.file(), lineBase + r.line(), r.column(), r.reason(), r.snippet()));
                }
            }
            List<String> columns = tally.nullCountedColumns();
            for (int i = 0; i < columns.size(); i++) {
                nulls.computeIfAbsent(columns.get(i), c -> new long[1])[0] += tally.nullCounts[i];
            }
            for (FocusColumn column : tally.header.missingMandatory()) {
                missing.computeIfAbsent(column.columnName(), c -> new long[1])[0] += tally.accepted;
            }
            RecordValidator validator = tally.validator;
            for (RecordValidator.ValueRule rule : validator.valueRules()) {
                Object[] found =
                        notAllowed.computeIfAbsent(rule.column, c -> new Object[] {new long[1], null, rule.detail});
                ((long[]) found[0])[0] += rule.rows;
                if (found[1] == null && rule.example != null) {
                    found[1] = rule.example;
                }
            }
            if (emptyPeriodExample == null) {
                emptyPeriodExample = validator.emptyPeriodExample;
            }
            emptyPeriods += validator.emptyPeriods;
            validator.granularity.forEach((provider, counts) -> {
                long[] total = granularity.computeIfAbsent(provider, p -> new long[counts.length]);
                for (int i = 0; i < counts.length; i++) {
                    total[i] += counts[i];
                }
            });
            FocusVersion read = tally.header.version();
            if (version == null || read.compareTo(version) > 0) {
                version = read;
            }
        }

        ReadResult<S> build() {
            List<DataQualityIssue> issues = new ArrayList<>();
            missing.forEach((column, rows) -> issues.add(DataQualityIssue.missingMandatoryColumn(column, rows[0])));
            nulls.forEach((column, rows) -> {
                if (rows[0] > 0) {
                    issues.add(DataQualityIssue.nullInNonNullableColumn(column, rows[0]));
                }
            });
            notAllowed.forEach((column, found) -> {
                long rows = ((long[]) found[0])[0];
                if (rows > 0) {
                    issues.add(new DataQualityIssue(
                            DataQualityIssue.VALUE_NOT_ALLOWED, column, rows, (String) found[2], (String) found[1]));
                }
            });
            if (emptyPeriods > 0) {
                issues.add(DataQualityIssue.chargePeriodEndNotAfterStart(emptyPeriods, emptyPeriodExample));
            }
            Map<String, Granularity> byProvider = new LinkedHashMap<>();
            granularity.forEach((provider, counts) -> byProvider.put(provider, Granularity.ofCounts(counts)));
            InputProfile profile = new InputProfile(version == null ? FocusVersion.V1_0 : version, byProvider);
            return new ReadResult<>(sinks, accepted, rejected, rejects, issues, profile);
        }
    }
}
