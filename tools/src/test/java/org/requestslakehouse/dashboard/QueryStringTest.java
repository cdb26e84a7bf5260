package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void decodesPercentAndPlusEncodingAndTreatsEmptyValuesAsAbsent() {
        QueryString query = QueryString.parse("a=South%20Boston+%2F+Waterfront&b=&c", Set.of("a", "b", "c"));

        assertThat(query.get("a")).isEqualTo("South Boston / Waterfront");
        assertThat(query.get("b")).isNull();
        assertThat(query.get("c")).isNull();
        assertThat(query.asMap()).isEqualTo(Map.of("a", "South Boston / Waterfront", "b", "", "c", ""));
    }

    @Test
    void refusesAQueryLongerThanAnyFilter() {
        assertThatThrownBy(() -> QueryString.parse("a=" + "x".repeat(QueryString.MAX_LENGTH), Set.of("a")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Query string longer than 2048 characters");
    }

    @Test
    void echoesClientInputWithoutControlCharactersAndCutShort() {
        assertThat(QueryString.printable("a\nb\u0007c")).isEqualTo("abc");
        assertThat(QueryString.printable("y".repeat(100))).isEqualTo("y".repeat(80) + "...");
    }
}
