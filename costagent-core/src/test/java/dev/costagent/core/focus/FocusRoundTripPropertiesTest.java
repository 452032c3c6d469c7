package dev.costagent.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.costagent.core.table.CostTable;
import dev.costagent.core.testing.FocusCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the reader: written rows read back equal; mutated bytes never hang or crash it. */
class FocusRoundTripPropertiesTest {

    @Property(tries = 100)
    void rowsWrittenAndReadBackAreEqual(
            @ForAll("records") @Size(min = 1, max = 30) List<CostRecord> records,
            @ForAll @IntRange(min = 1, max = 2) int threads)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FocusCsvWriter writer = FocusCsvWriter.to(out, List.of("x_Note"))) {
            records.forEach(writer::write);
        }
        Path file = Files.createTempFile("roundtrip", ".csv");
        try {
            Files.write(file, out.toByteArray());
            ReadOptions options =
                    ReadOptions.builder().threads(threads).chunkBytes(1024).build();
            assertThat(CostRecordSink.readAll(file, options)).isEqualTo(records);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 150)
    void mutatedBytesEndInRecordsOrTheDocumentedError(
            @ForAll("mutations") List<int[]> mutations,
            @ForAll boolean lenient,
            @ForAll @IntRange(min = 1, max = 2) int threads)
            throws IOException {
        byte[] bytes = FocusCsv.standard()
                .row()
                .row("ChargeDescription", "\"quoted, \"\"with\"\"\nnewline\"")
                .row("BilledCost", "\"7.5\"")
                .row()
                .row("ServiceName", "NULL")
                .text()
                .getBytes(StandardCharsets.UTF_8);
        List<Byte> mutable = new ArrayList<>();
        for (byte b : bytes) {
            mutable.add(b);
        }
        for (int[] mutation : mutations) {
            int at = mutation[1] % (mutable.size() + 1);
            byte value = (byte) mutation[2];
            switch (mutation[0]) {
                case 0 -> mutable.add(at, value);
                case 1 -> {
                    if (at < mutable.size()) {
                        mutable.remove(at);
                    }
                }
                default -> {
                    if (at < mutable.size()) {
                        mutable.set(at, value);
                    }
                }
            }
        }
        byte[] mutated = new byte[mutable.size()];
        for (int i = 0; i < mutated.length; i++) {
            mutated[i] = mutable.get(i);
        }
        Path file = Files.createTempFile("mutated", ".csv");
        try {
            Files.write(file, mutated);
            ReadOptions options = ReadOptions.builder()
                    .lenient(lenient)
                    .threads(threads)
                    .chunkBytes(1024)
                    .build();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    CostTable table = CostTable.read(file, options);
                    assertThat(table.rowCount()).isNotNegative();
                } catch (FocusFormatException expected) {
                    assertThat(expected.getMessage()).doesNotContain("\n").startsWith(file.toString());
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 5000),
                        Arbitraries.of(
                                (int) ',', (int) '"', (int) '\n', (int) '\r', (int) 'x', (int) '1', 0xEF, 0, (int) ';'))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<CostRecord>> records() {
        return record().list();
    }

    private Arbitrary<CostRecord> record() {
        Arbitrary<String> text = Arbitraries.strings()
                .withChars("abcXYZ09 ,\"\n\r;éß€{}:-_.")
                .ofMinLength(1)
                .ofMaxLength(20)
                .filter(s -> !s.equals("NULL"));
        Arbitrary<String> maybeText = text.injectNull(0.2);
        Arbitrary<BigDecimal> decimal = Combinators.combine(
                        Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                        Arbitraries.integers().between(0, 12))
                .as(BigDecimal::valueOf)
                .injectNull(0.1);
        // Billing data covers 2000-01-01 and the 2^31 seconds after it; a ChargePeriodStart outside is rejected.
        Arbitrary<Instant> instant = Arbitraries.longs()
                .between(946_684_800L, 946_684_800L + Integer.MAX_VALUE - 1)
                .map(Instant::ofEpochSecond)
                .injectNull(0.1);
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), text.injectNull(0.1))
                .ofMaxSize(3)
                .map(LinkedHashMap::new);
        return Combinators.combine(maybeText, decimal, instant, tags, maybeText, decimal, instant, maybeText)
                .as((service, billed, start, tagMap, resource, effective, periodEnd, description) ->
                        CostRecord.builder()
                                .serviceName(service)
                                .billedCost(billed)
                                .chargePeriodStart(start)
                                .tags(tagMap)
                                .resourceId(resource)
                                .effectiveCost(effective)
                                .billingPeriodEnd(periodEnd)
                                .chargeDescription(description)
                                .billingCurrency("USD")
                                .extra("x_Note", service)
                                .build());
    }
}
