package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The generator as a source: the same table as reading its CSV, identified by its spec. */
class GeneratedSourceTest {

    @Test
    void loadsTheSameTableAsTheWrittenCsv() throws Exception {
        GeneratorSpec spec = BillingGenerator.builder().seed(3).rows(2_000).build();
        GeneratedSource source = GeneratedSource.of(spec);

        CostTable piped = source.load(ReadOptions.DEFAULTS);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        BillingGenerator.of(spec).writeCsv(csv);
        CostTable written =
                CostTable.read("written", new java.io.ByteArrayInputStream(csv.toByteArray()), ReadOptions.DEFAULTS);

        CostQuery query = CostQuery.builder()
                .groupBy(Dimension.DAY, Dimension.column("ServiceName"))
                .build();
        assertThat(piped.rowCount()).isEqualTo(2_000);
        assertThat(piped.execute(query)).isEqualTo(written.execute(query));
        assertThat(source.id()).isEqualTo("generated:seed=3,rows=2000");
        assertThat(source.version()).isEqualTo(GeneratedSource.of(spec).version());
    }
}
