package dev.costagent.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds small FOCUS CSV texts for reader tests: every mandatory column, with defaults a row may override. */
public final class FocusCsv {

    /** The mandatory FOCUS 1.0 columns and a valid default value for each. */
    public static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("BilledCost", "1.5");
        DEFAULTS.put("BillingAccountId", "acct-1");
        DEFAULTS.put("BillingAccountName", "Main");
        DEFAULTS.put("BillingCurrency", "USD");
        DEFAULTS.put("BillingPeriodEnd", "2024-10-01T00:00:00Z");
        DEFAULTS.put("BillingPeriodStart", "2024-09-01T00:00:00Z");
        DEFAULTS.put("ChargeCategory", "Usage");
        DEFAULTS.put("ChargeClass", "");
        DEFAULTS.put("ChargeDescription", "compute");
        DEFAULTS.put("ChargePeriodEnd", "2024-09-18T23:00:00Z");
        DEFAULTS.put("ChargePeriodStart", "2024-09-18T22:00:00Z");
        DEFAULTS.put("ContractedCost", "1.5");
        DEFAULTS.put("EffectiveCost", "1.25");
        DEFAULTS.put("InvoiceIssuerName", "AWS");
        DEFAULTS.put("ListCost", "2");
        DEFAULTS.put("PricingQuantity", "1");
        DEFAULTS.put("PricingUnit", "Hours");
        DEFAULTS.put("ProviderName", "AWS");
        DEFAULTS.put("PublisherName", "AWS");
        DEFAULTS.put("ServiceCategory", "Compute");
        DEFAULTS.put("ServiceName", "Amazon EC2");
    }

    private final List<String> columns;
    private final List<String> lines = new ArrayList<>();
    private String newline = "\n";

    private FocusCsv(List<String> columns) {
        this.columns = columns;
    }

    /** A CSV with the mandatory columns in the default order. */
    public static FocusCsv standard() {
        return new FocusCsv(new ArrayList<>(DEFAULTS.keySet()));
    }

    /** A CSV with these columns, in this order. */
    public static FocusCsv withColumns(String... columns) {
        return new FocusCsv(new ArrayList<>(Arrays.asList(columns)));
    }

    /** Uses CRLF line ends. */
    public FocusCsv crlf() {
        newline = "\r\n";
        return this;
    }

    /** Adds a row of defaults with some values overridden ({@code column, value, column, value, ...}); values are
     *  written raw, so a test controls quoting. */
    public FocusCsv row(String... overrides) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(values.getOrDefault(column, ""));
        }
        lines.add(String.join(",", cells));
        return this;
    }

    /** Adds a raw line. */
    public FocusCsv raw(String line) {
        lines.add(line);
        return this;
    }

    /** The CSV text. */
    public String text() {
        StringBuilder text = new StringBuilder(String.join(",", columns)).append(newline);
        for (String line : lines) {
            text.append(line).append(newline);
        }
        return text.toString();
    }

    /** Writes the CSV to a file ({@code .gz} compresses) and returns it. */
    public Path write(Path file) throws IOException {
        byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
        if (file.toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }
}
