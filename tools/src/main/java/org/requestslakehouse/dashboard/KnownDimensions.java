package org.requestslakehouse.dashboard;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The dimension values gold currently holds. Filters must name one of them: that is the whole validation a
 * name needs, and a value never reaches anything but an equality test against these strings.
 */
public record KnownDimensions(
        SortedSet<String> neighborhoods,
        SortedSet<String> departments,
        SortedSet<String> types,
        SortedSet<String> cities) {

    /** Dimensions of a lakehouse with no city in gold yet. */
    public KnownDimensions(SortedSet<String> neighborhoods, SortedSet<String> departments, SortedSet<String> types) {
        this(neighborhoods, departments, types, new TreeSet<>());
    }
}
