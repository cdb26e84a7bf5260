package org.requestslakehouse.gold.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseDimensionsTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "Roxbury|Roxbury",
                "South Boston / Waterfront|South Boston / Waterfront",
                "\"Roxbury \"|Roxbury",
                "\" Roxbury\"|Roxbury",
                "South  Boston|South Boston",
                "\"\"|UNKNOWN",
                "\"   \"|UNKNOWN",
                "Street\tLight|Street Light",
                "\u00a0Mattapan\u00a0|Mattapan",
                "Hyde\u00a0\u00a0Park|Hyde Park",
                "Jamaica\u2007Plain|Jamaica Plain",
                "Caf\u00e9  Permits|Caf\u00e9 Permits",
                "Caf\u00e9 Permits|Caf\u00e9 Permits",
            })
    void trimsAndCollapsesEveryKindOfWhitespace(String raw, String expected) {
        assertThat(CaseDimensions.normalise(raw)).isEqualTo(expected);
        assertThat(CaseDimensions.normalise(expected)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"Roxbury", "PWDx", "Request for Pothole Repair"})
    void returnsACleanValueItself(String clean) {
        assertThat(CaseDimensions.normalise(clean)).isSameAs(clean);
    }

    @Test
    void anUnstatedValueIsUnknown() {
        assertThat(CaseDimensions.normalise(null)).isEqualTo(CaseDimensions.UNKNOWN);
        assertThat(new CaseDimensions(null, " ", "PWDx", "Pothole").neighborhood())
                .isEqualTo(CaseDimensions.UNKNOWN);
    }
}
