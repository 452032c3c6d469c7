package dev.costagent.core.recommend.inventory;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The instance type of each resource as the user's inventory states it (a CMDB or {@code aws ec2
 * describe-instances} export): CSV with the header {@code ResourceId,InstanceType}. Immutable.
 *
 * @param types instance type by resource id
 */
public record InstanceInventory(Map<String, String> types) {

    /** No inventory. */
    public static final InstanceInventory EMPTY = new InstanceInventory(Map.of());

    /** Copies the map. */
    public InstanceInventory {
        types = Map.copyOf(types);
    }

    /** The type the inventory states for a resource. */
    public Optional<String> typeOf(String resourceId) {
        return Optional.ofNullable(types.get(resourceId));
    }

    /**
     * Reads an inventory file.
     *
     * @throws IllegalArgumentException naming the file and line of a bad header or row
     */
    public static InstanceInventory load(Path file) {
        Map<String, String> types = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(
                        file + ": empty inventory file, expected header ResourceId,InstanceType");
            }
            header = header.replace("\uFEFF", "").strip();
            if (!header.equalsIgnoreCase("ResourceId,InstanceType")) {
                throw new IllegalArgumentException(
                        file + ":1: expected header ResourceId,InstanceType but found '" + header + "'");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                    throw new IllegalArgumentException(
                            file + ":" + number + ": expected ResourceId,InstanceType but found '" + line + "'");
                }
                types.put(unquote(f[0]), unquote(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read inventory " + file + ": " + e.getMessage(), e);
        }
        return new InstanceInventory(types);
    }

    private static String unquote(String field) {
        String s = field.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
