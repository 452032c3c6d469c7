package dev.costagent.core.generate;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.CostTable;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Generated billing data as a {@link CostSource}: the generator writes FOCUS CSV into a pipe that the reader consumes
 * as it goes, so the data takes the same path as a real export and memory stays bounded. The same spec always gives
 * the same table; the id and version name the spec.
 */
public final class GeneratedSource implements CostSource {

    private final GeneratorSpec spec;

    private GeneratedSource(GeneratorSpec spec) {
        this.spec = requireNonNull(spec, "spec");
    }

    /** A source generating data for this spec. */
    public static GeneratedSource of(GeneratorSpec spec) {
        return new GeneratedSource(spec);
    }

    @Override
    public String id() {
        return "generated:seed=" + spec.seed() + ",rows=" + spec.rows();
    }

    @Override
    public String version() {
        return Integer.toHexString(spec.hashCode());
    }

    @Override
    public CostTable load(ReadOptions options) {
        BillingGenerator generator = BillingGenerator.of(spec);
        try (PipedInputStream in = new PipedInputStream(1 << 20)) {
            PipedOutputStream out = new PipedOutputStream(in);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try (out) {
                    generator.writeCsv(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            CostTable table = CostTable.read(id(), in, options);
            writing.join();
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
