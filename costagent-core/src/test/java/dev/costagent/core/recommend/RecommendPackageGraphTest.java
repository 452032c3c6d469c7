package dev.costagent.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recommend packages depend one way: the engine ({@code recommend}) on the rules, the SPI and the model; the rules
 * on the SPI and the model; never a rule, the SPI or the model on the engine. Read from the compiled classes' constant
 * pools, so a reference of any kind (a field, a call, a type argument) counts.
 */
class RecommendPackageGraphTest {

    /** A class of the engine package itself: {@code dev/costagent/core/recommend/Xxx}. */
    private static final Pattern ENGINE_CLASS = Pattern.compile("dev/costagent/core/recommend/([A-Z]\\w*)");

    @Test
    void rulesSpiAndModelNeverReferToTheEngine() {
        for (String pkg : List.of("rules", "spi", "model")) {
            assertThat(engineReferences(pkg))
                    .as("classes of recommend.%s referring to recommend", pkg)
                    .isEmpty();
        }
    }

    @Test
    void theCheckSeesAReferenceWhenThereIsOne() {
        // the engine refers to itself: the same scan over its own package must find references
        assertThat(referencesIn(packageDir(""), ENGINE_CLASS)).isNotEmpty();
    }

    private static List<String> engineReferences(String pkg) {
        return referencesIn(packageDir(pkg), ENGINE_CLASS);
    }

    private static List<String> referencesIn(Path dir, Pattern pattern) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    found.add(f.getFileName() + " -> " + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Path packageDir(String pkg) {
        try {
            Path root = Path.of(RecommendationEngine.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .resolve("dev/costagent/core/recommend");
            return pkg.isEmpty() ? root : root.resolve(pkg);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
