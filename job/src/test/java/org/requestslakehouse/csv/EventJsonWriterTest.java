package org.requestslakehouse.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonWriterTest {

    @Test
    void mapBecomesAFlatObjectInIterationOrderWithEscaping() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("case_enquiry_id", "101004143000");
        row.put("closure_reason", "Case \"Noted\"\tline1\nline2 \\ done");
        row.put("neighborhood", "Jamaica Plain \u2013 \u00e9");
        row.put("ward", "");
        row.put("precinct", null);

        assertThat(new String(EventJsonWriter.toJson(row), UTF_8))
                .isEqualTo("{\"case_enquiry_id\":\"101004143000\","
                        + "\"closure_reason\":\"Case \\\"Noted\\\"\\tline1\\nline2 \\\\ done\","
                        + "\"neighborhood\":\"Jamaica Plain \u2013 \u00e9\",\"ward\":\"\",\"precinct\":null}");
    }

    @Test
    void emptyMapIsAnEmptyObject() {
        assertThat(new String(EventJsonWriter.toJson(Map.of()), UTF_8)).isEqualTo("{}");
    }

    @Test
    void reusedWriterWritesEachObjectOnItsOwnWithoutSeparators() throws IOException {
        EventJsonWriter writer = new EventJsonWriter();
        writer.begin();
        writer.field("a", "1");
        byte[] first = writer.end();
        writer.begin();
        writer.field("b", "2");
        writer.field("c", "3");
        byte[] second = writer.end();

        assertThat(new String(first, UTF_8)).isEqualTo("{\"a\":\"1\"}");
        assertThat(new String(second, UTF_8)).isEqualTo("{\"b\":\"2\",\"c\":\"3\"}");
    }
}
