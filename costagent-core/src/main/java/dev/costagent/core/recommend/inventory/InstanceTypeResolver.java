package dev.costagent.core.recommend.inventory;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the instance type of resources, in this order (first hit wins):
 * <ol>
 *   <li>the {@link InstanceInventory};</li>
 *   <li>a provider column holding the type ({@code x_InstanceType} by default) or FOCUS 1.1's
 *       {@code SkuPriceDetails} JSON ({@code {"InstanceType": "m5.xlarge", ...}});</li>
 *   <li>the AWS ChargeDescription {@code $0.192 per On Demand Linux m5.xlarge Instance Hour}, or any description
 *       containing a type name the catalog knows.</li>
 * </ol>
 * Column values are read with {@link CostQuery}s grouped by ResourceId and the column, restricted to the resources
 * asked about; the value with the largest cost wins when a resource shows several. Immutable and thread-safe.
 */
public final class InstanceTypeResolver {

    /** Provider columns searched by default, in order. */
    public static final List<String> DEFAULT_COLUMNS = List.of("x_InstanceType", "SkuPriceDetails");

    private static final Pattern AWS_DESCRIPTION =
            Pattern.compile("per (?:On Demand|Reserved|Spot|Dedicated)[^$]*? ([a-z][a-z0-9-]*\\.[a-z0-9-]+) "
                    + "(?:[A-Za-z]+ )?Instance Hour");
    private static final Pattern JSON_TYPE = Pattern.compile("\"InstanceType\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s\"'{}\\[\\]:,;()=$]+");

    private final InstanceCatalog catalog;
    private final InstanceInventory inventory;
    private final List<String> columns;

    /** A resolver over a catalog and an inventory, searching {@link #DEFAULT_COLUMNS}. */
    public InstanceTypeResolver(InstanceCatalog catalog, InstanceInventory inventory) {
        this(catalog, inventory, DEFAULT_COLUMNS);
    }

    /** A resolver searching the given provider columns. */
    public InstanceTypeResolver(InstanceCatalog catalog, InstanceInventory inventory, List<String> columns) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.columns = List.copyOf(columns);
    }

    /**
     * Resolves the types of the given resources.
     *
     * @param billing where the columns are read
     * @param range the billing window to look in
     * @param resourceIds the resources to resolve
     * @param descriptions cost by ChargeDescription per resource, when the caller already queried it (else null)
     * @return the type per resource that has one
     */
    public Map<String, ResolvedType> resolve(
            QueryEngine billing,
            TimeRange range,
            Set<String> resourceIds,
            Map<String, Map<String, Double>> descriptions) {
        Listed listed = resolveListed(billing, range, resourceIds);
        Map<String, ResolvedType> resolved = new HashMap<>(listed.resolved());
        if (!listed.open().isEmpty()) {
            Map<String, Map<String, Double>> described = descriptions != null
                    ? descriptions
                    : valuesByResource(billing, range, listed.open(), FocusColumn.CHARGE_DESCRIPTION.columnName());
            Map<String, Optional<ResolvedType>> parsed = new HashMap<>();
            for (String id : listed.open()) {
                fromDescriptions(described.get(id), parsed).ifPresent(type -> resolved.put(id, type));
            }
        }
        return resolved;
    }

    /**
     * The first steps of {@link #resolve}, for every resource at once: the types the inventory and the provider
     * columns give (one query per column), and the resources left open, whose type can come only from their
     * ChargeDescriptions ({@link #fromDescriptions}, asked per resource when its type is wanted).
     *
     * @param billing where the columns are read
     * @param range the billing window to look in
     * @param resourceIds the resources to resolve
     * @return the types found, and the resources without one
     */
    public Listed resolveListed(QueryEngine billing, TimeRange range, Set<String> resourceIds) {
        Map<String, ResolvedType> resolved = new HashMap<>();
        Set<String> open = new LinkedHashSet<>();
        for (String id : resourceIds) {
            Optional<String> listed = inventory.typeOf(id);
            if (listed.isPresent()) {
                resolved.put(id, new ResolvedType(listed.get(), "inventory", catalog.find(listed.get())));
            } else {
                open.add(id);
            }
        }
        Map<String, Optional<ResolvedType>> parsed = new HashMap<>();
        for (String column : columns) {
            if (open.isEmpty()) {
                break;
            }
            Map<String, Map<String, Double>> values = valuesByResource(billing, range, open, column);
            // Values repeat across resources (a description per price, not per resource): each is parsed once.
            parsed.clear();
            for (var it = open.iterator(); it.hasNext(); ) {
                String id = it.next();
                Optional<ResolvedType> best = best(values.get(id), column, parsed);
                if (best.isPresent()) {
                    resolved.put(id, best.get());
                    it.remove();
                }
            }
        }
        return new Listed(Map.copyOf(resolved), Collections.unmodifiableSet(open));
    }

    /**
     * What {@link #resolveListed} found.
     *
     * @param resolved the type per resource that the inventory or a provider column gives
     * @param open the resources without one, in the order asked
     */
    public record Listed(Map<String, ResolvedType> resolved, Set<String> open) {}

    /**
     * The type of a resource from its cost by ChargeDescription (null: none), as {@link #resolve} finds it for a
     * resource the inventory and the columns leave open.
     *
     * @param costs the resource's usage cost by ChargeDescription, or null
     * @param parsed the type named by each description seen so far (descriptions repeat across resources): read and
     *     filled, so that each description is parsed once over many resources
     * @return the type, if a description names one
     */
    public Optional<ResolvedType> fromDescriptions(
            Map<String, Double> costs, Map<String, Optional<ResolvedType>> parsed) {
        return best(costs, FocusColumn.CHARGE_DESCRIPTION.columnName(), parsed);
    }

    /** The type named in one column value, if any: a catalog type, an AWS description or SkuPriceDetails JSON. */
    public Optional<ResolvedType> fromValue(String value, String source) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<InstanceType> direct = catalog.find(value.strip());
        if (direct.isPresent()) {
            return Optional.of(new ResolvedType(direct.get().name(), source, direct));
        }
        Matcher json = JSON_TYPE.matcher(value);
        if (json.find()) {
            return Optional.of(new ResolvedType(json.group(1), source, catalog.find(json.group(1))));
        }
        Matcher aws = AWS_DESCRIPTION.matcher(value);
        if (aws.find()) {
            return Optional.of(new ResolvedType(aws.group(1), source, catalog.find(aws.group(1))));
        }
        for (String token : TOKEN_SPLIT.split(value)) {
            Optional<InstanceType> known = catalog.find(token);
            if (known.isPresent()) {
                return Optional.of(new ResolvedType(known.get().name(), source, known));
            }
        }
        return Optional.empty();
    }

    /** The best type among one resource's values of a column (prefer a type the catalog knows, then the costlier). */
    private Optional<ResolvedType> best(
            Map<String, Double> byValue, String source, Map<String, Optional<ResolvedType>> parsed) {
        if (byValue == null) {
            return Optional.empty();
        }
        ResolvedType best = null;
        double bestCost = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : byValue.entrySet()) {
            Optional<ResolvedType> type = parsed.get(e.getKey());
            if (type == null) {
                type = fromValue(e.getKey(), source);
                parsed.put(e.getKey(), type);
            }
            // Prefer a type the catalog knows, then the costlier value; the name breaks ties for determinism.
            if (type.isPresent() && (best == null || better(type.get(), e.getValue(), best, bestCost))) {
                best = type.get();
                bestCost = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(ResolvedType candidate, double cost, ResolvedType best, double bestCost) {
        boolean known = candidate.catalogEntry().isPresent();
        boolean bestKnown = best.catalogEntry().isPresent();
        if (known != bestKnown) {
            return known;
        }
        if (cost != bestCost) {
            return cost > bestCost;
        }
        return candidate.name().compareTo(best.name()) < 0;
    }

    /** Cost by column value per resource, or an empty map when the engine has no such column. */
    static Map<String, Map<String, Double>> valuesByResource(
            QueryEngine billing, TimeRange range, Set<String> resourceIds, String column) {
        QueryResult result;
        try {
            result = billing.execute(CostQuery.builder()
                    .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.column(column))
                    .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), resourceIds, false))
                    .range(range)
                    .build());
        } catch (QueryException unknownColumn) {
            // The data lacks this optional column (the engine says so with a QueryException): look elsewhere.
            return Map.of();
        }
        Map<String, Map<String, Double>> values = new HashMap<>();
        for (QueryResult.Group g : result.groups()) {
            if (g.key(0) != null && g.key(1) != null) {
                values.computeIfAbsent(g.key(0), k -> new HashMap<>()).merge(g.key(1), g.value(), Double::sum);
            }
        }
        return values;
    }
}
