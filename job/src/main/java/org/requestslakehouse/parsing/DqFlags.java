package org.requestslakehouse.parsing;

import java.util.Arrays;

/**
 * Data-quality observations about one source row, written to silver's {@code dq_flags}. A flag never rejects a
 * row; it says that a value was dropped, doubted or derived. The codes are stable: queries filter on them.
 *
 * <p>An instance collects the flags of one message and is reused for the next after {@link #clear()}.
 */
public final class DqFlags {
    /** closed_ts before open_ts; resolution_hours is left null rather than negative. */
    public static final String CLOSED_BEFORE_OPEN = "closed_before_open";
    /** sla_target_ts before open_ts; sla_hours is left null rather than negative. */
    public static final String TARGET_BEFORE_OPEN = "target_before_open";
    /** No SLA target date (empty, or the layout has none). */
    public static final String MISSING_TARGET = "missing_target";
    /** The on-time column is there but empty. */
    public static final String MISSING_ON_TIME_STATUS = "missing_on_time_status";
    /** The City Hall coordinates 42.3594, -71.0587 the city uses for cases it could not geocode; dropped. */
    public static final String PLACEHOLDER_COORDINATES = "placeholder_coordinates";
    /** Coordinates outside the city profile's bounding box (Boston's: {@link BostonBounds}); dropped. */
    public static final String COORDINATES_OUT_OF_BOUNDS = "coordinates_out_of_bounds";
    /** Latitude or longitude unparseable, or only one of them given; both dropped. */
    public static final String INVALID_COORDINATES = "invalid_coordinates";
    /**
     * The close time quoted in closure_reason differs from closed_ts by the zone's UTC offset: the file was
     * re-published with its timestamps shifted (as the 2025 sample is). Values are kept as published.
     */
    public static final String TIMESTAMP_SHIFT_SUSPECTED = "timestamp_shift_suspected";
    /** closure_reason has a "Closed date :" whose time could not be read. */
    public static final String INVALID_CLOSURE_REPORTED_TS = "invalid_closure_reported_ts";
    /** The published status says Closed but there is no closed_ts; case_status is CLOSED. */
    public static final String CLOSED_WITHOUT_CLOSED_TS = "closed_without_closed_ts";
    /** The published status says Open but closed_ts is set; case_status is CLOSED. */
    public static final String OPEN_STATUS_WITH_CLOSED_TS = "open_status_with_closed_ts";
    /** open_ts more than a day after the time of parsing. */
    public static final String OPEN_TS_IN_FUTURE = "open_ts_in_future";
    /** closed_ts more than a day after the time of parsing. */
    public static final String CLOSED_TS_IN_FUTURE = "closed_ts_in_future";

    private static final String[] NONE = new String[0];

    private String[] flags = new String[8];
    private int size;

    /** {@code invalid_<column>}: the field's value could not be used (unparseable, or a JSON object or array). */
    public static String invalid(CanonicalField field) {
        return field.invalidFlag();
    }

    /**
     * {@code conflicting_<column>}: two keys meaning the same field had different values; the first is used, the
     * other is kept in extra_fields under its own key.
     */
    public static String conflicting(CanonicalField field) {
        return field.conflictingFlag();
    }

    public void add(String flag) {
        if (size == flags.length) {
            flags = Arrays.copyOf(flags, size * 2);
        }
        flags[size++] = flag;
    }

    public boolean contains(String flag) {
        for (int i = 0; i < size; i++) {
            if (flags[i].equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** Sorted and distinct, so equal rows have equal arrays; empty, never null, when there are none. */
    public String[] toSortedArray() {
        if (size == 0) {
            return NONE;
        }
        String[] sorted = Arrays.copyOf(flags, size);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (!sorted[i].equals(sorted[distinct - 1])) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    public void clear() {
        Arrays.fill(flags, 0, size, null);
        size = 0;
    }
}
