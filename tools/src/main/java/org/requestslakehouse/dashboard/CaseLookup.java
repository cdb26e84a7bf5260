package org.requestslakehouse.dashboard;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.model.ServiceRequestColumn;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;

/**
 * One request's silver row by its id as the city published it, and its city when two cities publish the same id.
 * Both become typed Iceberg equality predicates, so the scan opens only the files whose bounds can hold them, and
 * nothing the client sends is ever interpreted as a query.
 */
public final class CaseLookup {
    /** Published ids are short codes of letters, digits and a little punctuation: {@code 101004113298}, {@code SR19-00134785}. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    /** City profile names (docs/cities.md). */
    private static final Pattern CITY = Pattern.compile("[a-z0-9_-]{1,64}");

    private final Catalog catalog;
    private final TableIdentifier silver;

    public CaseLookup(Catalog catalog, TableIdentifier silver) {
        this.catalog = catalog;
        this.silver = silver;
    }

    /**
     * @param city the request's city, or null for any city
     * @return the row, column name to JSON-ready value in table order
     * @throws ApiException 400 for an id or city that cannot be one, or an id several cities publish and no city;
     *                      404 when silver has no such request
     */
    public Map<String, Object> find(String id, String city) {
        String requestId = parse(id, REQUEST_ID, "A case id is letters, digits, '.', '_', ':' or '-', at most 200");
        String what = city == null ? "case " + requestId : "case " + requestId + " of " + city;
        Expression predicate = Expressions.equal(ServiceRequestColumn.REQUEST_ID.column(), requestId);
        if (city != null) {
            predicate = Expressions.and(
                    predicate,
                    Expressions.equal(
                            ServiceRequestColumn.CITY.column(), parse(city, CITY, "A city is a profile name")));
        }
        Table table;
        try {
            table = catalog.loadTable(silver);
        } catch (NoSuchTableException e) {
            throw ApiException.notFound("No " + what + ": " + silver + " does not exist yet");
        }
        List<Record> rows = IcebergTableReader.read(table, predicate);
        if (rows.isEmpty()) {
            throw ApiException.notFound("No " + what + " in " + silver);
        }
        if (rows.size() > 1) {
            throw ApiException.badRequest("Case " + requestId + " is published by several cities ("
                    + rows.stream()
                            .map(r -> String.valueOf(r.getField(ServiceRequestColumn.CITY.column())))
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + "); name one with ?city=");
        }
        return json(rows.get(0));
    }

    private static String parse(String value, Pattern form, String expectation) {
        if (value == null || !form.matcher(value).matches()) {
            throw ApiException.badRequest(
                    expectation + ", got '" + QueryString.printable(value == null ? "" : value) + "'");
        }
        return value;
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
