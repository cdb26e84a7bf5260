package org.requestslakehouse.silver;

import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;

/**
 * A 64-bit hash of a version's content: the {@link ServiceRequestColumn.Role#KEY key} and
 * {@link ServiceRequestColumn.Role#CONTENT content} columns. Where a message came from and when it was read are
 * left out, so the same row delivered twice (a replay, a redelivery after a crash) has the same fingerprint and is
 * recognised as a duplicate.
 *
 * <p>The value lives in the silver filter's keyed state, so the same content must keep its fingerprint across
 * releases ({@code VersionFingerprintTest} pins it): the columns are mixed in declaration order, and a column
 * appended after the first release counts only when it has a value, so adding one changes no fingerprint of a
 * version without it.
 */
public final class VersionFingerprint {
    private static final ServiceRequestColumn[] COLUMNS = ServiceRequestColumn.values();
    /** Columns the first release declared, the last being source_ref: mixed in null or not, as they always were. */
    static final int FIRST_RELEASE_COLUMNS = ServiceRequestColumn.SOURCE_REF.ordinal() + 1;

    private VersionFingerprint() {}

    public static long of(ServiceRequest r) {
        return of(r, FIRST_RELEASE_COLUMNS, COLUMNS.length);
    }

    /**
     * @param firstRelease columns {@code [0, firstRelease)} are mixed in whether they have a value or not
     * @param declared columns {@code [firstRelease, declared)} were appended later: each is mixed in with its name,
     *        so a value moved from one to another still counts, and only when it has a value
     */
    static long of(ServiceRequest r, int firstRelease, int declared) {
        long h = 1125899906842597L;
        for (int i = 0; i < declared; i++) {
            ServiceRequestColumn column = COLUMNS[i];
            if (!column.role().fingerprinted()) {
                continue;
            }
            if (i < firstRelease) {
                h = mix(h, column.contentHash(r));
            } else if (!column.isNull(r)) {
                h = mix(mix(h, column.column().hashCode()), column.contentHash(r));
            }
        }
        return h;
    }

    private static long mix(long h, int v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
