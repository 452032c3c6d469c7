package dev.costagent.core.recommend.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceTypeResolverTest {

    private final InstanceTypeResolver resolver =
            new InstanceTypeResolver(InstanceCatalog.shipped(), InstanceInventory.EMPTY);

    @Test
    void readsTheAwsChargeDescriptionForm() {
        ResolvedType type = resolver.fromValue(
                        "$0.192 per On Demand Linux m5.xlarge Instance Hour", "ChargeDescription")
                .orElseThrow();
        assertThat(type.name()).isEqualTo("m5.xlarge");
        assertThat(type.catalogEntry()).isPresent();
        // A type the catalog does not know is still found, so the report can say which type is missing.
        ResolvedType unknown = resolver.fromValue(
                        "$0.0416 per On Demand Linux m7g.large Instance Hour", "ChargeDescription")
                .orElseThrow();
        assertThat(unknown.name()).isEqualTo("m7g.large");
        assertThat(unknown.catalogEntry()).isEmpty();
    }

    @Test
    void readsSkuPriceDetailsJsonAndPlainColumnValues() {
        assertThat(resolver.fromValue(
                                "{\"InstanceType\": \"r5.large\", \"OperatingSystem\": \"Linux\"}", "SkuPriceDetails")
                        .orElseThrow()
                        .name())
                .isEqualTo("r5.large");
        assertThat(resolver.fromValue("Standard_D4s_v5", "x_InstanceType")
                        .orElseThrow()
                        .name())
                .isEqualTo("Standard_D4s_v5");
        assertThat(resolver.fromValue("Storage, gp2", "ChargeDescription")).isEmpty();
    }

    @Test
    void inventoryBeatsColumnsWhichBeatDescriptions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inventory.csv");
        Files.writeString(file, "ResourceId,InstanceType\ni-1,c5.large\n");
        InstanceTypeResolver withInventory =
                new InstanceTypeResolver(InstanceCatalog.shipped(), InstanceInventory.load(file));
        List<CostQuery> asked = new ArrayList<>();
        QueryEngine engine = query -> {
            asked.add(query);
            String column = query.groupBy().get(1).name();
            List<QueryResult.Group> groups = column.equals("x_InstanceType")
                    ? List.of(new QueryResult.Group(List.of("i-2", "m5.large"), 1, 1))
                    : column.equals("SkuPriceDetails")
                            ? List.of()
                            : List.of(new QueryResult.Group(
                                    List.of("i-3", "$1 per On Demand Linux r5.large Instance Hour"), 1, 1));
            return new QueryResult(query, groups, 0, 0);
        };
        Map<String, ResolvedType> types =
                withInventory.resolve(engine, TimeRange.ALL, Set.of("i-1", "i-2", "i-3"), null);
        assertThat(types.get("i-1").name()).isEqualTo("c5.large");
        assertThat(types.get("i-1").source()).isEqualTo("inventory");
        assertThat(types.get("i-2").source()).isEqualTo("x_InstanceType");
        assertThat(types.get("i-3").name()).isEqualTo("r5.large");
        assertThat(types.get("i-3").source()).isEqualTo("ChargeDescription");
        // Only the unresolved resources are asked about.
        assertThat(asked.get(0).filters().get(0).values()).containsExactlyInAnyOrder("i-2", "i-3");
    }

    @Test
    void aBadInventoryHeaderIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inv.csv");
        Files.writeString(file, "id,type\ni-1,m5.large\n");
        assertThatThrownBy(() -> InstanceInventory.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inv.csv:1")
                .hasMessageContaining("ResourceId,InstanceType");
    }
}
