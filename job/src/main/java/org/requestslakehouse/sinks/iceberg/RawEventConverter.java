package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestampMillis;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.model.RawEvent;

/**
 * {@link RawEvent} to a {@code bronze.raw_events} row; the payload bytes are passed through untouched. Bronze is
 * written before parsing, so its city is the one the whole run is known to read, if any.
 */
public final class RawEventConverter extends RowDataConverter<RawEvent> {
    private static final long serialVersionUID = 1L;

    private final String city;

    /** Rows without a city: each message's city is only known once it is parsed. */
    public RawEventConverter() {
        this(null);
    }

    /** @param city the city every message is from, or null when it is detected per message */
    public RawEventConverter(String city) {
        super(LakehouseTable.RAW_EVENTS);
        this.city = city;
    }

    @Override
    public RowData map(RawEvent e) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                string(required(e.sourceType, "source_type", e)),
                string(required(e.sourceName, "source_name", e)),
                string(e.sourcePartition),
                string(e.sourcePosition),
                timestampMillis(e.sourceTimestampMillis),
                timestampMillis(e.ingestedAtMillis),
                e.payload,
                e.payload == null ? null : e.payload.length,
                string(city));
    }
}
