package org.requestslakehouse.sources;

import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.SourceConfig;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.pipeline.WatermarkPolicy;

/** The one place that turns {@code source.type} into a source: new sources plug in here and nowhere else. */
public final class EventSources {
    private EventSources() {}

    /** {@code bounded}: the source ends by itself (CSV files, a Kafka backfill), which the Iceberg sinks must know. */
    public record Selected(EventSource source, WatermarkPolicy watermarks, boolean bounded) {}

    public static Selected forConfig(JobConfig config) {
        SourceConfig.SourceType type = config.source().type();
        switch (type) {
            case CSV:
                return new Selected(new CsvEventSource(config.source().csvPaths()), WatermarkPolicy.END_OF_INPUT, true);
            case KAFKA:
                return new Selected(
                        new KafkaEventSource(config.kafka()),
                        WatermarkPolicy.BOUNDED_OUT_OF_ORDERNESS,
                        config.kafka().bounded());
            case KINESIS:
                return new Selected(
                        new KinesisEventSource(config.kinesis()), WatermarkPolicy.BOUNDED_OUT_OF_ORDERNESS, false);
            default:
                throw new IllegalArgumentException(SourceSettings.TYPE.is(type) + " is not supported by this build");
        }
    }
}
