package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNormalizersTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "42 Cross St  Boston  MA  02113|42 Cross St Boston MA 02113",
                "INTERSECTION of Hillcrest St &amp; Temple St  West Roxbury  MA  |INTERSECTION of Hillcrest St & Temple St West Roxbury MA",
                "Tom &amp;amp; Jerry|Tom &amp; Jerry",
                "caf&eacute; &lt;b&gt;|caf\u00e9 <b>",
                "AT&T store|AT&T store",
                "Already clean|Already clean",
                " |null",
                "''|null",
            })
    void text(String raw, String expected) {
        assertThat(FieldNormalizers.text(raw)).isEqualTo(expected);
    }

    /** Entities are decoded only where an {@code &} stands, so the result must be the library's from every position. */
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "&&amp;",
                "&amp",
                "x &",
                "&",
                "A &#38; B &#x26; C",
                "&#128512; smile \uD83D\uDE00 &amp; \uD83D\uDE00",
                "&unknown; stays",
                "&#; and &#x; stay",
                "&eacute;t&eacute;&lt;&gt;&quot;",
                "a&b&c&amp;d",
                "Tom &amp;amp; Jerry",
            })
    void entitiesDecodeAsTheLibraryDecodesThem(String raw) {
        assertThat(FieldNormalizers.text(raw)).isEqualTo(StringEscapeUtils.unescapeHtml4(raw));
    }

    @Test
    void anAmpersandThatStartsNoEntityCostsNoCopy() {
        String ampersands = "AT&T & Verizon &c";
        assertThat(FieldNormalizers.text(ampersands)).isSameAs(ampersands);
    }

    @Test
    void whitespaceOfAnyKindCollapsesAndControlCharactersGo() {
        assertThat(FieldNormalizers.text("Resolved\tRemoved\t\tdf")).isEqualTo("Resolved Removed df");
        assertThat(FieldNormalizers.text("line one\r\nline two\n")).isEqualTo("line one line two");
        assertThat(FieldNormalizers.text("no\u00a0break\u2003em space")).isEqualTo("no break em space");
        assertThat(FieldNormalizers.text("bell\u0007 and null\u0000 and del\u007f gone"))
                .isEqualTo("bell and null and del gone");
        assertThat(FieldNormalizers.text("&nbsp;Tom&nbsp;&nbsp;Jerry&nbsp;")).isEqualTo("Tom Jerry");
        assertThat(FieldNormalizers.text("\t \r\n")).isNull();
    }

    @Test
    void cleanTextIsReturnedWithoutCopying() {
        String clean = "Street Light Outages";
        assertThat(FieldNormalizers.text(clean)).isSameAs(clean);
        assertThat(FieldNormalizers.text(null)).isNull();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}] flagged={2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "02131      | 02131 | false",
                "2130.0     | 02130 | false",
                "2130       | 02130 | false",
                "2130.00    | 02130 | false",
                "02130-1234 | 02130 | false",
                "' 02113 '  | 02113 | false",
                "''         | null  | false",
                "' '        | null  | false",
                "213        | null  | true",
                "213000     | null  | true",
                "MA         | null  | true",
                "2130.5     | null  | true",
                "-2130      | null  | true",
            })
    void zipcode(String raw, String expected, boolean flagged) {
        DqFlags flags = new DqFlags();
        assertThat(FieldNormalizers.zipcode(raw, flags)).isEqualTo(expected);
        assertThat(flags.toSortedArray()).isEqualTo(flagged ? new String[] {"invalid_zipcode"} : new String[0]);
    }

    @ParameterizedTest(name = "[{0}] -> {1} flagged={2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Ward 19  | 19   | false",
                "19       | 19   | false",
                "03       | 3    | false",
                "3        | 3    | false",
                "19.0     | 19   | false",
                "ward_22  | 22   | false",
                "WARD 1   | 1    | false",
                "Ward  9  | 9    | false",
                "' '      | null | false",
                "''       | null | false",
                "Ward     | null | true",
                "0        | null | true",
                "23       | null | true",
                "Ward 100000000000 | null | true",
                "Ward X   | null | true",
            })
    void ward(String raw, Integer expected, boolean flagged) {
        DqFlags flags = new DqFlags();
        assertThat(FieldNormalizers.ward(raw, flags)).isEqualTo(expected);
        assertThat(flags.toSortedArray()).isEqualTo(flagged ? new String[] {"invalid_ward"} : new String[0]);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}] flagged={2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "0303   | 0303 | false",
                "1714   | 1714 | false",
                "306.0  | 0306 | false",
                "306    | 0306 | false",
                "' '    | null | false",
                "17140  | null | true",
                "17A    | null | true",
            })
    void precinct(String raw, String expected, boolean flagged) {
        DqFlags flags = new DqFlags();
        assertThat(FieldNormalizers.precinct(raw, flags)).isEqualTo(expected);
        assertThat(flags.toSortedArray()).isEqualTo(flagged ? new String[] {"invalid_precinct"} : new String[0]);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "4.0   | 4",
                "12.00 | 12",
                "4     | 4",
                "07    | 07",
                "10B   | 10B",
                "E13   | E13",
                "4.5   | 4.5",
                "' '   | null",
            })
    void code(String raw, String expected) {
        assertThat(FieldNormalizers.code(raw)).isEqualTo(expected);
    }

    @Test
    void photosAreSplitOnThePipe() {
        assertThat(FieldNormalizers.photos("https://a/1.jpg | https://a/2.jpg|https://a/3.jpg"))
                .containsExactly("https://a/1.jpg", "https://a/2.jpg", "https://a/3.jpg");
        assertThat(FieldNormalizers.photos("https://a/1.jpg#spot=d771")).containsExactly("https://a/1.jpg#spot=d771");
        assertThat(FieldNormalizers.photos(" | https://a/1.jpg |  | ")).containsExactly("https://a/1.jpg");
        assertThat(FieldNormalizers.photos(" | ")).isNull();
        assertThat(FieldNormalizers.photos("")).isNull();
        assertThat(FieldNormalizers.photos(null)).isNull();
    }

    @Test
    void onTimeStatusIsUpperCased() {
        assertThat(FieldNormalizers.upperCase("Overdue ")).isEqualTo("OVERDUE");
        assertThat(FieldNormalizers.upperCase("ONTIME")).isEqualTo("ONTIME");
        assertThat(FieldNormalizers.upperCase(" ")).isNull();
    }

    @Test
    void positiveWholeNumber() {
        assertThat(FieldNormalizers.positiveWholeNumber("101004143000")).isEqualTo(101004143000L);
        assertThat(FieldNormalizers.positiveWholeNumber("101004143000.0")).isEqualTo(101004143000L);
        assertThat(FieldNormalizers.positiveWholeNumber("000123")).isEqualTo(123L);
        assertThat(FieldNormalizers.positiveWholeNumber("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(FieldNormalizers.positiveWholeNumber("9223372036854775807")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("0")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("-5")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("1.5")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("1.01004E+11")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("abc")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber("")).isEqualTo(-1);
        assertThat(FieldNormalizers.positiveWholeNumber(null)).isEqualTo(-1);
    }

    @Test
    void decimal() {
        assertThat(FieldNormalizers.decimal("42.3594")).isEqualTo(42.3594);
        assertThat(FieldNormalizers.decimal("-71.09239058822217")).isEqualTo(-71.09239058822217);
        assertThat(FieldNormalizers.decimal(" +42 ")).isEqualTo(42.0);
        assertThat(FieldNormalizers.decimal(".5")).isEqualTo(0.5);
        assertThat(FieldNormalizers.decimal("4.2e1")).isEqualTo(42.0);
        assertThat(FieldNormalizers.decimal("NaN")).isNull();
        assertThat(FieldNormalizers.decimal("Infinity")).isNull();
        assertThat(FieldNormalizers.decimal("1e")).isNull();
        assertThat(FieldNormalizers.decimal("1e9999")).isNull();
        assertThat(FieldNormalizers.decimal("42.1.2")).isNull();
        assertThat(FieldNormalizers.decimal("-")).isNull();
        assertThat(FieldNormalizers.decimal("42d")).isNull();
        assertThat(FieldNormalizers.decimal("")).isNull();
    }
}
