package org.requestslakehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.flink.types.Row;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code sql} prints a result. Values are rendered the same way in every format: timestamps as ISO-8601
 * instants, binary as base64, arrays/maps/rows as JSON; only null differs (empty in CSV, {@code NULL} in the table,
 * JSON null).
 */
public enum SqlResultFormat {
    /** Aligned columns for a terminal; buffers the whole result to size the columns. */
    TABLE {
        @Override
        void write(List<String> columns, Iterator<Row> rows, PrintWriter out) {
            List<List<String>> cells = new ArrayList<>();
            int[] widths = columns.stream().mapToInt(String::length).toArray();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> line = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = row.getField(i);
                    String text = value == null ? "NULL" : text(value);
                    widths[i] = Math.max(widths[i], text.length());
                    line.add(text);
                }
                cells.add(line);
            }
            out.println(line(columns, widths, " | "));
            List<String> rules = new ArrayList<>();
            for (int width : widths) {
                rules.add("-".repeat(width));
            }
            out.println(line(rules, widths, "-+-"));
            for (List<String> line : cells) {
                out.println(line(line, widths, " | "));
            }
            out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
        }

        private String line(List<String> cells, int[] widths, String separator) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    b.append(separator);
                }
                b.append(cells.get(i))
                        .append(" ".repeat(widths[i] - cells.get(i).length()));
            }
            return b.toString().stripTrailing();
        }
    },

    /** RFC 4180: header line, CRLF line ends, fields quoted when they contain a comma, quote or line break. */
    CSV {
        @Override
        void write(List<String> columns, Iterator<Row> rows, PrintWriter out) {
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setHeader(columns.toArray(String[]::new))
                    .build();
            try {
                CSVPrinter printer = new CSVPrinter(out, format);
                while (rows.hasNext()) {
                    Row row = rows.next();
                    List<String> record = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = row.getField(i);
                        record.add(value == null ? null : text(value));
                    }
                    printer.printRecord(record);
                }
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    /** One JSON object per row and line (JSON Lines), keys in column order. */
    JSON {
        @Override
        void write(List<String> columns, Iterator<Row> rows, PrintWriter out) {
            while (rows.hasNext()) {
                Row row = rows.next();
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), jsonValue(row.getField(i)));
                }
                out.println(toJson(object));
            }
            out.flush();
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();

    abstract void write(List<String> columns, Iterator<Row> rows, PrintWriter out);

    /** A non-null value as a single cell of text. */
    static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value.getClass().isArray() || value instanceof Iterable || value instanceof Map || value instanceof Row) {
            return toJson(jsonValue(value));
        }
        return value.toString();
    }

    /** Flink's Java values mapped onto what Jackson writes natively, without needing extra Jackson modules. */
    static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(jsonValue(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            iterable.forEach(element -> list.add(jsonValue(element)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((k, v) -> object.put(String.valueOf(k), jsonValue(v)));
            return object;
        }
        if (value instanceof Row row) {
            Set<String> names = row.getFieldNames(true);
            if (names == null) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < row.getArity(); i++) {
                    list.add(jsonValue(row.getField(i)));
                }
                return list;
            }
            Map<String, Object> object = new LinkedHashMap<>();
            names.forEach(name -> object.put(name, jsonValue(row.getField(name))));
            return object;
        }
        // Instant, LocalDate, LocalDateTime, LocalTime: toString is ISO-8601.
        return value.toString();
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render " + value + " as JSON", e);
        }
    }

    /** Accepts {@code table}, {@code csv}, {@code json} in any case. */
    static final class Converter implements ITypeConverter<SqlResultFormat> {
        @Override
        public SqlResultFormat convert(String value) {
            try {
                return SqlResultFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table, csv or json but was '" + value + "'");
            }
        }
    }
}
