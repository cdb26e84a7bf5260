package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoneSurrogatesTest {

    /** Inputs are JSON text with '/' standing for a backslash, so the cases read as they would in a payload. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":\"plain\"}|-1",
                "{\"a\":\"/u00e9/n/\"\"}|-1",
                "{\"a\":\"/ud83d/ude00\"}|-1",
                "{\"a\":\"/uD83D/uDE00/uD83D/uDE00\"}|-1",
                "{\"a\":\"//ud800\"}|-1",
                "{\"a\":\"/ud83d\"}|6",
                "{\"a\":\"/ude00/ud83d\"}|6",
                "{\"a\":\"x/ud83d/u0041\"}|7",
                "{\"a\":\"/ud83d/ude00/ud83d\"}|18",
                "{\"a\":\"///ud83d\"}|8",
                "{\"/udfff\":1}|2",
            })
    void findsTheFirstEscapeThatIsHalfAPair(String json, int expected) {
        char[] text = ("  " + json.replace('/', '\\') + "  ").toCharArray();

        int found = LoneSurrogates.find(text, 2, text.length - 2);

        assertThat(found).isEqualTo(expected < 0 ? -1 : expected + 2);
    }
}
