package dev.costagent.datagen;

import dev.costagent.datagen.CloudCatalog.Metering;
import dev.costagent.datagen.CloudCatalog.Region;
import dev.costagent.datagen.Estate.Commitment;
import dev.costagent.datagen.Estate.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans an estate's commitment discounts: which ones the row budget allows (AWS: a used and an oversized Savings
 * Plan and a Reserved Instance; Azure: a used and an oversized reservation; Google Cloud: a committed use discount),
 * which steady production instances each covers, and its hourly amortized amount. An oversized commitment leaves a
 * fixed share of itself unused every hour, which becomes an hourly {@code Unused} row.
 *
 * <p>Planning happens in two steps because the commitments and the resource count depend on each other: the
 * templates are chosen first against the fewest resources the row budget can leave, so that once the resources
 * exist every template is guaranteed instances to cover.
 */
final class CommitmentPlanner {

    /** A commitment to plan before resources exist: provider, category and whether part of it goes unused. */
    record CommitmentTemplate(String provider, String category, String type, double discount, double unusedFraction) {}

    private final Estate estate;

    CommitmentPlanner(Estate estate) {
        this.estate = estate;
    }

    /** The commitments the row budget allows: ten per cent of the rows at most, and only with 30+ resources. */
    List<CommitmentTemplate> wanted(long rows, long fixedCharges, int months) {
        List<CommitmentTemplate> all = new ArrayList<>();
        if (estate.spec.commitmentCoverage() <= 0 || Estate.ceilDiv(rows - fixedCharges, estate.hours) < 30) {
            return all;
        }
        for (String provider : estate.spec.providers()) {
            all.addAll(offered(provider));
        }
        List<CommitmentTemplate> affordable = new ArrayList<>();
        long spent = 0;
        for (CommitmentTemplate t : all) {
            long cost = months + (t.unusedFraction() > 0 ? estate.hours : 0);
            if (spent + cost <= rows / 10) {
                affordable.add(t);
                spent += cost;
            }
        }
        return affordable;
    }

    /** The commitments a provider offers, in planning order; the first is its usual one, which FleetScenario plants. */
    static List<CommitmentTemplate> offered(String provider) {
        return switch (provider) {
            case CloudCatalog.AWS ->
                List.of(
                        new CommitmentTemplate(provider, "Spend", "Savings Plan", 0.28, 0),
                        new CommitmentTemplate(provider, "Spend", "Savings Plan", 0.28, 0.30),
                        new CommitmentTemplate(provider, "Usage", "Reserved Instance", 0.37, 0));
            case CloudCatalog.AZURE ->
                List.of(
                        new CommitmentTemplate(provider, "Usage", "Reservation", 0.36, 0),
                        new CommitmentTemplate(provider, "Usage", "Reservation", 0.36, 0.40));
            default -> List.of(new CommitmentTemplate(provider, "Usage", "Committed Use Discount", 0.37, 0));
        };
    }

    /** A commitment's id as its provider writes it; the hash seeds the random parts. */
    static String commitmentId(CommitmentTemplate t, long h, String accountId, Region region) {
        String uuid = Ids.uuid(h, Dice.mix(h + 1));
        return switch (t.provider()) {
            case CloudCatalog.AWS ->
                t.category().equals("Spend")
                        ? "arn:aws:savingsplans::" + accountId + ":savingsplan/" + uuid
                        : "arn:aws:ec2:" + region.id() + ":" + accountId + ":reserved-instances/" + uuid;
            case CloudCatalog.AZURE ->
                "/providers/Microsoft.Capacity/reservationOrders/" + uuid + "/reservations/"
                        + Ids.uuid(Dice.mix(h + 2), Dice.mix(h + 3));
            default -> "projects/" + accountId + "/regions/" + region.id() + "/commitments/cud-" + Ids.hex(h, 8);
        };
    }

    long rows(List<CommitmentTemplate> templates, int months) {
        long rows = 0;
        for (CommitmentTemplate t : templates) {
            rows += months + (t.unusedFraction() > 0 ? estate.hours : 0);
        }
        return rows;
    }

    /** Keeps the templates each provider has enough steady instances for, even at the fewest resources. */
    List<CommitmentTemplate> feasible(List<CommitmentTemplate> wanted, long fewestResources) {
        List<CommitmentTemplate> result = new ArrayList<>();
        for (String provider : estate.spec.providers()) {
            int covered = coveredCount(provider, fewestResources);
            int taken = 0;
            for (CommitmentTemplate t : wanted) {
                if (t.provider().equals(provider) && taken < covered) {
                    result.add(t);
                    taken++;
                }
            }
        }
        return result;
    }

    private int instanceServiceIndex(String provider) {
        for (int i = 0; i < estate.services.size(); i++) {
            if (estate.services.get(i).provider().equals(provider)
                    && estate.services.get(i).metering() == Metering.INSTANCE) {
                return i;
            }
        }
        return -1;
    }

    private int coveredCount(String provider, long resourceCount) {
        int s = instanceServiceIndex(provider);
        if (s < 0) {
            return 0;
        }
        int steady = estate.steadyCount(s, resourceCount);
        return steady == 0 ? 0 : Math.max(1, (int) Math.round(estate.spec.commitmentCoverage() * steady));
    }

    Commitment[] plan(List<CommitmentTemplate> templates) {
        List<Commitment> result = new ArrayList<>();
        for (String provider : estate.spec.providers()) {
            List<CommitmentTemplate> own = new ArrayList<>();
            for (CommitmentTemplate t : templates) {
                if (t.provider().equals(provider)) {
                    own.add(t);
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            int s = instanceServiceIndex(provider);
            List<Resource> steady = new ArrayList<>();
            for (Resource r : estate.resources) {
                if (r.serviceIndex == s && r.steady) {
                    steady.add(r);
                }
            }
            int cover = coveredCount(provider, estate.resources.length);
            List<Resource> candidates = steady.subList(0, Math.min(cover, steady.size()));
            for (int k = 0; k < own.size(); k++) {
                List<Resource> slice = candidates.subList(
                        k * candidates.size() / own.size(), (k + 1) * candidates.size() / own.size());
                result.add(commitment(own.get(k), s, slice, result.size()));
            }
        }
        return result.toArray(Commitment[]::new);
    }

    private Commitment commitment(CommitmentTemplate t, int serviceIndex, List<Resource> slice, int index) {
        Commitment c = new Commitment();
        c.index = index;
        Resource first = slice.get(0);
        c.category = t.category();
        c.type = t.type();
        c.discount = t.discount();
        c.unusedFraction = t.unusedFraction();
        c.service = estate.services.get(serviceIndex);
        c.serviceIndex = serviceIndex;
        c.subAccount = first.subAccount;
        c.region = first.region;
        c.regionIndex = first.regionIndex;
        c.id = commitmentId(t, Dice.hash(estate.seed, 31, index, 0), c.subAccount.id(), c.region);
        c.name = (t.category().equals("Spend") ? "compute-sp-" : "ri-")
                + (index + 1)
                + (t.unusedFraction() > 0 ? "-oversized" : "");
        c.unusedDescription = "Unused " + c.type + " commitment " + c.name;
        long coveredPerHour = 0;
        for (Resource r : slice) {
            // A reservation covers one instance type only; a spend commitment covers any.
            if (t.category().equals("Usage") && !r.instanceType.equals(first.instanceType)) {
                continue;
            }
            r.commitment = c;
            r.coveredEffective10 = Math.round(r.contractedUnit10 * (1.0 - c.discount));
            coveredPerHour += r.coveredEffective10;
            c.covered.add(r);
        }
        c.hourly10 = Math.round(coveredPerHour / (1.0 - c.unusedFraction));
        c.unusedPerHour10 = c.hourly10 - coveredPerHour;
        return c;
    }
}
