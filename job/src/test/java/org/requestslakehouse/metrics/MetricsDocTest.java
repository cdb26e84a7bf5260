package org.requestslakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every metric the job registers, and every key of a key/value group it registers them under (a CloudWatch
 * dimension, a Prometheus label), is described in docs/metrics.md. The names are read from the main sources of
 * every module: the {@code METRIC_*} constants, and the names passed to {@code counter}, {@code gauge},
 * {@code histogram}, {@code meter} and two-argument {@code addGroup} calls, which must be a string literal or a
 * {@code METRIC_*} constant so that this test can read them.
 */
class MetricsDocTest {
    /** Tests run from the repository's root. */
    private static final Path DOC = Paths.get("docs/metrics.md");

    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+(METRIC_\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern REGISTRATION =
            Pattern.compile("\\.(?:counter|gauge|histogram|meter)\\(\\s*([^,)]+)|\\.addGroup\\(\\s*([^,)]+),");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern CONSTANT_REFERENCE = Pattern.compile("(?:\\w+\\.)?(METRIC_\\w+)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    @Test
    void everyRegisteredMetricNameIsInTheMetricsPage() throws IOException {
        Set<String> names = registeredNames();

        // The scan must find what it is there to find, or the test below could pass on nothing.
        assertThat(names).contains("eventsIn", "goldRetractions", "watermarkLagMillis", "reason", "table");

        List<String> codeSpans = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (span.find()) {
            codeSpans.add(span.group(1));
        }
        List<String> missing = names.stream()
                .filter(name -> codeSpans.stream().noneMatch(code -> mentions(code, name)))
                .toList();
        assertThat(missing)
                .as("metric names registered in code but in no `code span` of " + DOC)
                .isEmpty();
    }

    /** The name as a word of its own: {@code ..._silverDuplicatesIgnored} mentions it, {@code eventsInX} does not. */
    private static boolean mentions(String code, String name) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(name) + "(?![A-Za-z0-9])")
                .matcher(code)
                .find();
    }

    /** Metric names and group keys from the main sources of every module. */
    static Set<String> registeredNames() throws IOException {
        Map<Path, String> sources = mainSources();
        Map<String, String> constants = new HashMap<>();
        for (String source : sources.values()) {
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.merge(constant.group(1), constant.group(2), (a, b) -> {
                    if (!a.equals(b)) {
                        throw new IllegalStateException(constant.group(1) + " is both " + a + " and " + b);
                    }
                    return a;
                });
            }
        }
        Set<String> names = new TreeSet<>(constants.values());
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher registration = REGISTRATION.matcher(source.getValue());
            while (registration.find()) {
                String argument =
                        (registration.group(1) != null ? registration.group(1) : registration.group(2)).strip();
                Matcher literal = LITERAL.matcher(argument);
                Matcher reference = CONSTANT_REFERENCE.matcher(argument);
                if (literal.matches()) {
                    names.add(literal.group(1));
                } else if (reference.matches() && constants.containsKey(reference.group(1))) {
                    names.add(constants.get(reference.group(1)));
                } else {
                    throw new AssertionError("a metric name this test cannot read, in " + source.getKey() + ": "
                            + registration.group() + " (use a string literal or a METRIC_* constant)");
                }
            }
        }
        return names;
    }

    private static Map<Path, String> mainSources() throws IOException {
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> modules = Files.list(Paths.get(""))) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(file -> file.toString().endsWith(".java"))
                            .forEach(file -> sources.put(file, read(file)));
                }
            }
        }
        assertThat(sources.keySet())
                .as("main sources under the repository's root")
                .isNotEmpty();
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
