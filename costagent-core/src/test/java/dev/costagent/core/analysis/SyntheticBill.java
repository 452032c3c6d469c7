package dev.costagent.core.analysis;

import dev.costagent.core.focus.CostRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test-only billing rows: services × accounts × regions × resources with a weekly pattern and noise, one Usage row
 * per resource per day, and optional planted extra cost on one resource and day.
 */
public final class SyntheticBill {
    /** Services and their daily cost per resource. */
    public static final String[] SERVICES = {"EC2", "RDS", "S3"};

    private static final double[] SERVICE_COST = {40, 25, 5};
    public static final String[] ACCOUNTS = {"acct-1", "acct-2"};
    public static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    public static final int RESOURCES = 3;

    /** Extra cost (or a factor) planted on one resource's row of one day. */
    public record Plant(int day, String service, String account, String region, int resource, double factor) {}

    private SyntheticBill() {}

    /** The resource id of a combination. */
    public static String resource(String service, String account, String region, int r) {
        return service.toLowerCase() + "-" + account + "-" + region + "-" + r;
    }

    /** Rows for {@code days} days from {@code first}. */
    public static List<CostRecord> rows(LocalDate first, int days, double noise, long seed, List<Plant> plants) {
        Random random = new Random(seed);
        List<CostRecord> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            double weekly = 1 + SyntheticSeries.WEEKLY[day.getDayOfWeek().getValue() - 1];
            for (int s = 0; s < SERVICES.length; s++) {
                for (String account : ACCOUNTS) {
                    for (String region : REGIONS) {
                        for (int r = 0; r < RESOURCES; r++) {
                            double cost = SERVICE_COST[s] * weekly * (1 + noise * random.nextGaussian());
                            for (Plant p : plants) {
                                if (p.day() == d
                                        && p.service().equals(SERVICES[s])
                                        && p.account().equals(account)
                                        && p.region().equals(region)
                                        && p.resource() == r) {
                                    cost *= p.factor();
                                }
                            }
                            String id = resource(SERVICES[s], account, region, r);
                            out.add(Rows.usage(
                                    day,
                                    SERVICES[s],
                                    account,
                                    region,
                                    id,
                                    "sku-" + SERVICES[s],
                                    Math.round(Math.max(cost, 0) * 1e6) / 1e6));
                        }
                    }
                }
            }
        }
        return out;
    }
}
