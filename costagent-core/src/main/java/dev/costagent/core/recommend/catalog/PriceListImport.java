package dev.costagent.core.recommend.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a price list a user downloaded from the provider into an {@link InstanceCatalog} that replaces the shipped
 * prices ({@code InstanceCatalog.shipped().overriddenBy(result.catalog())}); every imported row names the file and
 * the list's publication or effective date as its source and date.
 * <ul>
 *   <li><b>AWS price list CSV</b> (the EC2 offer file, e.g. {@code .../offers/v1.0/aws/AmazonEC2/current/us-east-1/
 *       index.csv}): its metadata lines, then a header; kept are rows with {@code TermType = OnDemand},
 *       {@code Unit = Hrs}, {@code Tenancy = Shared}, {@code Operating System = Linux}, {@code Pre Installed S/W = NA},
 *       {@code CapacityStatus = Used} and {@code License Model} "No License required" where those columns exist. The
 *       file gives vCPU and memory, so types the shipped catalog lacks are added (family = the part before the dot).</li>
 *   <li><b>Azure retail prices JSON</b> (a page or a concatenation of pages of {@code prices.azure.com/api/retail/prices},
 *       {@code {"Items":[...]}}): kept are {@code serviceName = Virtual Machines}, {@code type = Consumption},
 *       {@code unitOfMeasure = 1 Hour}, not Windows, not Spot or Low Priority. The file has no vCPU or memory, so only
 *       types the base catalog knows are repriced; the others are counted as skipped.</li>
 * </ul>
 * A malformed file fails with one line naming the file, the line where there is one, and the reason.
 */
public final class PriceListImport {

    /**
     * What an import produced.
     *
     * @param catalog the imported types
     * @param imported rows turned into types
     * @param skipped price rows that matched the filters but could not be used (unknown type without specs, no
     *     price), counted rather than silently dropped
     */
    public record Result(InstanceCatalog catalog, int imported, int skipped) {}

    private PriceListImport() {}

    /** Whether a file looks like an AWS price list CSV or an Azure retail prices JSON (not a costagent catalog). */
    public static boolean isPriceList(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                return false;
            }
            String t = first.strip();
            return t.startsWith("{") || t.startsWith("[") || t.replace("\"", "").startsWith("FormatVersion");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads either kind of price list, told apart by its first character; types of {@code base} keep their specs. */
    public static Result read(Path file, InstanceCatalog base) {
        try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
            String first = in.readLine();
            String t = first == null ? "" : first.strip();
            return t.startsWith("{") || t.startsWith("[")
                    ? azureRetailJson(file, base, null)
                    : awsPriceListCsv(file, base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an AWS EC2 price list CSV. */
    public static Result awsPriceListCsv(Path file, InstanceCatalog base) {
        List<InstanceType> types = new ArrayList<>();
        int skipped = 0;
        String published = "";
        try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
            String line;
            int number = 0;
            Map<String, Integer> col = null;
            while ((line = in.readLine()) != null) {
                number++;
                List<String> f = csv(line, file, number);
                if (col == null) {
                    if (f.size() == 2 && f.get(0).equals("Publication Date")) {
                        published = f.get(1).length() >= 10 ? f.get(1).substring(0, 10) : f.get(1);
                    }
                    if (f.contains("SKU") && f.contains("Instance Type")) {
                        col = new HashMap<>();
                        for (int i = 0; i < f.size(); i++) {
                            col.put(f.get(i), i);
                        }
                        for (String required :
                                List.of("TermType", "Unit", "PricePerUnit", "Instance Type", "vCPU", "Memory")) {
                            if (!col.containsKey(required)) {
                                throw new IllegalArgumentException(file + ":" + number + ": AWS price list header has "
                                        + "no column '" + required + "'");
                            }
                        }
                    }
                    continue;
                }
                if (f.size() != col.size()) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected " + col.size()
                            + " fields as in the header, found " + f.size());
                }
                if (!is(f, col, "TermType", "OnDemand")
                        || !is(f, col, "Unit", "Hrs")
                        || !is(f, col, "Tenancy", "Shared")
                        || !is(f, col, "Operating System", "Linux")
                        || !is(f, col, "Pre Installed S/W", "NA")
                        || !is(f, col, "CapacityStatus", "Used")
                        || (col.containsKey("License Model")
                                && !f.get(col.get("License Model")).startsWith("No License"))) {
                    continue;
                }
                String name = f.get(col.get("Instance Type"));
                try {
                    double price = Double.parseDouble(f.get(col.get("PricePerUnit")));
                    int vcpu = Integer.parseInt(f.get(col.get("vCPU")).strip());
                    double memory = Double.parseDouble(f.get(col.get("Memory"))
                            .replace(",", "")
                            .replace("GiB", "")
                            .strip());
                    if (name.isBlank() || price <= 0) {
                        skipped++;
                        continue;
                    }
                    InstanceType known = base.find(name).orElse(null);
                    String family = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    types.add(new InstanceType(
                            "AWS",
                            name,
                            known != null ? known.family() : family,
                            vcpu,
                            memory,
                            price,
                            known != null ? known.baselineCpuPercent() : 0,
                            "AWS price list " + file.getFileName(),
                            published));
                } catch (NumberFormatException e) {
                    skipped++; // e.g. "NA" memory or vCPU on a row that prices something other than an instance
                }
            }
            if (col == null) {
                throw new IllegalArgumentException(
                        file + ": not an AWS price list CSV (no header with SKU and " + "Instance Type)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Result(InstanceCatalog.of(dedupe(types)), types.size(), skipped);
    }

    /**
     * Reads an Azure retail prices JSON. With several regions in the file, {@code region} ({@code armRegionName},
     * e.g. {@code eastus}) chooses one; null is allowed only when the file has one region.
     */
    public static Result azureRetailJson(Path file, InstanceCatalog base, String region) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        JsonNode items = root.isArray() ? root : root.path("Items");
        if (!items.isArray()) {
            throw new IllegalArgumentException(file + ": expected an Azure retail prices page {\"Items\":[...]}");
        }
        TreeSet<String> regions = new TreeSet<>();
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode item : items) {
            String product = item.path("productName").asText("");
            String sku = item.path("skuName").asText("");
            if (!"Virtual Machines".equals(item.path("serviceName").asText())
                    || !"Consumption".equals(item.path("type").asText())
                    || !"1 Hour".equals(item.path("unitOfMeasure").asText())
                    || product.contains("Windows")
                    || sku.contains("Spot")
                    || sku.contains("Low Priority")) {
                continue;
            }
            String r = item.path("armRegionName").asText("");
            if (region == null || region.equalsIgnoreCase(r)) {
                regions.add(r);
                kept.add(item);
            }
        }
        if (region == null && regions.size() > 1) {
            throw new IllegalArgumentException(file + ": prices for several regions " + regions
                    + "; choose one (PriceListImport.azureRetailJson(file, base, region))");
        }
        List<InstanceType> types = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : kept) {
            String name = item.path("armSkuName").asText("");
            double price = item.path("retailPrice").asDouble(0);
            InstanceType known = base.find(name).orElse(null);
            if (known == null || price <= 0) {
                skipped++;
                continue;
            }
            String date = item.path("effectiveStartDate").asText("");
            types.add(known.repriced(
                    price,
                    "Azure retail prices " + file.getFileName() + " "
                            + item.path("armRegionName").asText("") + " "
                            + item.path("currencyCode").asText(""),
                    date.length() >= 10 ? date.substring(0, 10) : date));
        }
        return new Result(InstanceCatalog.of(dedupe(types)), types.size(), skipped);
    }

    /** One type per name: the cheapest row (price lists repeat a type for capacity or licence variants). */
    private static List<InstanceType> dedupe(List<InstanceType> types) {
        Map<String, InstanceType> byName = new LinkedHashMap<>();
        for (InstanceType t : types) {
            byName.merge(t.name().toLowerCase(Locale.ROOT), t, (a, b) -> a.hourlyUsd() <= b.hourlyUsd() ? a : b);
        }
        return new ArrayList<>(byName.values());
    }

    private static boolean is(List<String> f, Map<String, Integer> col, String column, String value) {
        Integer i = col.get(column);
        return i == null || f.get(i).equals(value);
    }

    /** One RFC 4180 line (price list fields do not span lines). */
    private static List<String> csv(String line, Path file, int number) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + ":" + number + ": unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }
}
