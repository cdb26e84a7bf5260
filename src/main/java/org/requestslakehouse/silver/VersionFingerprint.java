package org.requestslakehouse.silver;

import java.util.Arrays;

import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;

/**
 * A 64-bit hash of a version's content: the {@link ServiceRequestColumn.Role#KEY key} and
 * {@link ServiceRequestColumn.Role#CONTENT content} columns. Where a message came from and when it was read are
 * left out, so the same row delivered twice (a replay, a redelivery after a crash) has the same fingerprint and is
 * recognised as a duplicate. The value lives in the silver filter's keyed state, so it must not change for the same
 * content across releases ({@code VersionFingerprintTest} pins it); a new content column changes it once, see
 * docs/reliability.md.
 */
public final class VersionFingerprint {
    /** In declaration order, which is the order the fields were mixed in since the first release: keep it. */
    private static final ServiceRequestColumn[] FINGERPRINTED = Arrays.stream(ServiceRequestColumn.values())
            .filter(column -> column.role().fingerprinted())
            .toArray(ServiceRequestColumn[]::new);

    private VersionFingerprint() {}

    public static long of(ServiceRequest r) {
        long h = 1125899906842597L;
        for (ServiceRequestColumn column : FINGERPRINTED) {
            h = mix(h, column.contentHash(r));
        }
        return h;
    }

    private static long mix(long h, int v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
