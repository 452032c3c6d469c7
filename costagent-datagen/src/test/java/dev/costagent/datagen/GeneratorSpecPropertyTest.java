package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.FocusCsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Any valid spec: the exact row count, and the fast CSV path equal to writing the records. */
class GeneratorSpecPropertyTest {

    @Property(tries = 25)
    void everyValidSpecGivesExactlyItsRowsAndOneCsv(
            @ForAll @LongRange(min = 100, max = 20_000) long rows,
            @ForAll @IntRange(min = 1, max = 120) int days,
            @ForAll("providers") List<String> providers,
            @ForAll @IntRange(min = 1, max = 30) int services,
            @ForAll @IntRange(min = 0, max = 3) int moreAccounts,
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 28) int startOffset)
            throws IOException {
        GeneratorSpec spec = GeneratorSpec.builder()
                .seed(seed)
                .rows(rows)
                .days(days)
                .providers(providers)
                .services(services)
                .billingAccounts(providers.size() + moreAccounts)
                .subAccounts(providers.size() + 2 * moreAccounts + 1)
                .start(LocalDate.of(2024, 1, 3).plusDays(startOffset))
                .build();
        BillingGenerator generator = BillingGenerator.of(spec);

        ByteArrayOutputStream records = new ByteArrayOutputStream();
        long[] count = {0};
        try (FocusCsvWriter writer = FocusCsvWriter.to(records, generator.extraColumns())) {
            generator.forEach(r -> {
                count[0]++;
                writer.write(r);
            });
        }
        assertThat(count[0]).isEqualTo(rows);

        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        generator.writeCsv(fast);
        assertThat(fast.toByteArray()).isEqualTo(records.toByteArray());
    }

    @Provide
    Arbitrary<List<String>> providers() {
        return Arbitraries.of("AWS", "Microsoft", "Google Cloud")
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(3);
    }
}
