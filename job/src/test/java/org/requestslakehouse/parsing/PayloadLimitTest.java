package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.config.ParseSettings;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;

/**
 * Memory stays bounded whatever arrives: the payload limit is checked on the raw byte length, before decoding or
 * parsing, so a multi-megabyte message costs no allocation proportional to its size.
 */
class PayloadLimitTest {
    private static final int EIGHT_MIB = 8 * 1024 * 1024;
    /**
     * Decoding the payload alone would allocate 16 MiB of chars; the rejection itself is a few small objects. The
     * bound is loose so that JIT or class-loading noise on the test thread cannot fail it, yet 1/8 of the payload.
     */
    private static final long ALLOWED_ALLOCATION_BYTES = 1024 * 1024;

    private final RequestEventParser parser = new RequestEventParser(ParseConfig.defaults());

    @Test
    void aMultiMegabytePayloadIsRejectedOnItsLengthWithoutBeingDecodedOrParsed() {
        // Invalid UTF-8 and broken JSON as well: had any later check run first, the reason would say so.
        byte[] payload = new byte[EIGHT_MIB];
        Arrays.fill(payload, (byte) 0xFF);
        payload[0] = '[';
        // both paths once, so the measurement is not of first-use class loading
        parser.parse(raw("{\"warm\":\"up\"}".getBytes(UTF_8)), 0L);
        parser.parse(raw(new byte[ParseSettings.MAX_PAYLOAD_BYTES.defaultValue() + 1]), 0L);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        ParseOutcome outcome = parser.parse(raw(payload), 0L);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(outcome.reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
        assertThat(outcome.detail()).isEqualTo("payload is 8388608 bytes, the limit is 262144");
        assertThat(allocated).isLessThan(ALLOWED_ALLOCATION_BYTES);
    }

    @Test
    void theLimitIsOnBytesNotCharacters() {
        int limit = 1024;
        RequestEventParser small = new RequestEventParser(new ParseConfig("America/New_York", limit));
        String head = "{\"case_id\":\"101\",\"open_date\":\"2022-01-21 13:47:00\",\"note\":\"";
        // 'é' is two bytes: this text has fewer characters than the limit but more bytes
        String note = "\u00e9".repeat((limit - head.length()) / 2 + 1);
        byte[] payload = (head + note + "\"}").getBytes(UTF_8);

        ParseOutcome outcome = small.parse(raw(payload), 0L);

        assertThat((head + note + "\"}").length()).isLessThan(limit);
        assertThat(outcome.reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
        assertThat(outcome.detail()).isEqualTo("payload is " + payload.length + " bytes, the limit is 1024");
    }

    private static RawEvent raw(byte[] payload) {
        return new RawEvent("kafka", "requests", "0", "1", null, 0L, payload);
    }
}
