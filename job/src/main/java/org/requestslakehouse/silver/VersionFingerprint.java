package org.requestslakehouse.silver;

import java.util.Arrays;
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
    /** Columns the first release declared, the last being source_ref: mixed in null or not, as they always were. */
    static final int FIRST_RELEASE_COLUMNS = ServiceRequestColumn.SOURCE_REF.ordinal() + 1;

    private static final VersionFingerprint CURRENT =
            new VersionFingerprint(FIRST_RELEASE_COLUMNS, ServiceRequestColumn.values().length);

    private final ServiceRequestColumn[] always;
    private final ServiceRequestColumn[] whenSet;
    private final int[] whenSetNames;

    /**
     * @param firstRelease columns {@code [0, firstRelease)} are mixed in whether they have a value or not
     * @param declared columns {@code [firstRelease, declared)} were appended later: each is mixed in only when it
     *        has a value, and with its name, so a value moved from one to another still counts
     */
    VersionFingerprint(int firstRelease, int declared) {
        ServiceRequestColumn[] columns = Arrays.copyOf(ServiceRequestColumn.values(), declared);
        always = Arrays.stream(columns, 0, firstRelease)
                .filter(column -> column.role().fingerprinted())
                .toArray(ServiceRequestColumn[]::new);
        whenSet = Arrays.stream(columns, firstRelease, declared)
                .filter(column -> column.role().fingerprinted())
                .toArray(ServiceRequestColumn[]::new);
        whenSetNames = Arrays.stream(whenSet)
                .mapToInt(column -> column.column().hashCode())
                .toArray();
    }

    public static long of(ServiceRequest r) {
        return CURRENT.fingerprint(r);
    }

    long fingerprint(ServiceRequest r) {
        long h = 1125899906842597L;
        for (ServiceRequestColumn column : always) {
            h = mix(h, column.contentHash(r));
        }
        for (int i = 0; i < whenSet.length; i++) {
            if (!whenSet[i].isNull(r)) {
                h = mix(mix(h, whenSetNames[i]), whenSet[i].contentHash(r));
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
