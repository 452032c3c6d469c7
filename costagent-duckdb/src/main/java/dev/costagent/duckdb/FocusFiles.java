package dev.costagent.duckdb;

import dev.costagent.core.focus.FocusFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The FOCUS files of an input: one file, or every {@code .csv}, {@code .csv.gz} or {@code .parquet} file under a
 * directory (Parquet searched recursively, as partitioned datasets nest), all of one format.
 *
 * @param files the files, sorted
 * @param parquet whether they are Parquet (otherwise CSV, plain or gzip)
 */
record FocusFiles(List<Path> files, boolean parquet) {

    static FocusFiles of(Path input) {
        if (Files.isRegularFile(input)) {
            return new FocusFiles(List.of(input), isParquet(input));
        }
        if (!Files.isDirectory(input)) {
            throw new FocusFormatException(input.toString(), 0, null, "no such file or directory");
        }
        try (Stream<Path> walk = Files.walk(input)) {
            List<Path> all = walk.filter(Files::isRegularFile)
                    .filter(p -> isParquet(p) || isCsv(p))
                    .sorted()
                    .toList();
            boolean anyParquet = all.stream().anyMatch(FocusFiles::isParquet);
            List<Path> chosen = all.stream()
                    .filter(p -> isParquet(p) == anyParquet)
                    .filter(p -> anyParquet || p.getParent().equals(input))
                    .toList();
            if (chosen.isEmpty()) {
                throw new FocusFormatException(
                        input.toString(), 0, null, "directory holds no .csv, .csv.gz or .parquet file");
            }
            if (anyParquet && all.stream().anyMatch(FocusFiles::isCsv)) {
                throw new FocusFormatException(
                        input.toString(), 0, null, "directory mixes Parquet and CSV files; point at one format");
            }
            return new FocusFiles(chosen, anyParquet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }

    private static boolean isParquet(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    private static boolean isCsv(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /**
     * The column names of a CSV file's header line (plain or gzip; quotes and a byte-order mark removed).
     *
     * @throws FocusFormatException when the file is empty or not readable as such
     */
    static List<String> header(Path file) {
        try (java.io.InputStream raw = Files.newInputStream(file);
                java.io.InputStream in =
                        file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                                ? new java.util.zip.GZIPInputStream(raw)
                                : raw;
                java.io.BufferedReader reader = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new FocusFormatException(file.toString(), 0, null, "empty file: no header and no records");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> names = new java.util.ArrayList<>();
            StringBuilder name = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        name.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    names.add(name.toString());
                    name.setLength(0);
                } else {
                    name.append(c);
                }
            }
            names.add(name.toString());
            return names;
        } catch (java.util.zip.ZipException e) {
            throw new FocusFormatException(file.toString(), "not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The files as a DuckDB list literal. */
    String sqlList() {
        StringBuilder list = new StringBuilder("[");
        for (Path file : files) {
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(Sql.literal(file.toAbsolutePath().toString()));
        }
        return list.append(']').toString();
    }

    /** How errors name the input: the file, or the first file and how many more. */
    String name() {
        return files.size() == 1 ? files.get(0).toString() : files.get(0) + " (and " + (files.size() - 1) + " more)";
    }
}
