package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProduceTimesTest {

    @Test
    void remembersEachMessageByPartitionAndOffsetBeyondTheInitialCapacity() {
        ProduceTimes times = new ProduceTimes(2);
        for (long offset = 0; offset < 5000; offset++) {
            times.record(0, offset, 1_000 + offset);
        }
        times.record(1, 0, 42);

        assertThat(times.producedAt(0, 0)).isEqualTo(1_000);
        assertThat(times.producedAt(0, 4999)).isEqualTo(5_999);
        assertThat(times.producedAt(1, 0)).isEqualTo(42);
        assertThat(times.size()).isEqualTo(5001);
    }

    @Test
    void aRepeatedAcknowledgementIsCountedOnce() {
        ProduceTimes times = new ProduceTimes(1);
        times.record(0, 3, 10);
        times.record(0, 3, 10);

        assertThat(times.size()).isEqualTo(1);
    }

    @Test
    void anUnknownMessageIsAnError() {
        ProduceTimes times = new ProduceTimes(1);
        times.record(0, 1, 10);

        assertThatThrownBy(() -> times.producedAt(0, 0)).hasMessage("No produce time for partition 0 offset 0");
        assertThatThrownBy(() -> times.producedAt(0, 9999)).hasMessage("No produce time for partition 0 offset 9999");
        assertThatThrownBy(() -> times.producedAt(3, 1)).hasMessage("No produce time for partition 3 offset 1");
    }

    @Test
    void sourceRefsOfTheJobNameTheirPartitionAndOffset() {
        ProduceTimes times = new ProduceTimes(2);
        times.record(1, 17, 123_456);

        assertThat(FreshnessAnalysis.producedAt(times, "kafka:bench-freshness/1@17"))
                .isEqualTo(123_456);
        assertThatThrownBy(() -> FreshnessAnalysis.producedAt(times, "csv:/tmp/x.csv@3"))
                .hasMessage("Not a Kafka source_ref: csv:/tmp/x.csv@3");
    }
}
