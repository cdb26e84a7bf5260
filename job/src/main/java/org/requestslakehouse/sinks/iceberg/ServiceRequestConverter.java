package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.date;
import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.strings;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestampMillis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;

/**
 * {@link ServiceRequest} to a {@code silver.service_requests} row, column by column as {@link ServiceRequestColumn}
 * declares them (the schema is derived from the same list, so positions agree). A version becomes an INSERT, which
 * the upsert sink turns into "replace the row with this key". A tombstone becomes a DELETE carrying only the key:
 * in upsert mode Iceberg deletes by key and never looks at the other columns.
 */
public final class ServiceRequestConverter extends RowDataConverter<ServiceRequest> {
    private static final long serialVersionUID = 1L;

    private static final ServiceRequestColumn[] COLUMNS = ServiceRequestColumn.values();
    private static final ServiceRequestColumn[] KEY =
            Arrays.stream(COLUMNS).filter(column -> column.role().key()).toArray(ServiceRequestColumn[]::new);

    public ServiceRequestConverter() {
        super(LakehouseTable.SERVICE_REQUESTS);
    }

    @Override
    public RowData map(ServiceRequest r) {
        if (r.tombstone) {
            GenericRowData row = new GenericRowData(RowKind.DELETE, COLUMNS.length);
            for (ServiceRequestColumn column : KEY) {
                row.setField(column.ordinal(), internal(column, r));
            }
            return row;
        }
        GenericRowData row = new GenericRowData(RowKind.INSERT, COLUMNS.length);
        for (int i = 0; i < COLUMNS.length; i++) {
            row.setField(i, internal(COLUMNS[i], r));
        }
        return row;
    }

    /** The column's value as Flink's internal data structure, which is what Iceberg's Flink writers take. */
    private Object internal(ServiceRequestColumn column, ServiceRequest r) {
        Object value = column.value(r);
        Object internal = switch (column.kind()) {
            case EPOCH_MILLIS -> timestampMillis((Long) value);
            case LONG, INTEGER, DOUBLE, BOOLEAN -> value;
            case STRING -> string((String) value);
            case STRING_LIST -> strings((String[]) value);
            case TIMESTAMP -> timestamp((Instant) value);
            case DATE -> date((LocalDate) value);
        };
        return column.required() ? required(internal, column.column(), r) : internal;
    }
}
