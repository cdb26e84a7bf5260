package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

class RequestEventParserTest {
    static final long NOW = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();
    private static final String VALID = "'case_enquiry_id':'101004143000','open_dt':'2022-01-21 13:47:00'";

    private final RequestEventParser parser = new RequestEventParser(new ParseConfig("America/New_York", 1024));

    static Stream<Arguments> hardErrors() {
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        byte[] oversizedAndNotEvenUtf8 = new byte[1025];
        Arrays.fill(oversizedAndNotEvenUtf8, (byte) 0xFF);
        String deep =
                "{'case_enquiry_id':'1','open_dt':'2022-01-21 13:47:00','x':" + "[".repeat(40) + "]".repeat(40) + "}";
        return Stream.of(
                Arguments.of(
                        "oversized",
                        oversizedAndNotEvenUtf8,
                        RejectReason.PAYLOAD_TOO_LARGE,
                        "payload is 1025 bytes, the limit is 1024"),
                Arguments.of("null", null, RejectReason.EMPTY_PAYLOAD, "message has no payload (null value)"),
                Arguments.of("empty", new byte[0], RejectReason.EMPTY_PAYLOAD, "payload is empty"),
                Arguments.of("whitespace", bytes(" \r\n\t "), RejectReason.EMPTY_PAYLOAD, "payload is only whitespace"),
                Arguments.of(
                        "bad UTF-8",
                        invalidUtf8,
                        RejectReason.INVALID_ENCODING,
                        "payload is not valid UTF-8: malformed sequence at byte 6"),
                Arguments.of(
                        "truncated",
                        json("{'case_enquiry_id':"),
                        RejectReason.MALFORMED_JSON,
                        "Unexpected end-of-input within/between Object entries (line 1, column 20)"),
                Arguments.of(
                        "syntax",
                        json("{'case_enquiry_id' '1'}"),
                        RejectReason.MALFORMED_JSON,
                        "Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value"
                                + " (line 1, column 20)"),
                Arguments.of(
                        "duplicate key",
                        json("{" + VALID + ",'ward':'1','ward':'2'}"),
                        RejectReason.DUPLICATE_KEY,
                        "Duplicate field 'ward' (line 1, column 84)"),
                Arguments.of(
                        "duplicate key in a nested object",
                        json("{" + VALID + ",'x':[{'a':1,'a':2}]}"),
                        RejectReason.DUPLICATE_KEY,
                        "Duplicate field 'a' (line 1, column 82)"),
                Arguments.of(
                        "duplicate key in an array's object",
                        json("[{'a':1,'a':2}]"),
                        RejectReason.DUPLICATE_KEY,
                        "Duplicate field 'a' (line 1, column 12)"),
                Arguments.of(
                        "too deep",
                        json(deep),
                        RejectReason.NESTING_TOO_DEEP,
                        "Document nesting depth (33) exceeds the maximum allowed (32, from"
                                + " `StreamReadConstraints.getMaxNestingDepth()`)"),
                Arguments.of(
                        "raw control character",
                        json("{" + VALID + ",'subject':'a\u0007b'}"),
                        RejectReason.MALFORMED_JSON,
                        "Illegal unquoted character ((CTRL-CHAR, code 7)): has to be escaped using backslash to be"
                                + " included in string value (line 1, column 79)"),
                Arguments.of(
                        "lone high surrogate",
                        json("{" + VALID + ",'subject':'a\\ud83d b'}"),
                        RejectReason.INVALID_ENCODING,
                        "the escape \\ud83d at character 79 is half of a UTF-16 surrogate pair, not a character"),
                Arguments.of(
                        "lone low surrogate",
                        json("{" + VALID + ",'x':['\\uDE00']}"),
                        RejectReason.INVALID_ENCODING,
                        "the escape \\uDE00 at character 73 is half of a UTF-16 surrogate pair, not a character"),
                Arguments.of(
                        "two objects",
                        json("{" + VALID + "} {}"),
                        RejectReason.MALFORMED_JSON,
                        "unexpected content after the JSON object"),
                Arguments.of(
                        "broken array",
                        json("[1,"),
                        RejectReason.MALFORMED_JSON,
                        "Unexpected end-of-input within/between Array entries (line 1, column 4)"),
                Arguments.of(
                        "array",
                        json("[{" + VALID + "}]"),
                        RejectReason.NOT_AN_OBJECT,
                        "JSON value is an array, expected an object"),
                Arguments.of(
                        "string",
                        json("'101004143000'"),
                        RejectReason.NOT_AN_OBJECT,
                        "JSON value is a string, expected an object"),
                Arguments.of(
                        "number", json("42"), RejectReason.NOT_AN_OBJECT, "JSON value is a number, expected an object"),
                Arguments.of(
                        "null literal",
                        json("null"),
                        RejectReason.NOT_AN_OBJECT,
                        "JSON value is null, expected an object"),
                Arguments.of(
                        "no case id",
                        json("{'open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.MISSING_CASE_ID,
                        "no case id (case_enquiry_id, case_id or an alias)"),
                Arguments.of(
                        "blank case id",
                        json("{'case_enquiry_id':' ','open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.MISSING_CASE_ID,
                        "case id is empty"),
                Arguments.of(
                        "null case id",
                        json("{'case_id':null,'open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.MISSING_CASE_ID,
                        "case id is empty"),
                Arguments.of(
                        "text case id",
                        json("{'case_enquiry_id':'abc','open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.INVALID_CASE_ID,
                        "case id 'abc' is not a positive whole number"),
                Arguments.of(
                        "negative case id",
                        json("{'case_enquiry_id':-5,'open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.INVALID_CASE_ID,
                        "case id '-5' is not a positive whole number"),
                Arguments.of(
                        "fractional case id",
                        json("{'case_enquiry_id':101.5,'open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.INVALID_CASE_ID,
                        "case id '101.5' is not a positive whole number"),
                Arguments.of(
                        "object case id",
                        json("{'case_enquiry_id':{'id':1},'open_dt':'2022-01-21 13:47:00'}"),
                        RejectReason.INVALID_CASE_ID,
                        "case id is a JSON object or array"),
                Arguments.of(
                        "no open ts",
                        json("{'case_enquiry_id':'101'}"),
                        RejectReason.MISSING_OPEN_TS,
                        "no open timestamp (open_dt, open_date or an alias)"),
                Arguments.of(
                        "empty open ts",
                        json("{'case_enquiry_id':'101','OPEN_DT':''}"),
                        RejectReason.MISSING_OPEN_TS,
                        "open timestamp is empty"),
                Arguments.of(
                        "text open ts",
                        json("{'case_enquiry_id':'101','open_dt':'yesterday'}"),
                        RejectReason.INVALID_OPEN_TS,
                        "open timestamp 'yesterday' is not a supported timestamp between 1990 and 2100"),
                Arguments.of(
                        "epoch default",
                        json("{'case_enquiry_id':'101','open_dt':'1970-01-01 00:00:00'}"),
                        RejectReason.INVALID_OPEN_TS,
                        "open timestamp '1970-01-01 00:00:00' is not a supported timestamp between 1990 and 2100"),
                Arguments.of(
                        "array open ts",
                        json("{'case_enquiry_id':'101','open_dt':['2022-01-21 13:47:00']}"),
                        RejectReason.INVALID_OPEN_TS,
                        "open timestamp is a JSON object or array"),
                Arguments.of(
                        "unknown event type",
                        json("{" + VALID + ",'event_type':'DELETED'}"),
                        RejectReason.INVALID_EVENT_TYPE,
                        "event_type 'DELETED' is not one of OPENED, UPDATED, CLOSED, SNAPSHOT"),
                Arguments.of(
                        "object event type",
                        json("{" + VALID + ",'event_type':{}}"),
                        RejectReason.INVALID_EVENT_TYPE,
                        "event_type is a JSON object or array, not one of OPENED, UPDATED, CLOSED, SNAPSHOT"),
                // checks run in a fixed order: the first failing one names the reason
                Arguments.of(
                        "case id before open ts",
                        json("{'case_enquiry_id':'x','open_dt':'never'}"),
                        RejectReason.INVALID_CASE_ID,
                        "case id 'x' is not a positive whole number"),
                Arguments.of(
                        "open ts before event type",
                        json("{'case_id':'1','event_type':'NOPE'}"),
                        RejectReason.MISSING_OPEN_TS,
                        "no open timestamp (open_dt, open_date or an alias)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardErrors")
    void hardErrorsRejectWithReasonAndDetail(String name, byte[] payload, RejectReason reason, String detail) {
        ParseOutcome outcome = parse(payload);

        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.request()).isNull();
        assertThat(outcome.reason()).isEqualTo(reason);
        assertThat(outcome.detail()).isEqualTo(detail);
    }

    /** The detail of a repeated top-level key is the one Jackson's own detection gives, escapes and all. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'ward':'1','ward':'2'}",
                "{ 'ward' : '1' ,\n  'ward' : '2' }",
                "{'w\\u0061rd':'1','ward':'2'}",
                "{'a\\'b':1,'a\\'b':2}",
                "{'a\\\\':1,'a\\\\':2}"
            })
    void aRepeatedKeyIsReportedWhereJacksonReportsIt(String singleQuoted) throws IOException {
        byte[] payload = json(singleQuoted);
        JsonParseException jackson = catchThrowableOfType(
                () -> {
                    try (JsonParser p = JsonFactory.builder()
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build()
                            .createParser(payload)) {
                        while (p.nextToken() != null) {}
                    }
                },
                JsonParseException.class);

        ParseOutcome outcome = parse(payload);

        assertThat(outcome.reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
        assertThat(outcome.detail())
                .isEqualTo(jackson.getOriginalMessage() + " (line "
                        + jackson.getLocation().getLineNr() + ", column "
                        + jackson.getLocation().getColumnNr() + ")");
    }

    /** Duplicates are told apart per message: the next message may, and usually does, have the same keys. */
    @Test
    void aKeyIsADuplicateOnlyWithinItsOwnMessage() {
        byte[] duplicate = json("{" + VALID + ",'ward':'1','ward':'2'}");
        byte[] single = json("{" + VALID + ",'ward':'1'}");

        assertThat(parse(single).isAccepted()).isTrue();
        assertThat(parse(single).isAccepted()).isTrue();
        assertThat(parse(duplicate).reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
        assertThat(parse(single).isAccepted()).isTrue();
    }

    /** Past the bound on cached keys (a stream of ever new keys), duplicates are still found. */
    @Test
    void aDuplicateAmongMoreKeysThanAreCachedIsFound() {
        RequestEventParser roomy = new RequestEventParser(ParseConfig.defaults());
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            keys.append(",'k").append(i).append("':1");
        }

        ParseOutcome unique = roomy.parse(raw(json("{" + VALID + keys + "}")), NOW);
        ParseOutcome repeated = roomy.parse(raw(json("{" + VALID + keys + ",'k1999':2}")), NOW);

        assertThat(unique.isAccepted()).isTrue();
        assertThat(repeated.reason()).isEqualTo(RejectReason.DUPLICATE_KEY);
        assertThat(repeated.detail()).startsWith("Duplicate field 'k1999'");
    }

    @Test
    void keysAndNumbersLongerThanTheTokenLimitAreNamedAsSuch() {
        RequestEventParser roomy = new RequestEventParser(ParseConfig.defaults());
        String atLimit = "9".repeat(RequestEventParser.MAX_TOKEN_CHARS);

        ParseOutcome longNumber = roomy.parse(raw(json("{" + VALID + ",'x':" + atLimit + "9}")), 0L);
        ParseOutcome longKey = roomy.parse(raw(json("{" + VALID + ",'k" + atLimit + "':1}")), 0L);

        assertThat(longNumber.reason()).isEqualTo(RejectReason.TOKEN_TOO_LONG);
        assertThat(longNumber.detail())
                .isEqualTo("Number value length (1001) exceeds the maximum allowed (1000, from"
                        + " `StreamReadConstraints.getMaxNumberLength()`)");
        assertThat(longKey.reason()).isEqualTo(RejectReason.TOKEN_TOO_LONG);
        assertThat(longKey.detail())
                .isEqualTo("Name length (1001) exceeds the maximum allowed (1000, from"
                        + " `StreamReadConstraints.getMaxNameLength()`)");
        assertThat(roomy.parse(raw(json("{" + VALID + ",'x':" + atLimit + "}")), 0L)
                        .request()
                        .extraFields)
                .isEqualTo("{\"x\":" + atLimit + "}");
    }

    @Test
    void escapedSurrogatePairsAreCharactersAndKeptIntact() {
        ParseOutcome outcome = parse(json("{" + VALID + ",'subject':'pothole \\ud83d\\udea7','x':'\\\\ud800'}"));

        assertThat(outcome.request().subject).isEqualTo("pothole \ud83d\udea7");
        // an escaped backslash followed by 'ud800' is text, not an escape
        assertThat(outcome.request().extraFields).isEqualTo("{\"x\":\"\\\\ud800\"}");
    }

    @Test
    void payloadExactlyAtTheLimitIsParsed() {
        String head = "{" + VALID.replace('\'', '"') + ",\"pad\":\"";
        String tail = "\"}";
        byte[] payload = bytes(head + "x".repeat(1024 - head.length() - tail.length()) + tail);

        assertThat(payload).hasSize(1024);
        assertThat(parse(payload).isAccepted()).isTrue();
    }

    @Test
    void longQuotedValuesAreCutInTheDetail() {
        String longId = "9".repeat(30) + "x".repeat(300);
        ParseOutcome outcome = parse(json("{'case_enquiry_id':'" + longId + "','open_dt':'2022-01-21 13:47:00'}"));

        assertThat(outcome.detail())
                .isEqualTo("case id '" + longId.substring(0, 100) + "...' is not a positive whole number");
    }

    @Test
    void detailsAreAtMost500Characters() {
        assertThat(ParseOutcome.rejected(RejectReason.MALFORMED_JSON, "y".repeat(2000))
                        .detail())
                .hasSize(500)
                .endsWith("yy...");
    }

    @Test
    void byteOrderMarkBeforeTheObjectIsIgnored() {
        byte[] json = json("{" + VALID + "}");
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertThat(parse(withBom).request().caseEnquiryId).isEqualTo(101004143000L);
    }

    @Test
    void valuesMayArriveAsNumbersAndBooleans() {
        ServiceRequest r = accepted("{'case_enquiry_id':101004143000.0,'open_dt':'2022-01-21 13:47:00','ward':19,"
                + "'precinct':306.0,'zipcode':2130,'fire_district':4.0,'latitude':42.35,'longitude':-71.06,"
                + "'closed_dt':null,'source':true,'property_id':87461}");

        assertThat(r.caseEnquiryId).isEqualTo(101004143000L);
        assertThat(r.ward).isEqualTo(19);
        assertThat(r.precinct).isEqualTo("0306");
        assertThat(r.zipcode).isEqualTo("02130");
        assertThat(r.fireDistrict).isEqualTo("4");
        assertThat(r.latitude).isEqualTo(42.35);
        assertThat(r.longitude).isEqualTo(-71.06);
        assertThat(r.closedTs).isNull();
        assertThat(r.source).isEqualTo("true");
        assertThat(r.propertyId).isEqualTo("87461");
        assertThat(r.caseStatus).isEqualTo("OPEN");
    }

    @Test
    void caseIdAsStringWithZeroFraction() {
        assertThat(accepted("{'case_enquiry_id':'101004143000.0','open_dt':'2022-01-21 13:47:00'}").caseEnquiryId)
                .isEqualTo(101004143000L);
    }

    @Test
    void objectOrArrayInAKnownFieldDropsItFlagsItAndKeepsTheRawValue() {
        ServiceRequest r =
                accepted("{" + VALID + ",'ward':{'n':19},'submitted_photo':['a','b'],'neighborhood':'Roxbury'}");

        assertThat(r.ward).isNull();
        assertThat(r.submittedPhotos).isNull();
        assertThat(r.neighborhood).isEqualTo("Roxbury");
        assertThat(r.dqFlags).containsExactly("invalid_submitted_photos", "invalid_ward", "missing_target");
        assertThat(r.extraFields).isEqualTo("{\"ward\":{\"n\":19},\"submitted_photo\":[\"a\",\"b\"]}");
    }

    @Test
    void unknownKeysAreKeptVerbatimAndEnvelopeKeysAreNot() {
        ServiceRequest r = accepted("{" + VALID + ",'geom_4326':'0101000020E6','Geocoded_Location':'(42.2, -71.0)',"
                + "'_index':'7','n':1.50,'big':12345678901234567890,'nested':{'a':[1,true,null,'x']},"
                + "'event_type':'UPDATED','emitted_at':'2022-01-21T19:00:00Z'}");

        assertThat(r.extraFields)
                .isEqualTo(
                        "{\"geom_4326\":\"0101000020E6\",\"Geocoded_Location\":\"(42.2, -71.0)\","
                                + "\"_index\":\"7\",\"n\":1.50,\"big\":12345678901234567890,\"nested\":{\"a\":[1,true,null,\"x\"]}}");
        assertThat(r.eventType).isEqualTo("UPDATED");
        assertThat(r.emittedAt).isEqualTo(Instant.parse("2022-01-21T19:00:00Z"));
    }

    @Test
    void noExtraKeysIsAnEmptyObject() {
        assertThat(accepted("{" + VALID + "}").extraFields).isEqualTo("{}");
    }

    @Test
    void twoKeysForOneFieldKeepTheFirstValueAndTheOtherAsExtra() {
        ServiceRequest r =
                accepted("{" + VALID + ",'TARGET_DT':'2022-02-04 13:47:30','sla_target_dt':'2022-02-05 00:00:00',"
                        + "'ward':' ','Ward':'Ward 7','zip_code':'02130','location_zipcode':'02130'}");

        assertThat(r.slaTargetTs).isEqualTo(Instant.parse("2022-02-04T18:47:30Z"));
        assertThat(r.ward).as("a blank first value gives way").isEqualTo(7);
        assertThat(r.zipcode).isEqualTo("02130");
        assertThat(r.dqFlags).containsExactly("conflicting_sla_target_ts");
        assertThat(r.extraFields).isEqualTo("{\"sla_target_dt\":\"2022-02-05 00:00:00\"}");
    }

    @Test
    void closedBeforeOpenKeepsTheTimesButNoNegativeDuration() {
        ServiceRequest r = accepted("{" + VALID
                + ",'closed_dt':'2022-01-21 13:46:55','target_dt':'2022-01-21 13:40:00'," + "'case_status':'Closed'}");

        assertThat(r.closedTs).isEqualTo(Instant.parse("2022-01-21T18:46:55Z"));
        assertThat(r.resolutionHours).isNull();
        assertThat(r.slaHours).isNull();
        assertThat(r.closedOnTime).isFalse();
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.dqFlags).containsExactly("closed_before_open", "target_before_open");
    }

    @Test
    void durationsAndOnTimeAreDerivedFromTheTimes() {
        ServiceRequest r =
                accepted("{" + VALID + ",'closed_dt':'2022-01-22 01:47:00','target_dt':'2022-01-22 01:47:00',"
                        + "'case_status':'Closed','ontime':'ontime'}");

        assertThat(r.resolutionHours).isEqualTo(12.0);
        assertThat(r.slaHours).isEqualTo(12.0);
        assertThat(r.closedOnTime).isTrue();
        assertThat(r.onTimeStatus).isEqualTo("ONTIME");
        assertThat(r.dqFlags).isEmpty();

        ServiceRequest late =
                accepted("{" + VALID + ",'closed_dt':'2022-01-22 01:47:01','target_dt':'2022-01-22 01:47:00'}");
        assertThat(late.closedOnTime).isFalse();
        assertThat(late.resolutionHours).isEqualTo(12.0 + 1 / 3600.0);
    }

    @Test
    void unreadableTargetAndCloseTimesAreDroppedAndFlagged() {
        ServiceRequest r = accepted(
                "{" + VALID + ",'target_dt':'soon','closed_dt':'13/13/2022 99:00:00 AM'," + "'case_status':'Closed'}");

        assertThat(r.slaTargetTs).isNull();
        assertThat(r.closedTs).isNull();
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.dqFlags).containsExactly("invalid_closed_ts", "invalid_sla_target_ts");
    }

    @Test
    void publishedStatusAndCloseTimeDisagreeing() {
        ServiceRequest closedWithoutTime =
                accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','case_status':'CLOSED'}");
        assertThat(closedWithoutTime.caseStatus).isEqualTo("CLOSED");
        assertThat(closedWithoutTime.dqFlags).containsExactly("closed_without_closed_ts");

        ServiceRequest openWithTime = accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00',"
                + "'closed_dt':'2022-01-22 00:00:00','case_status':'Open'}");
        assertThat(openWithTime.caseStatus).isEqualTo("CLOSED");
        assertThat(openWithTime.dqFlags).containsExactly("open_status_with_closed_ts");

        ServiceRequest inProgress =
                accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','case_status':'In progress'}");
        assertThat(inProgress.caseStatus).isEqualTo("OPEN");
        assertThat(inProgress.dqFlags).isEmpty();
    }

    @Test
    void emptyOnTimeStatusIsFlaggedOnlyWhenTheColumnIsThere() {
        assertThat(accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','on_time':''}").dqFlags)
                .containsExactly("missing_on_time_status");
        assertThat(accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00'}").dqFlags)
                .isEmpty();
    }

    @Test
    void closureTimeShiftedByTheUtcOffsetIsSuspected() {
        // the 2025 sample: closed_dt 05:43:09 while the text quotes 10:43:09 EST
        ServiceRequest shifted = accepted("{'case_enquiry_id':'101005905368','open_dt':'2025-02-09 03:56:00',"
                + "'sla_target_dt':'2025-02-12 03:30:00','closed_dt':'2025-02-09 05:43:09','case_status':'Closed',"
                + "'closure_reason':'Case Closed. Closed date : Sun Feb 09 10:43:09 EST 2025 Resolved Salted '}");
        assertThat(shifted.closureReportedTs).isEqualTo(Instant.parse("2025-02-09T15:43:09Z"));
        assertThat(shifted.closedTs).isEqualTo(Instant.parse("2025-02-09T10:43:09Z"));
        assertThat(shifted.dqFlags).containsExactly("timestamp_shift_suspected");

        ServiceRequest consistent =
                accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','closed_dt':'2022-01-22 09:30:03',"
                        + "'closure_reason':'Case Closed. Closed date : 2022-01-22 09:30:03.91 Case Noted'}");
        assertThat(consistent.dqFlags).isEmpty();

        ServiceRequest threeHoursOff =
                accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','closed_dt':'2022-01-22 06:30:03',"
                        + "'closure_reason':'Case Closed. Closed date : 2022-01-22 09:30:03 Case Noted'}");
        assertThat(threeHoursOff.dqFlags).isEmpty();
    }

    @Test
    void unreadableClosureTimeIsFlagged() {
        ServiceRequest r =
                accepted("{" + VALID + ",'target_dt':'2022-02-01 00:00:00','closed_dt':'2022-01-22 06:30:03',"
                        + "'closure_reason':'Case Closed. Closed date : someday Case Noted'}");

        assertThat(r.closureCategory).isEqualTo("NOTED");
        assertThat(r.closureReportedTs).isNull();
        assertThat(r.dqFlags).containsExactly("invalid_closure_reported_ts");
    }

    @Test
    void timesMoreThanADayAheadOfNowAreFlagged() {
        ServiceRequest r =
                accepted("{'case_enquiry_id':'1','open_dt':'2025-06-02 12:00:00','target_dt':'2025-06-09 00:00:00',"
                        + "'closed_dt':'2025-06-03 00:00:00'}");
        assertThat(r.dqFlags).containsExactly("closed_ts_in_future", "open_ts_in_future");

        ServiceRequest withinADay = accepted(
                "{'case_enquiry_id':'1','open_dt':'2025-06-02 07:00:00'," + "'target_dt':'2025-06-09 00:00:00'}");
        assertThat(withinADay.dqFlags).isEmpty();
    }

    @Test
    void envelopeEventTypeAndEmissionTime() {
        ServiceRequest millis = accepted("{" + VALID + ",'event_type':'closed','emitted_at':1642794300000,"
                + "'closed_dt':'2022-01-21 14:00:00'}");
        assertThat(millis.eventType).isEqualTo("CLOSED");
        assertThat(millis.emittedAt).isEqualTo(Instant.parse("2022-01-21T19:45:00Z"));
        assertThat(millis.eventTs).isEqualTo(millis.emittedAt);

        ServiceRequest local = accepted("{" + VALID + ",'emitted_at':'2022-01-21 14:45:00'}");
        assertThat(local.emittedAt).isEqualTo(Instant.parse("2022-01-21T19:45:00Z"));
        assertThat(local.eventType).isEqualTo("SNAPSHOT");

        ServiceRequest unreadable = accepted("{" + VALID + ",'emitted_at':'soon','target_dt':'2022-02-01 00:00:00'}");
        assertThat(unreadable.emittedAt).isNull();
        assertThat(unreadable.eventTs).isEqualTo(unreadable.openTs);
        assertThat(unreadable.dqFlags).containsExactly("invalid_emitted_at");

        ServiceRequest tooSmall = accepted("{" + VALID + ",'emitted_at':5,'target_dt':'2022-02-01 00:00:00'}");
        assertThat(tooSmall.emittedAt).isNull();
        assertThat(tooSmall.dqFlags).containsExactly("invalid_emitted_at");
    }

    @Test
    void versionTimeIsEmissionThenCloseThenOpen() {
        assertThat(accepted("{" + VALID + ",'closed_dt':'2022-01-22 00:00:00'}").eventTs)
                .isEqualTo(Instant.parse("2022-01-22T05:00:00Z"));
        assertThat(accepted("{" + VALID + "}").eventTs).isEqualTo(Instant.parse("2022-01-21T18:47:00Z"));
    }

    @Test
    void openDateIsTheBostonCalendarDay() {
        // 23:30 in Boston is already the next day in UTC
        ServiceRequest r = accepted("{'case_enquiry_id':'1','open_dt':'2022-01-21 23:30:00'}");

        assertThat(r.openTs).isEqualTo(Instant.parse("2022-01-22T04:30:00Z"));
        assertThat(r.openDateLocal).isEqualTo(LocalDate.of(2022, 1, 21));
    }

    @Test
    void flagsAreSortedAndDistinct() {
        ServiceRequest r = accepted("{" + VALID
                + ",'ward':'Ward 99','WARD':'x','latitude':'42.3594','longitude':'-71.0587'," + "'zip_code':'MA'}");

        assertThat(r.dqFlags)
                .containsExactly(
                        "conflicting_ward",
                        "invalid_ward",
                        "invalid_zipcode",
                        "missing_target",
                        "placeholder_coordinates");
    }

    @Test
    void sourceCoordinatesAndIngestionTime() {
        RawEvent kafka =
                new RawEvent("kafka", "requests", "3", "1234", 99L, 1_700_000_000_000L, json("{" + VALID + "}"));
        RawEvent csv = new RawEvent("csv", "/data/2022.csv", null, "17", null, 5L, json("{" + VALID + "}"));

        ServiceRequest fromKafka = parser.parse(kafka, NOW).request();
        assertThat(fromKafka.sourceRef).isEqualTo("kafka:requests/3@1234");
        assertThat(fromKafka.ingestedAtMillis).isEqualTo(1_700_000_000_000L);
        assertThat(parser.parse(csv, NOW).request().sourceRef).isEqualTo("csv:/data/2022.csv@17");
    }

    @Test
    void layoutIsDetectedPerMessage() {
        assertThat(accepted("{'CASE_ENQUIRY_ID':'1','OPEN_DT':'07/01/2011 01:32:33 AM'}").sourceLayout)
                .isEqualTo("SOCRATA_2011");
        assertThat(accepted("{'case_id':'1','open_date':'2024-07-01 01:32:33'}").sourceLayout)
                .isEqualTo("SYSTEM_2024");
        assertThat(accepted("{'case_enquiry_id':'1','open_dt':'2024-07-01 01:32:33'}").sourceLayout)
                .isEqualTo("UNKNOWN");
    }

    @Test
    void stateOfOneMessageDoesNotLeakIntoTheNext() {
        ServiceRequest first =
                accepted("{" + VALID + ",'ward':'3','x':'1','latitude':'42.3594','longitude':'-71.0587'}");
        assertThat(parse(json("{'case_enquiry_id':'1','open_dt':'nope','y':'2'}"))
                        .isAccepted())
                .isFalse();
        ServiceRequest third = accepted("{'case_id':'7','open_date':'2024-07-01 01:32:33'}");

        assertThat(first.extraFields).isEqualTo("{\"x\":\"1\"}");
        assertThat(third.ward).isNull();
        assertThat(third.extraFields).isEqualTo("{}");
        assertThat(third.dqFlags).containsExactly("missing_target");
    }

    @Test
    void parserSurvivesJavaSerialisationLikeAFlinkFunctionField() throws Exception {
        parse(json("{" + VALID + "}"));
        RequestEventParser copy = InstantiationUtil.clone(parser);

        ParseOutcome outcome = copy.parse(raw(json("{" + VALID + ",'ward':'Ward 9'}")), NOW);
        assertThat(outcome.request().ward).isEqualTo(9);
        assertThat(copy.config()).isEqualTo(parser.config());
    }

    private ServiceRequest accepted(String singleQuotedJson) {
        ParseOutcome outcome = parse(json(singleQuotedJson));
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        return outcome.request();
    }

    private ParseOutcome parse(byte[] payload) {
        return parser.parse(raw(payload), NOW);
    }

    static RawEvent raw(byte[] payload) {
        return new RawEvent("kafka", "requests", "0", "42", null, 1L, payload);
    }

    /** JSON written with single quotes for readability. */
    static byte[] json(String singleQuoted) {
        return bytes(singleQuoted.replace('\'', '"'));
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
