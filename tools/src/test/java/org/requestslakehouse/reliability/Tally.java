package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.requestslakehouse.reliability.TableContents.BronzeRow;

/**
 * One table compared with what it must hold: rows lost (expected, missing), rows duplicated (present more often
 * than expected) and rows wrong (unexpected, or holding other content than expected), with a few examples of each.
 */
record Tally(
        String table,
        long expectedRows,
        long foundRows,
        long lost,
        long duplicated,
        long wrong,
        List<String> examples) {
    private static final int MAX_EXAMPLES = 5;

    static Tally bronze(Map<String, Integer> expectedCounts, Map<String, ByteBuffer> digests, List<BronzeRow> found) {
        Map<String, Integer> foundCounts = new HashMap<>();
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        for (BronzeRow row : found) {
            foundCounts.merge(row.coordinate(), 1, Integer::sum);
            if (!Objects.equals(digests.get(row.coordinate()), row.digest())) {
                wrong++;
                example(examples, "payload differs or unknown message at " + row.coordinate());
            }
        }
        return compareCounts("bronze.raw_events", expectedCounts, foundCounts, wrong, examples);
    }

    /** @param found {@code partition@offset=REASON} per row */
    static Tally rejected(Map<String, String> reasons, Map<String, Integer> expectedCounts, List<String> found) {
        Map<String, Integer> foundCounts = new HashMap<>();
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        for (String row : found) {
            String coordinate = row.substring(0, row.indexOf('='));
            foundCounts.merge(coordinate, 1, Integer::sum);
            if (!row.equals(coordinate + "=" + reasons.get(coordinate))) {
                wrong++;
                example(examples, "unexpected quarantine row " + row);
            }
        }
        return compareCounts("silver.rejected_events", expectedCounts, foundCounts, wrong, examples);
    }

    static Tally silver(Map<String, SilverRow> expected, Collection<SilverRow> found) {
        Set<String> seen = new HashSet<>();
        long duplicated = 0;
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        for (SilverRow row : found) {
            if (!seen.add(row.request())) {
                duplicated++;
                example(examples, "second row for case " + row.request());
            }
            if (!row.equals(expected.get(row.request()))) {
                wrong++;
                example(examples, "expected " + expected.get(row.request()) + " but found " + row);
            }
        }
        long lost = expected.keySet().stream().filter(id -> !seen.contains(id)).count();
        expected.keySet().stream()
                .filter(id -> !seen.contains(id))
                .limit(MAX_EXAMPLES)
                .forEach(id -> example(examples, "case " + id + " missing"));
        return new Tally("silver.service_requests", expected.size(), found.size(), lost, duplicated, wrong, examples);
    }

    private static Tally compareCounts(
            String table,
            Map<String, Integer> expectedCounts,
            Map<String, Integer> foundCounts,
            long wrong,
            List<String> examples) {
        long lost = 0;
        long duplicated = 0;
        for (Map.Entry<String, Integer> e : expectedCounts.entrySet()) {
            int found = foundCounts.getOrDefault(e.getKey(), 0);
            if (found < e.getValue()) {
                lost += e.getValue() - found;
                example(examples, e.getKey() + " expected " + e.getValue() + "x, found " + found + "x");
            } else if (found > e.getValue()) {
                duplicated += found - e.getValue();
                example(examples, e.getKey() + " expected " + e.getValue() + "x, found " + found + "x");
            }
        }
        long expectedRows =
                expectedCounts.values().stream().mapToLong(Integer::longValue).sum();
        long foundRows =
                foundCounts.values().stream().mapToLong(Integer::longValue).sum();
        return new Tally(table, expectedRows, foundRows, lost, duplicated, wrong, examples);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }

    boolean isExact() {
        return examples.isEmpty() && lost == 0 && duplicated == 0 && wrong == 0 && foundRows == expectedRows;
    }

    void assertExact() {
        assertThat(examples).as(this.toString()).isEmpty();
        assertThat(new long[] {lost, duplicated, wrong}).as(this.toString()).containsExactly(0, 0, 0);
        assertThat(foundRows).as(this.toString()).isEqualTo(expectedRows);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s: %,d rows expected, %,d found, %,d lost, %,d duplicated, %,d wrong%s",
                table,
                expectedRows,
                foundRows,
                lost,
                duplicated,
                wrong,
                examples.isEmpty() ? "" : " " + examples);
    }
}
