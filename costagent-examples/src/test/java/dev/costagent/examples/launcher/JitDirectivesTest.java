package dev.costagent.examples.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's compiler directives name classes and packages that exist: a rename would otherwise silently move the
 * reader to C1 or the stages back to C2. The query path is excluded from C2 before the table package is let in.
 */
class JitDirectivesTest {

    @Test
    void everyPatternNamesAClassOrPackageThatExists() throws Exception {
        List<String> patterns = patterns();
        assertThat(patterns).isNotEmpty();
        for (String pattern : patterns) {
            if (pattern.equals("*.*")) {
                continue;
            }
            String name = pattern.substring(0, pattern.length() - ".*".length()).replace("*", "");
            String last = name.substring(name.lastIndexOf('/') + 1);
            if (Character.isUpperCase(last.charAt(0))) {
                assertThat(Class.forName(name.replace('/', '.'))).as(pattern).isNotNull();
            } else {
                assertThat(getClass().getClassLoader().getResource(name))
                        .as(pattern)
                        .isNotNull();
            }
        }
    }

    @Test
    void theQueryPathIsExcludedBeforeTheTablePackageIsLetIn() throws Exception {
        JsonNode directives = new ObjectMapper().readTree(Files.readString(file()));
        assertThat(directives.get(0).get("match").toString()).contains("QueryExecutor");
        assertThat(directives.get(0).get("c2").get("Exclude").asBoolean()).isTrue();
        assertThat(directives.get(1).get("match").toString()).contains("dev/costagent/core/table*.*");
        assertThat(directives.get(1).get("c2").get("Exclude").asBoolean()).isFalse();
        assertThat(directives
                        .get(directives.size() - 1)
                        .get("c2")
                        .get("Exclude")
                        .asBoolean())
                .isTrue();
    }

    private static List<String> patterns() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode directive : new ObjectMapper().readTree(Files.readString(file()))) {
            JsonNode match = directive.get("match");
            if (match.isArray()) {
                match.forEach(m -> out.add(m.asText()));
            } else {
                out.add(match.asText());
            }
        }
        return out;
    }

    private static Path file() {
        Path here = Path.of("").toAbsolutePath();
        Path project = Files.exists(here.resolve("costagent")) ? here : here.getParent();
        return project.resolve("costagent-examples/src/main/launcher/jit-directives.json");
    }
}
