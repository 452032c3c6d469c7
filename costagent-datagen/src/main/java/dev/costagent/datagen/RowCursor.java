package dev.costagent.datagen;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.datagen.CloudCatalog.Metering;
import dev.costagent.datagen.Estate.Commitment;
import dev.costagent.datagen.Estate.ResolvedAnomaly;
import dev.costagent.datagen.Estate.Resource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Walks an {@link Estate} hour by hour: first the month's non-usage charges (at the first hour of each billing month),
 * then one Usage row per live resource, then one row per partly unused commitment. {@link #advance()} computes the
 * next row's numbers on primitives; {@link #record()} turns them into a {@link CostRecord} only when asked, so the
 * ground-truth pass never allocates per row.
 *
 * <p>When tracking is on, every Usage row on a planted anomaly's day adds its EffectiveCost with and without that
 * anomaly to the anomaly's totals per ServiceName, SubAccountId and RegionId value.
 */
final class RowCursor {

    private static final String USD = "USD";
    private static final String USAGE = "Usage";
    private static final String USAGE_BASED = "Usage-Based";
    private static final String USED = "Used";
    private static final String UNUSED = "Unused";
    private static final String STANDARD = "Standard";
    private static final String COMMITTED = "Committed";

    private enum Phase {
        CHARGES,
        USAGE,
        UNUSED
    }

    /** What the current row is. */
    enum Kind {
        CHARGE,
        USAGE,
        COVERED,
        UNUSED
    }

    private final Estate estate;
    private final boolean tracking;
    private final long[][][] expected10;
    private final long[][][] actual10;
    private final int[][] anomaliesByTruthDay;

    private int hour;
    private Phase phase = Phase.CHARGES;
    private int index;
    private long produced;

    private Kind kind;
    private CostRecord charge;
    private Resource resource;
    private Commitment commitment;
    private long quantityMicro;
    private long list10;
    private long contracted10;
    private long effective10;
    private long billed10;

    private final int endHour;

    /** A cursor over all hours. */
    RowCursor(Estate estate, boolean tracking) {
        this(estate, tracking, 0, estate.hours);
    }

    /** A cursor over the rows of hours {@code [fromHour, toHour)}, for generating parts of the data in parallel. */
    RowCursor(Estate estate, boolean tracking, int fromHour, int toHour) {
        this.estate = estate;
        this.tracking = tracking;
        this.hour = fromHour;
        this.endHour = toHour;
        int anomalies = estate.anomalies.size();
        int[] values = {estate.services.size(), estate.subAccounts.size(), estate.regions.size()};
        this.expected10 = new long[anomalies][3][];
        this.actual10 = new long[anomalies][3][];
        for (int a = 0; a < anomalies; a++) {
            for (int d = 0; d < 3; d++) {
                expected10[a][d] = new long[values[d]];
                actual10[a][d] = new long[values[d]];
            }
        }
        this.anomaliesByTruthDay = new int[estate.days][];
        for (int day = 0; day < estate.days; day++) {
            int count = 0;
            for (ResolvedAnomaly a : estate.anomalies) {
                count += a.day() == day ? 1 : 0;
            }
            anomaliesByTruthDay[day] = new int[count];
            count = 0;
            for (int a = 0; a < anomalies; a++) {
                if (estate.anomalies.get(a).day() == day) {
                    anomaliesByTruthDay[day][count++] = a;
                }
            }
        }
    }

    /** Moves to the next row; false when all rows are done. */
    boolean advance() {
        while (hour < endHour) {
            switch (phase) {
                case CHARGES -> {
                    List<CostRecord> charges = estate.chargesAtHour.get(hour);
                    if (index < charges.size()) {
                        kind = Kind.CHARGE;
                        charge = charges.get(index++);
                        produced++;
                        return true;
                    }
                    phase = Phase.USAGE;
                    index = 0;
                }
                case USAGE -> {
                    Resource[] resources = estate.resources;
                    while (index < resources.length) {
                        Resource r = resources[index++];
                        if (r.runsAt(hour, estate.hours)) {
                            usage(r);
                            produced++;
                            return true;
                        }
                    }
                    phase = Phase.UNUSED;
                    index = 0;
                }
                case UNUSED -> {
                    if (index < estate.unusedCommitments.length) {
                        unused(estate.unusedCommitments[index++]);
                        produced++;
                        return true;
                    }
                    phase = Phase.CHARGES;
                    index = 0;
                    hour++;
                }
            }
        }
        return false;
    }

    /** The current row's kind. */
    Kind kind() {
        return kind;
    }

    /** The current hour, counted from the first hour of the data. */
    int hour() {
        return hour;
    }

    /** The current charge row (kind CHARGE). */
    CostRecord charge() {
        return charge;
    }

    /** The current resource (kinds USAGE and COVERED). */
    Resource resource() {
        return resource;
    }

    /** The current commitment (kind UNUSED). */
    Commitment commitment() {
        return commitment;
    }

    /** The current row's quantity, scale 6. */
    long quantityMicro() {
        return quantityMicro;
    }

    /** The current row's BilledCost, scale 10. */
    long billed10() {
        return billed10;
    }

    /** The current row's ContractedCost, scale 10. */
    long contracted10() {
        return contracted10;
    }

    /** The current row's EffectiveCost, scale 10. */
    long effective10() {
        return effective10;
    }

    /** The current row's ListCost, scale 10. */
    long list10() {
        return list10;
    }

    /**
     * The record of a resource's or commitment's row with every per-row column null (costs, quantities, billing
     * and charge periods): the constant part of all its rows. Exactly one of the two arguments is non-null.
     */
    CostRecord template(Resource r, Commitment c) {
        hour = 0;
        resource = r;
        commitment = c;
        kind = c != null ? Kind.UNUSED : r.commitment != null ? Kind.COVERED : Kind.USAGE;
        return record().toBuilder()
                .billedCost(null)
                .billingPeriodEnd(null)
                .billingPeriodStart(null)
                .chargePeriodEnd(null)
                .chargePeriodStart(null)
                .consumedQuantity(null)
                .contractedCost(null)
                .effectiveCost(null)
                .listCost(null)
                .pricingQuantity(null)
                .build();
    }

    /** Rows produced so far. */
    long produced() {
        return produced;
    }

    /**
     * Tracked Usage EffectiveCost on each anomaly's day without that anomaly, scale 10, indexed by anomaly, then
     * dimension ({@link ResolvedAnomaly#SERVICE}, {@link ResolvedAnomaly#SUB_ACCOUNT}, {@link ResolvedAnomaly#REGION}),
     * then value index.
     */
    long[][][] expected10() {
        return expected10;
    }

    /** Tracked Usage EffectiveCost on each anomaly's day as generated, indexed like {@link #expected10()}. */
    long[][][] actual10() {
        return actual10;
    }

    private void usage(Resource r) {
        int day = hour / 24;
        resource = r;
        if (r.commitment != null) {
            kind = Kind.COVERED;
            quantityMicro = 1_000_000L;
            list10 = r.listUnit10;
            contracted10 = r.contractedUnit10;
            effective10 = r.coveredEffective10;
            billed10 = 0;
            track(day, r.serviceIndex, r.subAccount.index(), r.regionIndex, effective10, null, 0);
            return;
        }
        kind = Kind.USAGE;
        double base = baseQuantity(r, day);
        ResolvedAnomaly[] active = estate.activeByDay[day];
        double factor = active.length == 0 ? 1.0 : factor(active, r, -1);
        price(r, quantityMicro(base * factor));
        billed10 = effective10;
        if (tracking && active.length > 0) {
            track(day, r.serviceIndex, r.subAccount.index(), r.regionIndex, effective10, active, base);
        }
    }

    private void unused(Commitment c) {
        kind = Kind.UNUSED;
        commitment = c;
        resource = null;
        quantityMicro = 0;
        list10 = c.unusedPerHour10;
        contracted10 = c.unusedPerHour10;
        effective10 = c.unusedPerHour10;
        billed10 = 0;
        track(hour / 24, c.serviceIndex, c.subAccount.index(), c.regionIndex, effective10, null, 0);
    }

    /** The quantity before anomalies: base × season × day noise × row noise (steady instances run full hours). */
    private double baseQuantity(Resource r, int day) {
        if (r.service.metering() == Metering.INSTANCE && r.steady) {
            return 1.0;
        }
        double noise = estate.spec.noise() * Dice.gaussian(Dice.hash(estate.seed, 1, r.index, hour));
        double q = r.baseQuantity * estate.dayFactor[r.serviceIndex][day] * (1.0 + noise);
        if (r.weekdayDriven) {
            q *= estate.seasonal[hour];
        } else {
            q *= 1.0 + Estate.DAILY_GROWTH * day;
        }
        return q;
    }

    private static double factor(ResolvedAnomaly[] active, Resource r, int skip) {
        double f = 1.0;
        for (int i = 0; i < active.length; i++) {
            if (i != skip && active[i].matches(r.serviceIndex, r.subAccount.index(), r.regionIndex)) {
                f *= active[i].factor();
            }
        }
        return f;
    }

    private static long quantityMicro(double quantity) {
        return Math.max(1L, Math.round(quantity * Estate.QUANTITY_UNIT));
    }

    /** Prices an on-demand quantity: list and contracted cost; effective equals contracted. */
    private void price(Resource r, long micro) {
        quantityMicro = micro;
        list10 = Math.round(micro * (double) r.listUnit10 / Estate.QUANTITY_UNIT);
        contracted10 = Math.round(micro * (double) r.contractedUnit10 / Estate.QUANTITY_UNIT);
        effective10 = contracted10;
    }

    private long onDemandEffective(Resource r, double quantity) {
        return Math.round(quantityMicro(quantity) * (double) r.contractedUnit10 / Estate.QUANTITY_UNIT);
    }

    /**
     * Adds a Usage row to the per-value totals of every anomaly whose truth day this is: the row's EffectiveCost as
     * generated, and without that anomaly, under its ServiceName, SubAccountId and RegionId. The cost without an
     * anomaly is recomputed with the other active factors multiplied in the same order, exactly as a generation
     * without that anomaly would.
     */
    private void track(
            int day,
            int serviceIndex,
            int subAccountIndex,
            int regionIndex,
            long actual,
            ResolvedAnomaly[] active,
            double base) {
        if (!tracking) {
            return;
        }
        for (int a : anomaliesByTruthDay[day]) {
            ResolvedAnomaly anomaly = estate.anomalies.get(a);
            long without = actual; // covered and unused-commitment rows are never changed by anomalies
            if (active != null && anomaly.matches(serviceIndex, subAccountIndex, regionIndex)) {
                without = onDemandEffective(resource, base * factor(active, resource, indexOf(active, anomaly)));
            }
            long[][] actualByValue = actual10[a];
            long[][] expectedByValue = expected10[a];
            actualByValue[ResolvedAnomaly.SERVICE][serviceIndex] += actual;
            actualByValue[ResolvedAnomaly.SUB_ACCOUNT][subAccountIndex] += actual;
            actualByValue[ResolvedAnomaly.REGION][regionIndex] += actual;
            expectedByValue[ResolvedAnomaly.SERVICE][serviceIndex] += without;
            expectedByValue[ResolvedAnomaly.SUB_ACCOUNT][subAccountIndex] += without;
            expectedByValue[ResolvedAnomaly.REGION][regionIndex] += without;
        }
    }

    private static int indexOf(ResolvedAnomaly[] active, ResolvedAnomaly anomaly) {
        for (int i = 0; i < active.length; i++) {
            if (active[i] == anomaly) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The current row as a record. Usage rows go through the canonical constructor rather than the builder: this
     * runs once per row and the builder would copy the tag and extra maps one more time.
     */
    CostRecord record() {
        if (kind == Kind.CHARGE) {
            return charge;
        }
        int month = estate.monthOfHour[hour];
        Instant periodStart = estate.periodStart[month];
        Instant periodEnd = estate.periodEnd[month];
        Instant chargeStart = estate.hourStart[hour];
        Instant chargeEnd = estate.hourStart[hour + 1];
        BigDecimal billed = cost(billed10);
        BigDecimal effective = cost(effective10);
        BigDecimal list = cost(list10);
        BigDecimal contracted = cost(contracted10);
        if (kind == Kind.UNUSED) {
            Commitment c = commitment;
            Estate.SubAccount sub = c.subAccount;
            String issuer = CloudCatalog.issuer(c.service.provider());
            return new CostRecord(
                    null,
                    billed,
                    sub.billingAccount().id(),
                    sub.billingAccount().name(),
                    USD,
                    periodEnd,
                    periodStart,
                    USAGE,
                    null,
                    c.unusedDescription,
                    USAGE_BASED,
                    chargeEnd,
                    chargeStart,
                    c.category,
                    c.id,
                    c.name,
                    UNUSED,
                    c.type,
                    null,
                    null,
                    contracted,
                    null,
                    effective,
                    issuer,
                    list,
                    null,
                    COMMITTED,
                    null,
                    null,
                    c.service.provider(),
                    issuer,
                    c.region.id(),
                    c.region.name(),
                    null,
                    null,
                    null,
                    c.service.category(),
                    c.service.name(),
                    null,
                    null,
                    sub.id(),
                    sub.name(),
                    Map.of(),
                    Map.of());
        }
        Resource r = resource;
        Estate.SubAccount sub = r.subAccount;
        BigDecimal quantity = BigDecimal.valueOf(quantityMicro, Estate.QUANTITY_SCALE);
        Commitment c = kind == Kind.COVERED ? r.commitment : null;
        return new CostRecord(
                r.availabilityZone,
                billed,
                sub.billingAccount().id(),
                sub.billingAccount().name(),
                USD,
                periodEnd,
                periodStart,
                USAGE,
                null,
                r.description,
                USAGE_BASED,
                chargeEnd,
                chargeStart,
                c == null ? null : c.category,
                c == null ? null : c.id,
                c == null ? null : c.name,
                c == null ? null : USED,
                c == null ? null : c.type,
                quantity,
                r.unit,
                contracted,
                r.contractedUnitPrice,
                effective,
                r.issuer,
                list,
                r.listUnitPrice,
                c == null ? STANDARD : COMMITTED,
                quantity,
                r.unit,
                r.service.provider(),
                r.issuer,
                r.region.id(),
                r.region.name(),
                r.id,
                r.name,
                r.service.resourceType(),
                r.service.category(),
                r.service.name(),
                r.skuId,
                r.skuPriceId,
                sub.id(),
                sub.name(),
                r.tags,
                r.extra);
    }

    private static BigDecimal cost(long scaled) {
        return BigDecimal.valueOf(scaled, Estate.COST_SCALE);
    }
}
