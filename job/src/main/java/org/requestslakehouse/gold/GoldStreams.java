package org.requestslakehouse.gold;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The gold outputs. Row streams are upserts: each element replaces the previous row with the same key.
 *
 * @param tables          the rows of each registered gold table
 * @param watermarks      completeness markers of every table
 * @param lateCorrections deltas that arrived after their window's state was dropped, from every table
 */
public record GoldStreams(
        List<TableOutput<?>> tables, DataStream<GoldWatermark> watermarks, DataStream<LateCorrection> lateCorrections) {

    /** The row stream of {@code table}, which must be one of {@link #tables}. */
    @SuppressWarnings("unchecked") // a TableOutput pairs a table with the stream of that table's row type
    public <R extends GoldRow> DataStream<R> rows(GoldTable<?, R> table) {
        return tables.stream()
                .filter(output -> output.table().tableName().equals(table.tableName()))
                .map(output -> (DataStream<R>) output.rows())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No gold table " + table));
    }

    /** One table's row stream, typed together with the table so a sink can take both. */
    public record TableOutput<R extends GoldRow>(GoldTable<?, R> table, DataStream<R> rows) {}
}
