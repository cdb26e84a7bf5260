package org.requestslakehouse.csv;

import java.util.Arrays;
import java.util.Objects;
import org.requestslakehouse.model.RejectReason;

/**
 * Why a CSV record could not become a request event, with the bytes as read so that bronze and the quarantine
 * keep them.
 *
 * @param reason what kind of defect
 * @param detail what exactly, starting with the line ({@code line 12: ...})
 * @param bytes  the record's bytes without the line break that ends it; for a damaged gzip stream, the bytes of
 *               the record the damage interrupted (possibly none)
 */
public record CsvDefect(RejectReason reason, String detail, byte[] bytes) {

    /** By content: a record's generated equality would compare the array's identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CsvDefect other
                && reason == other.reason
                && Objects.equals(detail, other.detail)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return reason + " (" + detail + ", " + bytes.length + " bytes)";
    }
}
