package dev.costagent.datagen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a FOCUS 1.0 CSV in an {@link ExportShape}: rows period by period (as exports are cut), each resource running
 * for a stretch of the span with its charge lines, timestamps as {@code YYYY-MM-DD HH:MM:SS} and nulls as empty
 * fields as AWS writes them, amounts with ten decimals. Deterministic: the same shape gives the same bytes.
 */
public final class ShapedExportWriter {

    private static final String[] SERVICES = {
        "Amazon Elastic Compute Cloud",
        "Amazon Elastic Block Store",
        "AWS Data Transfer",
        "Amazon Simple Storage Service",
        "Amazon CloudWatch",
        "Amazon Relational Database Service",
        "AWS Lambda",
        "Amazon Elastic Load Balancing"
    };
    private static final String[] CATEGORIES = {
        "Compute", "Storage", "Networking", "Storage", "Management and Governance", "Databases", "Compute", "Networking"
    };
    private static final String[] UNITS = {"Hours", "GB-Mo", "GB", "GB-Mo", "Metrics", "Hours", "Requests", "LCU-Hrs"};
    private static final String[] INSTANCE_TYPES = {
        "t3.micro",
        "t3.large",
        "m5.large",
        "m5.xlarge",
        "m5.2xlarge",
        "c5.xlarge",
        "r5.large",
        "r5.2xlarge",
        "m6i.4xlarge",
        "c6g.2xlarge"
    };
    private static final String[] REGIONS = {
        "us-east-1",
        "us-east-2",
        "us-west-2",
        "eu-west-1",
        "eu-central-1",
        "ap-southeast-1",
        "ap-northeast-1",
        "sa-east-1"
    };
    private static final String[] REGION_NAMES = {
        "US East (N. Virginia)",
        "US East (Ohio)",
        "US West (Oregon)",
        "Europe (Ireland)",
        "Europe (Frankfurt)",
        "Asia Pacific (Singapore)",
        "Asia Pacific (Tokyo)",
        "South America (Sao Paulo)"
    };
    private static final int SUB_ACCOUNTS = 40;
    private static final LocalDate START = LocalDate.of(2024, 9, 1);

    private final ExportShape shape;
    /** Per resource: first period and number of periods it runs. */
    private final int[] firstPeriod;

    private final int[] lifetime;

    private ShapedExportWriter(ExportShape shape) {
        this.shape = shape;
        int resources = shape.resources();
        int periods = shape.periods();
        int lines = shape.linesPerResource();
        long capacity = (long) resources * lines * periods;
        if (capacity < shape.rows()) {
            throw new IllegalArgumentException(shape.rows() + " rows do not fit " + resources + " resources x " + lines
                    + " lines x " + periods + " periods; raise resources or days");
        }
        firstPeriod = new int[resources];
        lifetime = new int[resources];
        double base = (double) shape.rows() / ((double) resources * lines);
        long planned = 0;
        for (int r = 0; r < resources; r++) {
            double u = Dice.uniform(Dice.hash(shape.seed(), 1, r, 0));
            int life = (int) Math.max(1, Math.min(periods, Math.round(base * (0.25 + 1.5 * u))));
            lifetime[r] = life;
            planned += (long) life * lines;
        }
        // Lengthen lifetimes until the plan holds every row (rounding and the cap at the span can leave it short).
        for (int r = 0; planned < shape.rows(); r = (r + 1) % resources) {
            if (lifetime[r] < periods) {
                lifetime[r]++;
                planned += lines;
            }
        }
        for (int r = 0; r < resources; r++) {
            double u = Dice.uniform(Dice.hash(shape.seed(), 2, r, 0));
            firstPeriod[r] = (int) Math.min(periods - lifetime[r], Math.floor(u * (periods - lifetime[r] + 1)));
        }
    }

    /** A writer for the shape. */
    public static ShapedExportWriter of(ExportShape shape) {
        return new ShapedExportWriter(shape);
    }

    /** Writes the export to a file ({@code .csv} or {@code .csv.gz}). */
    public void write(Path path) throws IOException {
        try (OutputStream file = Files.newOutputStream(path)) {
            if (path.getFileName().toString().endsWith(".gz")) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16)) {
                    write(gzip);
                }
            } else {
                write(file);
            }
        }
    }

    /** Writes the export to a stream (left open). */
    public void write(OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 1 << 20);
        out.write(header().getBytes(StandardCharsets.UTF_8));
        int periods = shape.periods();
        List<List<Integer>> starting = new ArrayList<>(periods);
        for (int p = 0; p < periods; p++) {
            starting.add(new ArrayList<>());
        }
        for (int r = 0; r < firstPeriod.length; r++) {
            starting.get(firstPeriod[r]).add(r);
        }
        int[] active = new int[firstPeriod.length];
        int activeCount = 0;
        long written = 0;
        StringBuilder row = new StringBuilder(1024);
        for (int p = 0; p < periods && written < shape.rows(); p++) {
            for (int r : starting.get(p)) {
                active[activeCount++] = r;
            }
            String start = time(p);
            String end = time(p + 1);
            String[] billing = billingPeriod(p);
            int kept = 0;
            for (int a = 0; a < activeCount && written < shape.rows(); a++) {
                int r = active[a];
                for (int line = 0; line < shape.linesPerResource() && written < shape.rows(); line++) {
                    row.setLength(0);
                    appendRow(row, written, r, line, p, start, end, billing);
                    out.write(row.toString().getBytes(StandardCharsets.UTF_8));
                    written++;
                }
                if (firstPeriod[r] + lifetime[r] > p + 1) {
                    active[kept++] = r;
                }
            }
            activeCount = kept;
        }
        out.flush();
        if (written != shape.rows()) {
            throw new IllegalStateException("wrote " + written + " rows, planned " + shape.rows());
        }
    }

    private String header() {
        StringBuilder h = new StringBuilder();
        if (shape.rowIds()) {
            h.append("Id,");
        }
        h.append("AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,"
                + "BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,"
                + "ChargePeriodStart,CommitmentDiscountCategory,CommitmentDiscountId,CommitmentDiscountName,"
                + "CommitmentDiscountStatus,CommitmentDiscountType,ConsumedQuantity,ConsumedUnit,ContractedCost,"
                + "ContractedUnitPrice,EffectiveCost,InvoiceIssuerName,ListCost,ListUnitPrice,PricingCategory,"
                + "PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,RegionName,ResourceId,"
                + "ResourceName,ResourceType,ServiceCategory,ServiceName,SkuId,SkuPriceId,SubAccountId,"
                + "SubAccountName,Tags");
        for (int x = 0; x < shape.extraColumns(); x++) {
            h.append(",x_ProviderColumn").append(x + 1);
        }
        return h.append('\n').toString();
    }

    private void appendRow(
            StringBuilder row, long index, int r, int line, int period, String start, String end, String[] billing) {
        long seed = shape.seed();
        int region = (int) ((Dice.mix(seed ^ r * 31L) >>> 1) % REGIONS.length);
        int account = (int) ((Dice.mix(seed ^ r * 17L + 3) >>> 1) % SUB_ACCOUNTS);
        int service = line % SERVICES.length;
        int type = (int) ((Dice.mix(seed ^ r * 13L + 7) >>> 1) % INSTANCE_TYPES.length);
        double rate = 0.01 + 2.0 * Dice.uniform(Dice.hash(seed, 3, r, line));
        double noise = 0.9 + 0.2 * Dice.uniform(Dice.hash(seed, 4, index, 0));
        double hours = shape.daily() ? 24 : 1;
        double list = rate * hours * noise;
        double effective = list * 0.92;
        if (shape.rowIds()) {
            row.append("lid-")
                    .append(Long.toHexString(Dice.mix(seed ^ (index * 0x9E3779B97F4A7C15L))))
                    .append('-')
                    .append(index)
                    .append(',');
        }
        String resourceId = "arn:aws:ec2:" + REGIONS[region] + ":" + accountId(account) + ":instance/i-"
                + Long.toHexString(0x10000000000L + Dice.mix(seed + r) % 0xFFFFFFFFFFL);
        row.append(REGIONS[region]).append(line % 3 == 0 ? 'a' : 'b').append(',');
        decimal(row, effective).append(',');
        row.append("512345678901,Example Corp,USD,")
                .append(billing[1])
                .append(',')
                .append(billing[0])
                .append(',');
        row.append("Usage,,")
                .append(INSTANCE_TYPES[type])
                .append(' ')
                .append(SERVICES[service])
                .append(" usage,Usage-Based,")
                .append(end)
                .append(',')
                .append(start)
                .append(",,,,,,");
        decimal(row, hours).append(',').append(UNITS[service]).append(',');
        decimal(row, effective).append(',');
        decimal(row, rate * 0.92).append(',');
        decimal(row, effective).append(",Amazon Web Services,");
        decimal(row, list).append(',');
        decimal(row, rate).append(",Standard,");
        decimal(row, hours).append(',').append(UNITS[service]).append(",AWS,Amazon Web Services,");
        row.append(REGIONS[region])
                .append(',')
                .append(REGION_NAMES[region])
                .append(',')
                .append(resourceId)
                .append(",web-")
                .append(r)
                .append(',')
                .append(line == 0 ? "Instance" : "Volume")
                .append(',');
        row.append(CATEGORIES[service])
                .append(',')
                .append(SERVICES[service])
                .append(",SKU")
                .append(service)
                .append(type)
                .append(",SKU")
                .append(service)
                .append(type)
                .append(".JRTCKXETXF")
                .append(',');
        row.append(accountId(account)).append(",team-account-").append(account).append(',');
        tags(row, r);
        for (int x = 0; x < shape.extraColumns(); x++) {
            row.append(",v").append(x).append('-').append(r % (7 * (x + 2)));
        }
        row.append('\n');
    }

    private void tags(StringBuilder row, int r) {
        double u = Dice.uniform(Dice.hash(shape.seed(), 5, r, 0));
        if (u >= shape.tagCoverage()) {
            return;
        }
        int combination = (int) ((Dice.mix(shape.seed() ^ r * 101L) >>> 1) % shape.tagCombinations());
        row.append("\"{\"\"env\"\":\"\"")
                .append(combination % 3 == 0 ? "prod" : combination % 3 == 1 ? "dev" : "stage")
                .append("\"\",\"\"team\"\":\"\"team-")
                .append(combination % 41)
                .append("\"\",\"\"app\"\":\"\"app-")
                .append(combination)
                .append("\"\"}\"");
    }

    private static String accountId(int account) {
        return Long.toString(100000000000L + account * 7919L);
    }

    private String time(int period) {
        ZonedDateTime t = START.atStartOfDay(ZoneOffset.UTC).plusHours(shape.daily() ? 24L * period : period);
        return t.toLocalDate() + " " + String.format(java.util.Locale.ROOT, "%02d:00:00", t.getHour());
    }

    /** The period's billing month: start and end. */
    private String[] billingPeriod(int period) {
        Instant at = START.atStartOfDay(ZoneOffset.UTC)
                .plusHours(shape.daily() ? 24L * period : period)
                .toInstant();
        LocalDate month = at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return new String[] {month + " 00:00:00", month.plusMonths(1) + " 00:00:00"};
    }

    /** Appends a non-negative amount with ten decimals, as exports write them. */
    private static StringBuilder decimal(StringBuilder row, double value) {
        long scaled = Math.round(value * 1e10);
        row.append(scaled / 10_000_000_000L).append('.');
        String fraction = Long.toString(scaled % 10_000_000_000L);
        for (int i = fraction.length(); i < 10; i++) {
            row.append('0');
        }
        return row.append(fraction);
    }
}
