package org.requestslakehouse.dashboard;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;

/**
 * One case's silver row by id. The id becomes a typed Iceberg equality predicate, so the scan opens only the
 * files whose case-id bounds can hold it, and nothing the client sends is ever interpreted as a query.
 */
public final class CaseLookup {
    /** Case ids are positive 64-bit numbers; 18 digits always fit in a long. */
    private static final Pattern CASE_ID = Pattern.compile("[0-9]{1,18}");

    private final Catalog catalog;
    private final TableIdentifier silver;

    public CaseLookup(Catalog catalog, TableIdentifier silver) {
        this.catalog = catalog;
        this.silver = silver;
    }

    /**
     * @return the row, column name to JSON-ready value in table order
     * @throws ApiException 400 for an id that is not a positive number, 404 when silver has no such case
     */
    public Map<String, Object> find(String id) {
        long caseId = parse(id);
        Table table;
        try {
            table = catalog.loadTable(silver);
        } catch (NoSuchTableException e) {
            throw ApiException.notFound("No case " + caseId + ": " + silver + " does not exist yet");
        }
        List<Record> rows = IcebergTableReader.read(table, Expressions.equal("case_enquiry_id", caseId));
        if (rows.isEmpty()) {
            throw ApiException.notFound("No case " + caseId + " in " + silver);
        }
        return json(rows.get(0));
    }

    static long parse(String id) {
        if (id == null || !CASE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("A case id is a positive number of at most 18 digits, got '"
                    + QueryString.printable(id == null ? "" : id) + "'");
        }
        long caseId = Long.parseLong(id);
        if (caseId == 0) {
            throw ApiException.badRequest("A case id is a positive number, got 0");
        }
        return caseId;
    }

    private static Map<String, Object> json(Record row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Types.NestedField field : row.struct().fields()) {
            out.put(field.name(), jsonValue(row.getField(field.name())));
        }
        return out;
    }

    /** Times and dates as ISO-8601 text (timestamptz in UTC), lists as arrays. */
    private static Object jsonValue(Object value) {
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof ByteBuffer bytes) {
            return bytes.remaining() + " bytes";
        }
        return value;
    }
}
