package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.ServiceRequest;

class PlausibleTimeWatermarksTest {
    private static final long INGESTED = Instant.parse("2024-03-01T12:00:00Z").toEpochMilli();
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);

    private final Collected output = new Collected();
    private final PlausibleTimeWatermarks generator = new PlausibleTimeWatermarks(OUT_OF_ORDERNESS);

    @Test
    void trailsTheNewestPlausibleTimeByTheOutOfOrderness() {
        long opened = Instant.parse("2024-03-01T11:00:00Z").toEpochMilli();
        generator.onEvent(request(), opened, output);
        generator.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(opened - OUT_OF_ORDERNESS.toMillis() - 1);
    }

    @Test
    void aMistypedFutureDateDoesNotMoveTheWatermark() {
        long opened = Instant.parse("2024-03-01T11:00:00Z").toEpochMilli();
        generator.onEvent(request(), opened, output);
        generator.onEvent(request(), Instant.parse("2099-03-01T11:00:00Z").toEpochMilli(), output);
        generator.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(opened - OUT_OF_ORDERNESS.toMillis() - 1);
    }

    @Test
    void clockSkewWithinADayIsTrusted() {
        long skewed = INGESTED + Duration.ofHours(23).toMillis();
        generator.onEvent(request(), skewed, output);
        generator.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(skewed - OUT_OF_ORDERNESS.toMillis() - 1);
    }

    @Test
    void beforeAnyPlausibleEventTheWatermarkIsTheMinimum() {
        generator.onEvent(request(), INGESTED + Duration.ofDays(2).toMillis(), output);
        generator.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(Long.MIN_VALUE);
    }

    private static ServiceRequest request() {
        ServiceRequest r = new ServiceRequest();
        r.ingestedAtMillis = INGESTED;
        return r;
    }

    private static final class Collected implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
