package org.requestslakehouse.silver;

/** What the silver filter remembers per case: enough to order versions and to find the row it last wrote. */
public class CaseVersion {
    public long versionTimeMillis;
    public int statusRank;
    public long fingerprint;
    /** Microseconds, the precision of the silver key column, so a tombstone matches the stored row exactly. */
    public long openTsMicros;

    public CaseVersion() {}

    public CaseVersion(long versionTimeMillis, int statusRank, long fingerprint, long openTsMicros) {
        this.versionTimeMillis = versionTimeMillis;
        this.statusRank = statusRank;
        this.fingerprint = fingerprint;
        this.openTsMicros = openTsMicros;
    }

    /**
     * Total order over versions of one case, independent of arrival order, so replaying the same events in
     * any order converges to the same row. Ties on time go to the closed version, then to the larger
     * fingerprint (arbitrary but deterministic).
     */
    public int compareTo(CaseVersion other) {
        int c = Long.compare(versionTimeMillis, other.versionTimeMillis);
        if (c != 0) return c;
        c = Integer.compare(statusRank, other.statusRank);
        if (c != 0) return c;
        return Long.compare(fingerprint, other.fingerprint);
    }
}
