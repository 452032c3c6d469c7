package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.inventory.InstanceInventory;
import dev.costagent.core.recommend.inventory.InstanceTypeResolver;
import dev.costagent.core.recommend.inventory.ResolvedType;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.spi.BillingWindow;
import dev.costagent.core.recommend.spi.CommitmentScope;
import dev.costagent.core.recommend.spi.ContextSettings;
import dev.costagent.core.recommend.spi.ResourceProfile;
import dev.costagent.core.recommend.spi.RuleContext;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The engine's {@link RuleContext}: the billing queries the rules of one run share, each computed once, on first use,
 * and the error handling that turns an unanswerable query into a warning.
 *
 * <p>The shared queries, all over usage rows ({@code ChargeCategory = Usage}):
 * <ol>
 *   <li>daily cost (group by {@code day}) — fixes the {@link BillingWindow};</li>
 *   <li>the distinct values of the window (group by {@code BillingCurrency, tag:env, ..., ChargeDescription}, a few
 *       groups): which tag values mark a resource non-production or spot tolerant, which tag keys are held, which
 *       currencies and descriptions there are;</li>
 *   <li>service category, currency, the tags held and cost by ChargeDescription per resource (group by
 *       {@code ResourceId, ServiceCategory, BillingCurrency, tag:..., ChargeDescription}), for the candidates only:
 *       restricted to the rows with a marking tag value when no resource has a verdict and the marked resources have
 *       no other rows, else to the marked resources and those with a verdict; every resource only when a rule asks
 *       about one outside them, or for all descriptions;</li>
 *   <li>daily cost of the candidate resources (those with a utilization verdict or a non-production or spot tag),
 *       group by {@code ResourceId, day} restricted to them — the {@link ResourceProfile}s;</li>
 * </ol>
 * When the data cannot answer the distinct values' or the marked rows' query, every resource is read, as before, so
 * that a missing column is warned about as it was.
 * Hourly queries, which cost the most per row, run only restricted: to on-demand compute rows for the commitment
 * baseline, and to the scheduling candidates for their hours of activity.
 * A context belongs to one run and one thread at a time.
 */
final class QueryingRuleContext implements RuleContext {

    /** Where a resource's ServiceCategory is kept in its facts. */
    private static final int SERVICE_CATEGORY = 0;
    /** Where a resource's BillingCurrency is kept in its facts. */
    private static final int CURRENCY = 1;
    /** Where a resource's tag values start in its facts, in the order of {@link #tagKeys}. */
    private static final int FIRST_TAG = 2;
    /** PricingCategory values meaning on-demand: FOCUS 1.0 {@code Standard}, and the older {@code On-Demand}. */
    private static final Set<String> ON_DEMAND = Set.of("Standard", "On-Demand");

    private static final Filter USAGE = RuleContext.usageOnly();

    private final QueryEngine billing;
    private final ContextSettings options;
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, UtilizationVerdict> utilization;
    /** Final once the rules run; a context {@linkplain #prepare() prepared} ahead of the analyses gets them late. */
    private List<AnomalySignal> anomalies;

    private final InstanceTypeResolver resolver;
    private final List<String> warnings = new ArrayList<>();
    private String rule;
    /** The answers of this run's queries (a query is a value): rules asking the same thing share one scan. */
    private final Map<CostQuery, QueryResult> answers = new HashMap<>();

    private Optional<BillingWindow> window;
    private NavigableMap<Long, Double> dailyUsageCost;
    /**
     * Per resource read so far with any value: ServiceCategory, BillingCurrency and the values of {@link #tagKeys},
     * the first non-null of each (one small array per resource rather than a map of a handful of entries).
     */
    private Map<String, String[]> resourceFacts;
    /**
     * Usage cost by ChargeDescription per resource read so far (all of them once {@link #factsRead} is null), but for
     * those in {@link #describedInOrder}.
     */
    private Map<String, Map<String, Double>> resourceDescriptions;
    /**
     * Per-resource results in key order whose descriptions are read only for the resources asked about (a rule asks
     * for a few of the thousands of candidates), each found by its id in the sorted groups.
     */
    private final List<DescribedInOrder> describedInOrder = new ArrayList<>();
    /** The resources whose facts and descriptions have been read, with or without any; null once all have. */
    private Set<String> factsRead;
    /**
     * The resources that a tag value may make candidates (a superset: those with a usage row in the window carrying a
     * non-production or spot value of a key the settings name); null when the data could not tell, and all were read.
     */
    private Set<String> tagged;
    /** The ChargeDescriptions of the usage rows in the window, as the tag values' query found them; null if unasked. */
    private Set<String> descriptionValues;
    /** Whether the per-resource query could not be answered: warned once, never asked again, no facts. */
    private boolean factsUnanswered;
    /** Whether the descriptions' own query (data without the ChargeDescription column) could not be answered. */
    private boolean descriptionsUnanswered;
    /** The tag keys the per-resource query reads: the environment keys, then the spot key. */
    private List<String> tagKeys;
    /** Where each of the settings' environment keys is in {@link #tagKeys}, in the settings' order. */
    private int[] environmentAt;
    /** Where the spot key is in {@link #tagKeys}. */
    private int spotAt;
    /**
     * The indexes in {@link #tagKeys} of the keys some usage row of the window holds, as the tag values' query found
     * them; null until it has run.
     */
    private int[] tagsHeld;

    private Map<String, ResourceProfile> profiles;
    /** Usage cost by ChargeDescription for every resource, in id order; read only when a rule asks for all of it. */
    private Map<String, Map<String, Double>> descriptions;

    /** The candidates' types from the inventory and the provider columns, and those left to their descriptions. */
    private InstanceTypeResolver.Listed listedTypes;
    /** The currencies of resources outside those read, as {@link #readCurrencies} found them (null: none). */
    private final Map<String, String> targetCurrencies = new HashMap<>();
    /** Strings in key order, null first. */
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    /** The types found in the descriptions of the open candidates asked about so far. */
    private final Map<String, Optional<ResolvedType>> describedTypes = new HashMap<>();
    /** The type each ChargeDescription names, parsed once per run. */
    private final Map<String, Optional<ResolvedType>> parsedDescriptions = new HashMap<>();

    private String currency;
    /**
     * The BillingCurrency values of the usage rows in the window, as the per-resource query found them; null until it
     * has run, and when it could not run.
     */
    private Set<String> resourceCurrencies;

    private Map<String, dev.costagent.core.focus.Granularity> granularity;
    private List<Recommendation> plannedActions;
    /** Set while {@link #prepare()} runs: a query the data cannot answer then ends the preparation, unwarned. */
    private boolean preparing;

    /**
     * A context for one run.
     *
     * @param billing the billing data
     * @param options the settings the context reads
     * @param utilization CPU verdicts by resource id
     * @param anomalies anomalies from the analysis stage
     * @param inventory stated instance types
     */
    QueryingRuleContext(
            QueryEngine billing,
            ContextSettings options,
            Map<String, UtilizationVerdict> utilization,
            List<AnomalySignal> anomalies,
            InstanceInventory inventory) {
        this.billing = requireNonNull(billing, "billing");
        this.options = requireNonNull(options, "options");
        this.utilization = Collections.unmodifiableSortedMap(new TreeMap<>(utilization));
        this.anomalies = List.copyOf(anomalies);
        this.resolver = new InstanceTypeResolver(options.catalog(), requireNonNull(inventory, "inventory"));
    }

    /** The billing data, for a rule's own queries. */
    @Override
    public QueryEngine billing() {
        return billing;
    }

    @Override
    public ContextSettings settings() {
        return options;
    }

    /** CPU verdicts by resource id, in id order. */
    @Override
    public Map<String, UtilizationVerdict> utilization() {
        return utilization;
    }

    /** Anomalies from the analysis stage. */
    @Override
    public List<AnomalySignal> anomalies() {
        return anomalies;
    }

    /** Gives a context prepared before the analyses ended their anomalies, before any rule runs. */
    void anomalies(List<AnomalySignal> value) {
        this.anomalies = List.copyOf(value);
    }

    /**
     * Computes ahead of the rules the shared answers that depend on the billing data, the verdicts and the inventory
     * alone, not on the analyses' findings nor on any rule: the billing window, the per-resource facts and
     * descriptions, the main currency, the commitment baseline, the candidates' profiles and instance types. The
     * agent runs this on another thread while the analyses run, then hands the context to the rules (one thread at a
     * time). The answers are the ones the rules would have got on first use. A query the data cannot answer ends the
     * preparation and leaves its derived answers uncomputed, so that the rule that needs it asks again and gets the
     * warning naming that rule, as it would have unprepared; the answers already in hand are kept.
     */
    void prepare() {
        preparing = true;
        try {
            window();
            facts();
            currency();
            commitmentEligibleHourlyByScope();
            profiles();
            listedTypes();
        } catch (Unprepared | QueryException unanswerable) {
            // derived state half built around a missing answer: the rules build it again, in their order
            window = null;
            dailyUsageCost = null;
            resourceFacts = null;
            resourceDescriptions = null;
            describedInOrder.clear();
            factsRead = null;
            tagged = null;
            tagsHeld = null;
            descriptionValues = null;
            factsUnanswered = false;
            descriptionsUnanswered = false;
            tagKeys = null;
            environmentAt = null;
            profiles = null;
            descriptions = null;
            listedTypes = null;
            currency = null;
            resourceCurrencies = null;
        } finally {
            preparing = false;
        }
    }

    /** Ends a {@link #prepare() preparation} at a query the data cannot answer. */
    private static final class Unprepared extends RuntimeException {
        Unprepared() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs a query for a rule, once per run: rules asking the same question share the answer. A query the data cannot
     * answer ({@link QueryException}: a column the input lacks, mixed currencies) becomes an empty result and a warning
     * naming the rule; anything else is a bug and propagates.
     */
    @Override
    public QueryResult query(CostQuery query) {
        try {
            return answer(query);
        } catch (QueryException unanswerable) {
            if (preparing) {
                throw new Unprepared();
            }
            warn((rule == null ? "" : rule + " ") + "skipped a check: " + unanswerable.getMessage());
            return new QueryResult(query, List.of(), 0, 0);
        }
    }

    /** Records a warning for the report (e.g. a resource that could not be rightsized, and why); once. */
    @Override
    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    /** Names the rule now evaluating, so that a check it has to skip is reported under its name. */
    void checking(String ruleName) {
        this.rule = ruleName;
    }

    /** The warnings recorded so far. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * What the billing rows let rules see, per provider (from ChargePeriodEnd − ChargePeriodStart at read time); empty
     * when the engine does not know it.
     */
    @Override
    public Map<String, dev.costagent.core.focus.Granularity> granularity() {
        if (granularity == null) {
            granularity = billing.profile().input().granularity();
        }
        return granularity;
    }

    /** The billing window, or empty when the data has no usage cost at all. */
    @Override
    public Optional<BillingWindow> window() {
        if (window == null) {
            NavigableMap<Long, Double> days = dailyUsageCost();
            window = days.isEmpty()
                    ? Optional.empty()
                    : Optional.of(BillingWindow.ofDays(
                            Math.max(days.firstKey(), days.lastKey() + 1 - options.lookbackDays()),
                            days.lastKey() + 1,
                            days.firstKey()));
        }
        return window;
    }

    /** Usage cost per epoch day over all the data, in day order (days without usage rows are absent). */
    @Override
    public NavigableMap<Long, Double> dailyUsageCost() {
        if (dailyUsageCost == null) {
            NavigableMap<Long, Double> days = new TreeMap<>();
            QueryResult result = query(
                    CostQuery.builder().groupBy(Dimension.DAY).filter(USAGE).build());
            for (QueryResult.Group g : result.groups()) {
                if (g.key(0) != null) {
                    days.merge(BillingWindow.parseDay(g.key(0)), g.value(), Double::sum);
                }
            }
            dailyUsageCost = Collections.unmodifiableNavigableMap(days);
        }
        return dailyUsageCost;
    }

    /**
     * Hourly usage cost over the window that a savings plan could cover: PricingCategory {@code Standard} (or
     * {@code On-Demand}) and ServiceCategory in the options' commitment categories; index 0 is the window's first
     * hour, hours without such cost are 0. Empty without a window. The only hourly query over many rows, and it is
     * filtered to those rows.
     */
    @Override
    public double[] commitmentEligibleHourly() {
        BillingWindow w = window().orElse(null);
        double[] total = new double[w == null ? 0 : (int) w.hours()];
        for (double[] hourly : commitmentEligibleHourlyByScope().values()) {
            for (int h = 0; h < total.length; h++) {
                total[h] += hourly[h];
            }
        }
        return total;
    }

    /**
     * {@link #commitmentEligibleHourly()} per {@link CommitmentScope} (provider, billing account, currency), in scope
     * order. Rows of daily granularity (ChargePeriodEnd − ChargePeriodStart = 1 day, so all of a day's cost starts at
     * 00:00) are spread evenly over the day's 24 hours: see {@link #spreadDailyRows(double[])}.
     */
    @Override
    public Map<CommitmentScope, double[]> commitmentEligibleHourlyByScope() {
        return eligibleHourly(null).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().scope(),
                        Map.Entry::getValue,
                        (a, b) -> {
                            double[] sum = a.clone();
                            for (int h = 0; h < sum.length; h++) {
                                sum[h] += b[h];
                            }
                            return sum;
                        },
                        TreeMap::new));
    }

    /**
     * Hourly commitment-eligible on-demand cost over the window, by scope and, when {@code resourceIds} is not null,
     * by resource restricted to those resources (resource null otherwise). Daily rows spread over their day.
     */
    @Override
    public Map<ScopedKey, double[]> eligibleHourly(Set<String> resourceIds) {
        BillingWindow w = window().orElse(null);
        if (w == null
                || options.commitmentServiceCategories().isEmpty()
                || (resourceIds != null && resourceIds.isEmpty())) {
            return Map.of();
        }
        List<Dimension> dims = new ArrayList<>(List.of(
                Dimension.HOUR,
                Dimension.of(FocusColumn.PROVIDER_NAME),
                Dimension.of(FocusColumn.BILLING_ACCOUNT_ID),
                Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                Dimension.of(FocusColumn.BILLING_CURRENCY)));
        if (resourceIds != null) {
            dims.add(Dimension.of(FocusColumn.RESOURCE_ID));
        }
        CostQuery.Builder q = CostQuery.builder()
                .groupBy(dims)
                .filter(USAGE)
                .filter(new Filter(Dimension.of(FocusColumn.PRICING_CATEGORY), ON_DEMAND, false))
                .filter(new Filter(
                        Dimension.of(FocusColumn.SERVICE_CATEGORY), options.commitmentServiceCategories(), false))
                .range(w.range());
        if (resourceIds != null) {
            q.filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), resourceIds, false));
        }
        QueryResult hours = query(q.build());
        // Tens of thousands of groups over a few scopes: each finds its scope's hours in a hash, and the few scopes
        // are put in order once at the end (the same sums: each hour cell adds the same values in the same order).
        // Without resources the scopes are a handful: a group finds its scope among them by its key strings (the
        // engine's own instances, so mostly the same object), making no key object per group.
        Map<ScopedKey, double[]> byKey = new HashMap<>();
        List<String[]> scopeKeys = new ArrayList<>();
        List<double[]> scopeHours = new ArrayList<>();
        java.util.function.Function<ScopedKey, double[]> newHours = k -> new double[(int) w.hours()];
        String hourKey = null;
        long h = 0;
        // read column by column: no group object per group
        String[] hourOf = hours.keyColumn(0);
        String[] providerOf = hours.keyColumn(1);
        String[] billingAccountOf = hours.keyColumn(2);
        String[] subAccountOf = hours.keyColumn(3);
        String[] currencyOf = hours.keyColumn(4);
        String[] resourceOf = resourceIds == null ? null : hours.keyColumn(5);
        double[] values = hours.values();
        for (int g = 0; g < values.length; g++) {
            if (hourOf[g] == null) {
                continue;
            }
            if (!hourOf[g].equals(hourKey)) { // groups come hour by hour: each hour's key is parsed once
                hourKey = hourOf[g];
                h = BillingWindow.parseHour(hourKey) - w.startHour();
            }
            if (h < 0 || h >= w.hours()) {
                continue;
            }
            String account = billingAccountOf[g] != null ? billingAccountOf[g] : subAccountOf[g];
            if (resourceOf == null) {
                scopeHours(scopeKeys, scopeHours, providerOf[g], account, currencyOf[g], w)[(int) h] += values[g];
                continue;
            }
            ScopedKey key = new ScopedKey(new CommitmentScope(providerOf[g], account, currencyOf[g]), resourceOf[g]);
            byKey.computeIfAbsent(key, newHours)[(int) h] += values[g];
        }
        for (int i = 0; i < scopeKeys.size(); i++) {
            String[] k = scopeKeys.get(i);
            byKey.put(new ScopedKey(new CommitmentScope(k[0], k[1], k[2]), null), scopeHours.get(i));
        }
        Map<ScopedKey, double[]> out = new TreeMap<>(Comparator.comparing(ScopedKey::scope)
                .thenComparing(ScopedKey::resourceId, Comparator.nullsFirst(Comparator.naturalOrder())));
        out.putAll(byKey);
        out.values().forEach(QueryingRuleContext::spreadDailyRows);
        return out;
    }

    /**
     * The hours of a scope's key strings (provider, account, currency as the groups give them), found among the scopes
     * seen so far or added; compared as {@link CommitmentScope} compares them (a null is an empty string).
     */
    private static double[] scopeHours(
            List<String[]> keys,
            List<double[]> hours,
            String provider,
            String account,
            String currency,
            BillingWindow w) {
        String p = provider == null ? "" : provider;
        String a = account == null ? "" : account;
        String c = currency == null ? "" : currency;
        for (int i = 0; i < keys.size(); i++) {
            String[] k = keys.get(i);
            if (k[0].equals(p) && k[1].equals(a) && k[2].equals(c)) {
                return hours.get(i);
            }
        }
        keys.add(new String[] {p, a, c});
        double[] added = new double[(int) w.hours()];
        hours.add(added);
        return added;
    }

    /**
     * Spreads each day whose cost all starts at 00:00 UTC evenly over its 24 hours, in place: a daily-granularity
     * export has one row per resource and day starting at midnight, and read hour by hour it would look like a
     * spike at midnight and 23 empty hours, which no commitment could cover. A day of hourly rows keeps its shape.
     * Index 0 is a window start at midnight.
     */
    static void spreadDailyRows(double[] hourly) {
        for (int d = 0; d + 24 <= hourly.length; d += 24) {
            if (hourly[d] == 0) {
                continue;
            }
            boolean onlyMidnight = true;
            for (int h = 1; h < 24 && onlyMidnight; h++) {
                onlyMidnight = hourly[d + h] == 0;
            }
            if (onlyMidnight) {
                double each = hourly[d] / 24;
                for (int h = 0; h < 24; h++) {
                    hourly[d + h] = each;
                }
            }
        }
    }

    @Override
    public List<Recommendation> plannedActions() {
        return plannedActions == null ? List.of() : plannedActions;
    }

    /** Sets the exclusive actions the commitment rules size around; the engine calls it between its two phases. */
    void planActions(List<Recommendation> actions) {
        this.plannedActions = List.copyOf(actions);
        shared.clear(); // what rules shared was computed around the previous plan
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<RuleContext, T> compute) {
        Object known = shared.get(key);
        if (known == null) {
            known = compute.apply(this);
            shared.put(key, known);
        }
        return (T) known;
    }

    /** The BillingCurrency of a resource's usage rows; the data's main currency when it has none. */
    @Override
    public String currency(String resourceId) {
        String c = targetCurrencies.containsKey(resourceId)
                ? targetCurrencies.get(resourceId)
                : fact(resourceId, CURRENCY);
        return c != null ? c : currency();
    }

    /** The currency with the most usage cost in the window (empty when the data names none). */
    @Override
    public String currency() {
        if (currency == null && resourceCurrencies != null && resourceCurrencies.size() <= 1) {
            // the per-resource query already grouped the same rows by currency: one currency (or none) is the answer
            // without another scan; several are weighed by their cost below
            currency = resourceCurrencies.isEmpty()
                    ? ""
                    : resourceCurrencies.iterator().next();
        }
        if (currency == null) {
            currency = "";
            BillingWindow w = window().orElse(null);
            if (w != null) {
                double best = Double.NEGATIVE_INFINITY;
                for (QueryResult.Group g : query(CostQuery.builder()
                                .groupBy(Dimension.of(FocusColumn.BILLING_CURRENCY))
                                .filter(USAGE)
                                .range(w.range())
                                .build())
                        .groups()) {
                    if (g.key(0) != null && Math.abs(g.value()) > best) {
                        best = Math.abs(g.value());
                        currency = g.key(0);
                    }
                }
            }
        }
        return currency;
    }

    /**
     * Hours with usage cost in the window, per resource, for the few resources asked about (an hourly query
     * restricted to them; the scheduling rule asks only about its candidates).
     */
    @Override
    public Map<String, Long> activeHours(Set<String> resourceIds) {
        BillingWindow w = window().orElse(null);
        if (w == null || resourceIds.isEmpty()) {
            return Map.of();
        }
        QueryResult result = query(CostQuery.builder()
                .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.HOUR)
                .filter(USAGE)
                .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), resourceIds, false))
                .range(w.range())
                .build());
        Map<String, Long> hours = new HashMap<>();
        String[] resourceOf = result.keyColumn(0);
        double[] values = result.values();
        for (int g = 0; g < values.length; g++) {
            if (resourceOf[g] != null && values[g] != 0) {
                hours.merge(resourceOf[g], 1L, Long::sum);
            }
        }
        return hours;
    }

    /** The environment of a resource, lower case, from the first configured tag key it has; null if none. */
    @Override
    public String environment(String resourceId) {
        return environment(factsOf(resourceId));
    }

    /** The environment in a resource's facts (null: none). */
    private String environment(String[] facts) {
        if (facts == null) {
            return null;
        }
        for (int at : environmentAt) {
            String value = facts[FIRST_TAG + at];
            if (value != null) {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether a resource is tagged non-production. */
    @Override
    public boolean nonProduction(String resourceId) {
        return nonProduction(factsOf(resourceId));
    }

    private boolean nonProduction(String[] facts) {
        String env = environment(facts);
        return env != null && options.nonProductionValues().contains(env);
    }

    /** Whether a resource's spot tag (options' {@code spotTagKey}) names a workload that tolerates interruption. */
    @Override
    public boolean spotTolerant(String resourceId) {
        return spotTolerant(factsOf(resourceId));
    }

    private boolean spotTolerant(String[] facts) {
        String workload = facts == null ? null : facts[FIRST_TAG + spotAt];
        return workload != null && options.spotTagValues().contains(workload.toLowerCase(Locale.ROOT));
    }

    /** The ServiceCategory of a resource's usage ({@code Compute}, {@code Storage}, ...), or null. */
    @Override
    public String serviceCategory(String resourceId) {
        return fact(resourceId, SERVICE_CATEGORY);
    }

    /**
     * Whether a resource can be stopped and started: its ServiceCategory is one the options name (Compute) and it
     * has an instance type (a virtual machine, not a managed service such as a Kubernetes control plane).
     */
    @Override
    public boolean schedulable(String resourceId) {
        String category = serviceCategory(resourceId);
        return category != null
                && options.scheduleServiceCategories().contains(category)
                && instanceType(resourceId).isPresent();
    }

    /** One tag of a resource (only the environment and spot tag keys are read), or null. */
    @Override
    public String tag(String resourceId, String key) {
        facts();
        int index = tagKeys.indexOf(key);
        return index < 0 ? null : fact(resourceId, FIRST_TAG + index);
    }

    /** The cost profile of a candidate resource in the window, if it had usage cost there. */
    @Override
    public Optional<ResourceProfile> profile(String resourceId) {
        return Optional.ofNullable(profiles().get(resourceId));
    }

    /** Profiles of every candidate resource, by id, in id order. */
    @Override
    public Map<String, ResourceProfile> profiles() {
        if (profiles == null) {
            profiles = computeProfiles();
        }
        return profiles;
    }

    /** Whether a resource stopped reporting cost more than a day before the data's last day (already gone). */
    @Override
    public boolean stale(ResourceProfile profile) {
        return window().map(w -> profile.lastDay() < w.endHour() / 24 - 2).orElse(true);
    }

    /**
     * Usage cost by ChargeDescription for every resource in the window, in resource id order. The per-resource query
     * over every resource, run only for this (the shipped rules ask about candidates, or for some descriptions).
     */
    @Override
    public Map<String, Map<String, Double>> descriptions() {
        facts();
        if (descriptions == null) {
            readAll();
        }
        return descriptions;
    }

    /**
     * Usage cost by the ChargeDescriptions {@code kept} accepts, per resource with any, in resource id order: each
     * distinct description (as the tag values' query found them, see {@link #markingValues}) is judged once, then
     * only the rows of the accepted ones are read per resource, grouped as the per-resource query groups them (so each
     * resource's cost adds the same groups in the same order). What {@link #descriptions()} filtered would give; that
     * is the answer too when the descriptions were not found apart.
     */
    @Override
    public Map<String, Map<String, Double>> descriptions(Predicate<String> kept) {
        facts(); // the per-resource query and its warnings come first, as when this was read from it
        BillingWindow w = window().orElse(null);
        if (descriptions != null || w == null || factsUnanswered || descriptionValues == null) {
            return RuleContext.super.descriptions(kept);
        }
        Set<String> accepted = new HashSet<>();
        for (String description : descriptionValues) {
            if (kept.test(description)) {
                accepted.add(description);
            }
        }
        Map<String, Map<String, Double>> out = new TreeMap<>();
        if (accepted.isEmpty()) {
            return out;
        }
        // ResourceId and ChargeDescription first: a pair's groups are adjacent and come in the order the per-resource
        // query has them (by ServiceCategory, currency, tags), so each cost adds the same values in the same order.
        List<Dimension> dims = new ArrayList<>(perResourceDimensions(true));
        dims.add(1, dims.remove(dims.size() - 1));
        QueryResult result = query(CostQuery.builder()
                .groupBy(dims)
                .filter(USAGE)
                .filter(new Filter(Dimension.of(FocusColumn.CHARGE_DESCRIPTION), accepted, false))
                .range(w.range())
                .build());
        for (QueryResult.Group g : result.groups()) {
            if (g.key(0) != null && g.key(1) != null) {
                out.computeIfAbsent(g.key(0), k -> new HashMap<>()).merge(g.key(1), g.value(), Double::sum);
            }
        }
        return out;
    }

    /**
     * The instance type of a candidate resource (one with a utilization verdict or a profile), if it can be found
     * (see {@link InstanceTypeResolver}): the inventory and the provider columns are read for all candidates together,
     * once; the ChargeDescriptions of a candidate they leave open are read when its type is asked (the rules ask
     * about the few candidates their other checks keep), each description parsed once.
     */
    @Override
    public Optional<ResolvedType> instanceType(String resourceId) {
        InstanceTypeResolver.Listed listed = listedTypes();
        ResolvedType known = listed.resolved().get(resourceId);
        if (known != null || !listed.open().contains(resourceId)) {
            return Optional.ofNullable(known);
        }
        Optional<ResolvedType> described = describedTypes.get(resourceId);
        if (described == null) {
            described = resolver.fromDescriptions(descriptionsOf(resourceId), parsedDescriptions);
            describedTypes.put(resourceId, described);
        }
        return described;
    }

    private InstanceTypeResolver.Listed listedTypes() {
        if (listedTypes == null) {
            BillingWindow w = window().orElse(null);
            Set<String> candidates = new LinkedHashSet<>(utilization.keySet());
            candidates.addAll(profiles().keySet());
            facts(); // the candidates' descriptions: every candidate's facts were read with them
            listedTypes = w == null
                    ? new InstanceTypeResolver.Listed(Map.of(), Set.of())
                    : resolver.resolveListed(billing, w.range(), candidates);
        }
        return listedTypes;
    }

    /** The facts read so far; on first use, those of the resources a rule can ask about (see {@link #readFirst}). */
    private Map<String, String[]> facts() {
        if (resourceFacts == null) {
            readFirst();
        }
        return resourceFacts;
    }

    /** A resource's facts, or null; a resource outside those read makes every resource read, once. */
    private String[] factsOf(String resourceId) {
        String[] known = facts().get(resourceId);
        if (known != null || resourceId == null || factsRead == null || factsRead.contains(resourceId)) {
            return known; // facts are kept only for resources read, so a resource with some needs no other check
        }
        readAll();
        return resourceFacts.get(resourceId);
    }

    private String fact(String resourceId, int index) {
        String[] facts = factsOf(resourceId);
        return facts == null ? null : facts[index];
    }

    /**
     * Reads the currencies of these resources too, in one query, ahead of asking {@link #currency(String)} about them
     * one by one (the engine does so for the targets of the recommendations it stamps with their currency): a
     * resource's currency is its first BillingCurrency in the per-resource query's key order, that is the least
     * currency among its rows of the least ServiceCategory (none first) that have one, which a query by ResourceId,
     * BillingCurrency and ServiceCategory tells. When the data cannot answer, {@code currency} reads every resource.
     */
    void readCurrencies(Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return; // nothing asked: no query either, as when nothing is looked up
        }
        facts();
        if (factsRead == null || factsUnanswered) {
            return;
        }
        Set<String> unread = new LinkedHashSet<>();
        for (String id : resourceIds) {
            if (id != null && !factsRead.contains(id) && !targetCurrencies.containsKey(id)) {
                unread.add(id);
            }
        }
        if (unread.isEmpty()) {
            return;
        }
        QueryResult result = quietly(CostQuery.builder()
                .groupBy(
                        Dimension.of(FocusColumn.RESOURCE_ID),
                        Dimension.of(FocusColumn.BILLING_CURRENCY),
                        Dimension.of(FocusColumn.SERVICE_CATEGORY))
                .filter(USAGE)
                .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), unread, false))
                .range(window().orElseThrow().range())
                .build());
        if (result == null) {
            return;
        }
        Map<String, String[]> first = new HashMap<>(); // per resource: {ServiceCategory, currency} of its first
        for (QueryResult.Group g : result.groups()) {
            String id = g.key(0);
            String currency = g.key(1);
            if (id == null || currency == null) {
                continue;
            }
            String[] known = first.get(id);
            if (known == null
                    || NULLS_FIRST.compare(g.key(2), known[0]) < 0
                    || (java.util.Objects.equals(g.key(2), known[0]) && currency.compareTo(known[1]) < 0)) {
                first.put(id, new String[] {g.key(2), currency});
            }
        }
        for (String id : unread) {
            String[] known = first.get(id);
            targetCurrencies.put(id, known == null ? null : known[1]);
        }
    }

    /**
     * The first facts: those of the resources the rules ask about, the candidates. Those are the resources with a
     * verdict, and those whose tags may mark them non-production or spot tolerant, found without reading every
     * resource: which values of the tag keys mark a resource is asked once per distinct value (see
     * {@link #markingValues}), then only the resources with a marking value are read. When the data cannot answer
     * those queries, every resource is read, as the per-resource query itself would be asked (its warnings, if any,
     * are then the ones the rules get).
     */
    private void readFirst() {
        resourceFacts = new HashMap<>();
        resourceDescriptions = new HashMap<>();
        factsRead = new HashSet<>();
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(options.nonProductionTagKeys()));
        if (!keys.contains(options.spotTagKey())) {
            keys.add(options.spotTagKey());
        }
        tagKeys = List.copyOf(keys);
        environmentAt = options.nonProductionTagKeys().stream()
                .mapToInt(tagKeys::indexOf)
                .toArray();
        spotAt = tagKeys.indexOf(options.spotTagKey());
        BillingWindow w = window().orElse(null);
        if (w == null) {
            factsRead = null;
            tagged = Set.of();
            descriptions = new TreeMap<>();
            return;
        }
        List<Set<String>> marking = markingValues(w);
        if (marking == null) {
            readAll();
            return;
        }
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < marking.size(); i++) {
            if (!marking.get(i).isEmpty()) {
                marked.add(i);
            }
        }
        // The marked rows alone when no verdict names other resources: the per-resource query is then asked once
        // either way (with verdicts, the general path reads the marked resources and the verdicts' together).
        if (marked.size() == 1 && utilization.isEmpty() && readMarked(marked.get(0), marking.get(marked.get(0)), w)) {
            return;
        }
        if (tagged == null) {
            tagged = markedResources(marking, w);
        }
        if (tagged == null) {
            readAll();
            return;
        }
        Set<String> first = new HashSet<>(tagged);
        first.addAll(utilization.keySet());
        read(first, w);
    }

    /**
     * Per tag key, its values in the usage rows of the window that mark a resource (lower case in the non-production
     * values for an environment key, in the spot values for the spot key); null when the data cannot answer. The same
     * query of the distinct values (by currency, the tag keys and ChargeDescription: a few groups) sets
     * {@link #resourceCurrencies} and {@link #descriptionValues} from the same rows.
     */
    private List<Set<String>> markingValues(BillingWindow w) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.of(FocusColumn.BILLING_CURRENCY));
        tagKeys.forEach(k -> dims.add(Dimension.tag(k)));
        boolean described = billing.profile().has(FocusColumn.CHARGE_DESCRIPTION);
        if (described) {
            dims.add(Dimension.of(FocusColumn.CHARGE_DESCRIPTION));
        }
        QueryResult tagValues = quietly(
                CostQuery.builder().groupBy(dims).filter(USAGE).range(w.range()).build());
        if (tagValues == null) {
            return null;
        }
        Set<String> descriptionsFound = described ? new HashSet<>() : null;
        Set<String> currencies = new TreeSet<>();
        List<Set<String>> marking = new ArrayList<>();
        tagKeys.forEach(k -> marking.add(new HashSet<>()));
        boolean[] held = new boolean[tagKeys.size()];
        for (QueryResult.Group g : tagValues.groups()) {
            if (g.key(0) != null) {
                currencies.add(g.key(0)); // every usage row's currency, with a resource or not
            }
            if (described && g.key(dims.size() - 1) != null) {
                descriptionsFound.add(g.key(dims.size() - 1));
            }
            for (int i = 0; i < tagKeys.size(); i++) {
                String value = g.key(1 + i);
                held[i] |= value != null;
                if (value != null && marks(tagKeys.get(i), value)) {
                    marking.get(i).add(value);
                }
            }
        }
        resourceCurrencies = currencies;
        descriptionValues = descriptionsFound;
        tagsHeld = java.util.stream.IntStream.range(0, tagKeys.size())
                .filter(k -> held[k])
                .toArray();
        return marking;
    }

    /**
     * The common case of one tag key with marking values (the environment key): the per-resource query restricted to
     * the rows with such a value gives the marked resources and, when they have no other rows (a second, empty query
     * says so), their facts and descriptions too, the groups being those the query restricted to the resources would
     * give: returns true then; false when the data cannot answer, or the marked resources have other rows too
     * ({@link #tagged} is then set when known). Asked only when no resource has a verdict.
     */
    private boolean readMarked(int key, Set<String> values, BillingWindow w) {
        if (!billing.profile().has(FocusColumn.CHARGE_DESCRIPTION)) {
            return false; // the descriptions come from a query of their own: the general path
        }
        Dimension tag = Dimension.tag(tagKeys.get(key));
        QueryResult marked = quietly(CostQuery.builder()
                .groupBy(perResourceDimensions(true))
                .filter(USAGE)
                .filter(new Filter(tag, values, false))
                .range(w.range())
                .build());
        if (marked == null) {
            return false;
        }
        // the marked resources' facts and ids in one pass; dropped if they have other rows
        Set<String> ids = new HashSet<>();
        resourceFacts = new HashMap<>(marked.groups().size()); // none read yet; about a group or two per resource
        absorb(marked, true, resourceDescriptions, null, ids, true);
        if (!ids.isEmpty()) {
            QueryResult otherRows = quietly(CostQuery.builder()
                    .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.of(FocusColumn.BILLING_CURRENCY))
                    .filter(USAGE)
                    .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), ids, false))
                    .filter(new Filter(tag, values, true))
                    .range(w.range())
                    .build());
            tagged = otherRows == null ? null : ids;
            if (otherRows == null || !otherRows.groups().isEmpty()) {
                resourceFacts = new HashMap<>(); // not all of their rows: read again, as the general path reads them
                resourceDescriptions = new HashMap<>();
                describedInOrder.clear();
                return false;
            }
        }
        tagged = ids;
        factsRead.addAll(ids);
        return true;
    }

    /** The resources with a usage row in the window with a marking value of a tag key; null if the data cannot say. */
    private Set<String> markedResources(List<Set<String>> marking, BillingWindow w) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tagKeys.size(); i++) {
            if (marking.get(i).isEmpty()) {
                continue;
            }
            QueryResult withValue = quietly(CostQuery.builder()
                    .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.of(FocusColumn.BILLING_CURRENCY))
                    .filter(USAGE)
                    .filter(new Filter(Dimension.tag(tagKeys.get(i)), marking.get(i), false))
                    .range(w.range())
                    .build());
            if (withValue == null) {
                return null;
            }
            for (QueryResult.Group g : withValue.groups()) {
                if (g.key(0) != null) {
                    ids.add(g.key(0));
                }
            }
        }
        return ids;
    }

    /** Whether a value of a tag key marks a resource as a candidate: non-production, or spot tolerant. */
    private boolean marks(String key, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return (options.nonProductionTagKeys().contains(key)
                        && options.nonProductionValues().contains(lower))
                || (key.equals(options.spotTagKey()) && options.spotTagValues().contains(lower));
    }

    /** A query for the rules' own use whose failure is no warning: null when the data cannot answer it. */
    private QueryResult quietly(CostQuery query) {
        try {
            return answer(query);
        } catch (QueryException unanswerable) {
            return null;
        }
    }

    /** The answer of this run's query, asked of the engine once (a query is a value). */
    private QueryResult answer(CostQuery query) {
        QueryResult known = answers.get(query);
        if (known == null) {
            known = billing.execute(query);
            answers.put(query, known);
        }
        return known;
    }

    /** Reads every resource's facts and descriptions, in place of those read so far. */
    private void readAll() {
        resourceFacts = new HashMap<>();
        resourceDescriptions = new HashMap<>();
        describedInOrder.clear();
        factsRead = null;
        read(null, window().orElseThrow());
    }

    /**
     * ResourceId, ServiceCategory, BillingCurrency, the tag keys that the usage rows of the window hold (all of them
     * when unknown: a key no such row holds is null in every group, so leaving it out changes no group nor its
     * order), and ChargeDescription when asked.
     */
    private List<Dimension> perResourceDimensions(boolean described) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.of(FocusColumn.RESOURCE_ID));
        dims.add(Dimension.of(FocusColumn.SERVICE_CATEGORY));
        dims.add(Dimension.of(FocusColumn.BILLING_CURRENCY));
        for (int k : tagsAsked()) {
            dims.add(Dimension.tag(tagKeys.get(k)));
        }
        if (described) {
            dims.add(Dimension.of(FocusColumn.CHARGE_DESCRIPTION));
        }
        return dims;
    }

    /** The indexes in {@link #tagKeys} of the keys the per-resource query asks: those held, or all when unknown. */
    private int[] tagsAsked() {
        return tagsHeld != null
                ? tagsHeld
                : java.util.stream.IntStream.range(0, tagKeys.size()).toArray();
    }

    /**
     * The per-resource query the rules share, for these resources (null: every resource): service category,
     * currency, the environment and spot tags, and cost by ChargeDescription, per resource in the window (one scan
     * instead of one for the tags and one for the descriptions). ChargeDescription is the last key part, so the first
     * value of each tag per resource is the one the tags alone would have given. A query the data cannot answer is
     * warned about once and not asked again.
     */
    private void read(Set<String> resourceIds, BillingWindow w) {
        boolean all = resourceIds == null;
        // Without the column the shared query would fail as a whole: the descriptions are asked apart, and skipped
        // with their own warning, as before.
        boolean described = billing.profile().has(FocusColumn.CHARGE_DESCRIPTION);
        List<Dimension> dims = perResourceDimensions(described);
        Filter only = all ? null : new Filter(Dimension.of(FocusColumn.RESOURCE_ID), resourceIds, false);
        // Groups come in key order (the engine contract), so each resource's groups are adjacent and resources come
        // in id order: all the descriptions are collected in that order and become the sorted map in one linear step.
        Map<String, Map<String, Double>> byResource = all ? new java.util.LinkedHashMap<>() : resourceDescriptions;
        boolean inOrder = true;
        if (!factsUnanswered) {
            CostQuery.Builder asked = CostQuery.builder().groupBy(dims).filter(USAGE);
            if (only != null) {
                asked.filter(only);
            }
            CostQuery resources = asked.range(w.range()).build();
            QueryResult result = query(resources);
            factsUnanswered = !answers.containsKey(resources);
            Set<String> currencies = all && !factsUnanswered ? new TreeSet<>() : null;
            inOrder = absorb(result, described, byResource, currencies, null, !all);
            if (currencies != null) {
                resourceCurrencies = currencies;
            }
        }
        if (all) {
            descriptions = inOrder ? sortedInOrder(byResource) : new TreeMap<>(byResource);
            resourceDescriptions = descriptions;
        } else {
            factsRead.addAll(resourceIds);
        }
        if (!described && !descriptionsUnanswered) {
            CostQuery.Builder asked = CostQuery.builder()
                    .groupBy(Dimension.of(FocusColumn.RESOURCE_ID), Dimension.of(FocusColumn.CHARGE_DESCRIPTION))
                    .filter(USAGE);
            if (only != null) {
                asked.filter(only);
            }
            CostQuery byDescription = asked.range(w.range()).build();
            QueryResult result = query(byDescription);
            descriptionsUnanswered = !answers.containsKey(byDescription);
            for (QueryResult.Group g : result.groups()) {
                if (g.key(0) != null && g.key(1) != null) {
                    resourceDescriptions
                            .computeIfAbsent(g.key(0), k -> new HashMap<>())
                            .merge(g.key(1), g.value(), Double::sum);
                }
            }
        }
    }

    /**
     * Takes the facts and descriptions of each resource from the groups of a per-resource query (dimensions as
     * {@link #perResourceDimensions}); adds every group's currency to {@code currencies} and every resource's id to
     * {@code ids} unless they are null. With {@code describedWhenAsked}, a result in key order keeps its descriptions
     * to be read per resource asked ({@link #descriptionsOf}); otherwise they go to {@code byResource}. Returns
     * whether the resources came in id order.
     */
    private boolean absorb(
            QueryResult result,
            boolean described,
            Map<String, Map<String, Double>> byResource,
            Set<String> currencies,
            Set<String> ids,
            boolean describedWhenAsked) {
        FactsReader reader = new FactsReader(result, described, byResource, currencies, ids, describedWhenAsked);
        // The loop only calls: in a one-shot process the per-group method is compiled after its first calls, where a
        // loop body of this size would run interpreted for all of a result's once-read groups.
        for (int g = 0; g < reader.values.length; g++) {
            reader.group(g);
        }
        if (described && describedWhenAsked) {
            if (reader.inOrder) {
                describedInOrder.add(
                        new DescribedInOrder(reader.keys[0], reader.keys[reader.description], reader.values));
            } else {
                // groups out of key order (not the engine contract): every resource's descriptions now
                for (int g = 0; g < reader.values.length; g++) {
                    reader.describe(g);
                }
            }
        }
        return reader.inOrder;
    }

    /** Reads one per-resource result group by group into the facts (see {@link #absorb}). */
    private final class FactsReader {
        final String[][] keys;
        final double[] values;
        /** The key part of ChargeDescription (past the last fact), when asked. */
        final int description;
        /** Per key part from ServiceCategory to the last tag: where its value goes in the facts. */
        private final int[] factAt;

        private final boolean eagerDescriptions;
        private final Map<String, Map<String, Double>> byResource;
        private final Set<String> currencies;
        private final Set<String> ids;
        boolean inOrder = true;
        private String lastCurrency;
        private String last;
        private String[] facts;
        private Map<String, Double> costs;

        FactsReader(
                QueryResult result,
                boolean described,
                Map<String, Map<String, Double>> byResource,
                Set<String> currencies,
                Set<String> ids,
                boolean describedWhenAsked) {
            int[] tags = tagsAsked();
            description = FIRST_TAG + tags.length + 1;
            factAt = new int[description];
            factAt[1] = SERVICE_CATEGORY;
            factAt[2] = CURRENCY;
            for (int t = 0; t < tags.length; t++) {
                factAt[3 + t] = FIRST_TAG + tags[t];
            }
            // read column by column: no group object per group
            keys = new String[described ? description + 1 : description][];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = result.keyColumn(i);
            }
            values = result.values();
            eagerDescriptions = described && !describedWhenAsked;
            this.byResource = byResource;
            this.currencies = currencies;
            this.ids = ids;
        }

        void group(int g) {
            String currency = keys[2][g];
            if (currencies != null && currency != null && currency != lastCurrency) {
                currencies.add(currency); // every usage row's currency, with a resource or not
                lastCurrency = currency;
            }
            String id = keys[0][g];
            if (id == null) {
                return;
            }
            if (id != last && !id.equals(last)) { // a resource's groups share the engine's string, as a rule
                inOrder &= last == null || last.compareTo(id) < 0;
                last = id;
                // While ids ascend, each is new: every read is of resources not read before (the maps hold none of
                // them). Groups out of key order find what the resource's earlier groups left.
                facts = inOrder ? null : resourceFacts.get(id);
                costs = inOrder ? null : byResource.get(id);
                if (ids != null) {
                    ids.add(id);
                }
            }
            if (eagerDescriptions && keys[description][g] != null) {
                if (costs == null) {
                    costs = new HashMap<>();
                    byResource.put(id, costs);
                }
                costs.merge(keys[description][g], values[g], Double::sum);
            }
            for (int i = 1; i < description; i++) {
                String value = keys[i][g];
                if (value != null) {
                    fact(id, factAt[i], value); // ServiceCategory, BillingCurrency, then the tags asked, in order
                }
            }
        }

        private void fact(String id, int at, String value) {
            if (facts == null) {
                facts = new String[FIRST_TAG + tagKeys.size()];
                resourceFacts.put(id, facts);
            }
            if (facts[at] == null) {
                facts[at] = value;
            }
        }

        void describe(int g) {
            if (keys[0][g] != null && keys[description][g] != null) {
                byResource
                        .computeIfAbsent(keys[0][g], k -> new HashMap<>())
                        .merge(keys[description][g], values[g], Double::sum);
            }
        }
    }

    /** A resource's usage cost by ChargeDescription, from the resources read, or null when it has none. */
    private Map<String, Double> descriptionsOf(String resourceId) {
        Map<String, Double> costs = resourceDescriptions.get(resourceId);
        for (int i = 0; costs == null && i < describedInOrder.size(); i++) {
            costs = describedInOrder.get(i).of(resourceId);
        }
        return costs;
    }

    /**
     * The ResourceId, ChargeDescription and value columns of a per-resource result in key order: a resource's groups
     * are adjacent, found by binary search on its id, and its costs added in group order, as they would have been
     * when the result was read.
     */
    private record DescribedInOrder(String[] ids, String[] descriptions, double[] values) {

        Map<String, Double> of(String resourceId) {
            int low = 0;
            int high = ids.length;
            while (low < high) { // the first group of the resource, or where it would be (null ids come first)
                int mid = (low + high) >>> 1;
                if (ids[mid] == null || ids[mid].compareTo(resourceId) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            Map<String, Double> costs = null;
            for (int g = low; g < ids.length && resourceId.equals(ids[g]); g++) {
                if (descriptions[g] != null) {
                    if (costs == null) {
                        costs = new HashMap<>();
                    }
                    costs.merge(descriptions[g], values[g], Double::sum);
                }
            }
            return costs;
        }
    }

    private Map<String, ResourceProfile> computeProfiles() {
        BillingWindow w = window().orElse(null);
        if (w == null) {
            return Map.of();
        }
        Map<String, String[]> read = facts();
        Set<String> candidates = new HashSet<>((read.size() + utilization.size()) * 4 / 3 + 1);
        candidates.addAll(utilization.keySet());
        // Every resource read is judged on its facts: those a tag may make candidates, those with a verdict (already
        // candidates), or all of them when every resource was read.
        for (Map.Entry<String, String[]> resource : read.entrySet()) {
            if (nonProduction(resource.getValue()) || spotTolerant(resource.getValue())) {
                candidates.add(resource.getKey());
            }
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        QueryResult result = query(CostQuery.builder()
                .groupBy(
                        Dimension.of(FocusColumn.RESOURCE_ID),
                        Dimension.DAY,
                        Dimension.of(FocusColumn.PRICING_CATEGORY))
                .filter(USAGE)
                .filter(new Filter(Dimension.of(FocusColumn.RESOURCE_ID), candidates, false))
                .range(w.range())
                .build());
        return ResourceProfiles.of(result, w, candidates.size());
    }

    /**
     * A sorted map of entries already in key order, built in one linear step (a {@link TreeMap} copied from a sorted
     * map does not rebalance per entry as one filled by {@code put} does).
     */
    private static <V> TreeMap<String, V> sortedInOrder(Map<String, V> inKeyOrder) {
        return new TreeMap<>(new InKeyOrder<>(inKeyOrder));
    }

    /** A view of a map whose iteration is already in key order, as a {@link java.util.SortedMap} to copy from. */
    private static final class InKeyOrder<V> extends java.util.AbstractMap<String, V>
            implements java.util.SortedMap<String, V> {
        private final Map<String, V> entries;

        InKeyOrder(Map<String, V> entries) {
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Comparator<? super String> comparator() {
            return null; // natural order, as the TreeMap it is copied into
        }

        @Override
        public java.util.SortedMap<String, V> subMap(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.SortedMap<String, V> headMap(String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.SortedMap<String, V> tailMap(String from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String firstKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String lastKey() {
            throw new UnsupportedOperationException();
        }
    }
}
