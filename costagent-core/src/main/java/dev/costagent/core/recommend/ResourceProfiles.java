package dev.costagent.core.recommend;

import dev.costagent.core.recommend.spi.BillingWindow;
import dev.costagent.core.recommend.spi.ResourceProfile;
import dev.costagent.core.table.QueryResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link ResourceProfile}s in the answer to {@code GROUP BY ResourceId, day, PricingCategory} over the billing
 * window: per resource, cost, active days, first and last active day, committed and dynamic cost.
 */
final class ResourceProfiles {
    /** PricingCategory of amortized commitment cost, which stays payable whatever happens to the resource. */
    private static final String COMMITTED = "Committed";
    /** PricingCategory of spot and preemptible cost. */
    private static final String DYNAMIC = "Dynamic";

    private ResourceProfiles() {}

    /**
     * The profiles, in resource id order. Per resource and day the cost is summed (a day with cost in several
     * pricing categories is one active day). Groups come in key order, so a resource's groups are adjacent and its
     * days ascend; each day is summed, then judged, as it ends; the profiles are made in id order, and kept in it (a
     * hash keeps that order and finds one in constant time).
     *
     * @param expected about how many resources the answer holds
     */
    static Map<String, ResourceProfile> of(QueryResult result, BillingWindow w, int expected) {
        Map<String, ResourceProfile> out = new LinkedHashMap<>(expected * 4 / 3 + 1);
        ProfileReader reader = new ProfileReader(w, out);
        String[] resourceOf = result.keyColumn(0);
        String[] dayOf = result.keyColumn(1);
        String[] pricingOf = result.keyColumn(2);
        double[] values = result.values();
        for (int g = 0; g < values.length; g++) { // the loop only calls: it runs compiled in a one-shot process
            if (!reader.group(resourceOf[g], dayOf[g], pricingOf[g], values[g])) {
                return outOfOrder(result, w); // groups not in key order: not the engine contract
            }
        }
        reader.finish();
        return out;
    }

    /** The profiles of a result in key order, group by group: one {@link ProfileBuilder} per resource in turn. */
    private static final class ProfileReader {
        private final BillingWindow w;
        private final Map<String, ResourceProfile> out;
        private ProfileBuilder building;

        ProfileReader(BillingWindow w, Map<String, ResourceProfile> out) {
            this.w = w;
            this.out = out;
        }

        /** Adds a group; false when it comes out of key order. */
        boolean group(String id, String day, String pricingCategory, double value) {
            if (id == null || day == null) {
                return true;
            }
            if (building == null || (building.id != id && !building.id.equals(id))) {
                if (building != null && building.id.compareTo(id) > 0) {
                    return false;
                }
                finish();
                building = new ProfileBuilder(id);
            }
            building.add(day, pricingCategory, value);
            return true;
        }

        void finish() {
            if (building != null) {
                building.finish(w, out);
            }
        }
    }

    /** One resource's profile, built from its groups of (day, PricingCategory) in key order. */
    private static final class ProfileBuilder {
        final String id;
        double cost;
        double committed;
        double dynamic;
        long active;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String dayKey;
        double dayCost;

        ProfileBuilder(String id) {
            this.id = id;
        }

        void add(String day, String pricingCategory, double value) {
            cost += value;
            if (COMMITTED.equalsIgnoreCase(pricingCategory)) {
                committed += value;
            } else if (DYNAMIC.equalsIgnoreCase(pricingCategory)) {
                dynamic += value;
            }
            if (!day.equals(dayKey)) {
                endDay();
                dayKey = day;
                dayCost = 0;
            }
            dayCost += value;
        }

        private void endDay() {
            if (dayKey != null && dayCost != 0) {
                long d = BillingWindow.parseDay(dayKey);
                active++;
                first = Math.min(first, d);
                last = Math.max(last, d);
            }
        }

        void finish(BillingWindow w, Map<String, ResourceProfile> out) {
            endDay();
            dayKey = null;
            if (active > 0) {
                out.put(
                        id,
                        new ResourceProfile(
                                id, cost, active, first, last, w.hoursFrom(first * 24), committed, dynamic));
            }
        }
    }

    /** The profiles from groups in any order (an engine that breaks the key order of its contract). */
    private static Map<String, ResourceProfile> outOfOrder(QueryResult result, BillingWindow w) {
        Map<String, double[]> acc = new HashMap<>();
        Map<String, Map<Long, Double>> days = new HashMap<>();
        for (QueryResult.Group g : result.groups()) {
            String id = g.key(0);
            if (id == null || g.key(1) == null) {
                continue;
            }
            double[] a = acc.computeIfAbsent(id, k -> new double[] {0, 0, 0});
            a[0] += g.value();
            if (COMMITTED.equalsIgnoreCase(g.key(2))) {
                a[1] += g.value();
            } else if (DYNAMIC.equalsIgnoreCase(g.key(2))) {
                a[2] += g.value();
            }
            days.computeIfAbsent(id, k -> new HashMap<>())
                    .merge(BillingWindow.parseDay(g.key(1)), g.value(), Double::sum);
        }
        Map<String, ResourceProfile> out = new TreeMap<>();
        acc.forEach((id, a) -> {
            long active = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Map.Entry<Long, Double> d : days.get(id).entrySet()) {
                if (d.getValue() != 0) {
                    active++;
                    first = Math.min(first, d.getKey());
                    last = Math.max(last, d.getKey());
                }
            }
            if (active > 0) {
                out.put(id, new ResourceProfile(id, a[0], active, first, last, w.hoursFrom(first * 24), a[1], a[2]));
            }
        });
        return out;
    }
}
