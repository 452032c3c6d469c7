package dev.costagent.datagen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places anomalies the generator chooses itself, so that a detector can be scored against them: each on its own day
 * after two weeks of history, every other day where the period allows, on a dimension value big enough to be seen
 * (at least 2% of the spend, at least three resources, mostly billed on demand), with magnitudes well above the
 * noise (spikes +100..200%, drops −50..70%, level shifts +80..120%). Values are used once while fresh ones remain; a
 * level-shifted value is never reused.
 */
final class AnomalyPlanner {

    private static final List<String> DIMENSIONS = List.of("ServiceName", "SubAccountId", "RegionId");
    private static final AnomalyType[] TYPE_CYCLE = {
        AnomalyType.SPIKE, AnomalyType.DROP, AnomalyType.SPIKE, AnomalyType.DROP, AnomalyType.LEVEL_SHIFT
    };
    private static final double MIN_SHARE = 0.02;
    private static final double MIN_ON_DEMAND_SHARE = 0.7;
    private static final int MIN_RESOURCES = 3;
    /** Days of clean history before the first planted anomaly. */
    static final int HISTORY_DAYS = 14;

    private record Candidate(String dimension, String value) {}

    private AnomalyPlanner() {}

    static List<AnomalySpec> plan(Estate estate, int count, List<Estate.ResolvedAnomaly> existing) {
        long seed = estate.seed;
        int days = estate.days;
        int firstDay = days >= 2 * HISTORY_DAYS ? HISTORY_DAYS : days / 2;
        Set<Integer> taken = new HashSet<>();
        Set<Candidate> shifted = new HashSet<>();
        for (Estate.ResolvedAnomaly a : existing) {
            taken.add(a.day());
            if (a.spec().type() == AnomalyType.LEVEL_SHIFT) {
                shifted.add(new Candidate(a.spec().dimension(), a.spec().value()));
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int d = firstDay; d < days; d++) {
            if (!taken.contains(d)) {
                free.add(d);
            }
        }
        if (free.size() < count) {
            throw new IllegalArgumentException(count + " random anomalies need " + count + " free days after "
                    + firstDay + " days of history; the data has " + free.size() + " (raise days)");
        }
        List<Integer> chosenDays = spread(free, count, seed);

        List<Candidate> candidates = eligibleValues(estate);
        candidates.removeAll(shifted);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    "no dimension value is large enough to carry a planted anomaly" + " (raise rows)");
        }
        shuffle(candidates, seed);

        List<AnomalySpec> result = new ArrayList<>();
        Set<Candidate> used = new HashSet<>();
        int cursor = 0;
        for (int i = 0; i < count; i++) {
            long h = Dice.hash(seed, 41, i, 0);
            AnomalyType type = TYPE_CYCLE[i % TYPE_CYCLE.length];
            Candidate pick = null;
            // Prefer a value not used yet; a level shift insists on one (it changes every later day).
            for (int k = 0; k < candidates.size() && pick == null; k++) {
                Candidate c = candidates.get((cursor + k) % candidates.size());
                if (!used.contains(c) && !shifted.contains(c)) {
                    pick = c;
                    cursor = (cursor + k + 1) % candidates.size();
                }
            }
            if (pick == null && type == AnomalyType.LEVEL_SHIFT) {
                type = AnomalyType.SPIKE;
            }
            for (int k = 0; k < candidates.size() && pick == null; k++) {
                Candidate c = candidates.get((cursor + k) % candidates.size());
                if (!shifted.contains(c)) {
                    pick = c;
                    cursor = (cursor + k + 1) % candidates.size();
                }
            }
            if (pick == null) {
                throw new IllegalArgumentException("every eligible value carries a level shift; plant fewer");
            }
            used.add(pick);
            if (type == AnomalyType.LEVEL_SHIFT) {
                shifted.add(pick);
            }
            double u = Dice.uniform(h);
            double magnitude = switch (type) {
                case SPIKE -> 1.0 + u;
                case DROP -> -(0.5 + 0.2 * u);
                case LEVEL_SHIFT -> 0.8 + 0.4 * u;
            };
            LocalDate date = estate.spec.start().plusDays(chosenDays.get(i));
            result.add(new AnomalySpec(type, pick.dimension(), pick.value(), date, magnitude));
        }
        return result;
    }

    /** Picks {@code count} days, every other day where there is room, shuffled, in time order of planting. */
    private static List<Integer> spread(List<Integer> free, int count, long seed) {
        List<Integer> pool = free;
        if (free.size() >= 2 * count) {
            pool = new ArrayList<>();
            for (int i = 0; i < free.size(); i += 2) {
                pool.add(free.get(i));
            }
        }
        List<Integer> shuffled = new ArrayList<>(pool);
        shuffle(shuffled, seed + 1);
        List<Integer> chosen = new ArrayList<>(shuffled.subList(0, count));
        chosen.sort(null);
        return chosen;
    }

    private static List<Candidate> eligibleValues(Estate estate) {
        List<Candidate> result = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            int d = Estate.dimensionIndex(dimension);
            List<String> values = estate.dimensionValues(dimension);
            double[] total = new double[values.size()];
            double[] onDemand = new double[values.size()];
            int[] resources = new int[values.size()];
            double sum = 0;
            for (Estate.Resource r : estate.resources) {
                int v = r.valueIndex(d);
                double cost = r.baseQuantity * r.contractedUnit10 / Estate.COST_UNIT;
                total[v] += cost;
                if (r.commitment == null) {
                    onDemand[v] += cost;
                }
                resources[v]++;
                sum += cost;
            }
            for (int v = 0; v < values.size(); v++) {
                if (total[v] >= MIN_SHARE * sum
                        && onDemand[v] >= MIN_ON_DEMAND_SHARE * total[v]
                        && resources[v] >= MIN_RESOURCES) {
                    result.add(new Candidate(dimension, values.get(v)));
                }
            }
        }
        return result;
    }

    private static <T> void shuffle(List<T> list, long seed) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = Dice.below(Dice.hash(seed, 42, i, 0), i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
