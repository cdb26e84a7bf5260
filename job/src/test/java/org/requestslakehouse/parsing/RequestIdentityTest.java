package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.requestslakehouse.parsing.RequestEventParserTest.NOW;
import static org.requestslakehouse.parsing.RequestEventParserTest.json;
import static org.requestslakehouse.parsing.RequestEventParserTest.raw;

import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

/** A request's identity (city, request id as published) and the city a rejection is filed under. */
class RequestIdentityTest {
    private static final ParseConfig DETECTED = ParseConfig.defaults();
    private static final ParseConfig NYC = ParseConfig.defaults().withCity("nyc");
    private static final ParseConfig OPEN311 = ParseConfig.defaults().withCity("open311");

    @Test
    void aBostonCaseIsIdentifiedByCityAndItsIdInCanonicalDigits() {
        ServiceRequest r = accepted(DETECTED, "{'case_enquiry_id':'101004143000.0','open_dt':'2022-01-21 13:47:00'}");

        assertThat(r.city).isEqualTo("boston");
        assertThat(r.requestId).isEqualTo("101004143000");
        assertThat(r.caseEnquiryId).isEqualTo(101004143000L);
    }

    @Test
    void aForcedCityNamesEveryRequest() {
        ServiceRequest r = accepted(NYC, "{'Unique Key':'101004143000','Created Date':'01/21/2022 01:47:00 PM'}");

        assertThat(r.city).isEqualTo("nyc");
        assertThat(r.requestId).isEqualTo("101004143000");
        assertThat(r.caseEnquiryId).isEqualTo(101004143000L);
    }

    /** Open311 ids are text: kept exactly, with no numeric id for compatibility. */
    @Test
    void anIdThatIsNotAWholeNumberIsKeptAsPublishedWhereTheCityAllowsIt() {
        ServiceRequest r = accepted(
                DETECTED,
                "{'service_request_id':'SR19-00134785','requested_datetime':'2019-01-29T17:19:38-06:00',"
                        + "'status':'open','service_name':'Street Light Out'}");

        assertThat(r.city).isEqualTo("open311");

        assertThat(r.requestId).isEqualTo("SR19-00134785");
        assertThat(r.caseEnquiryId).isNull();
    }

    @Test
    void bostonStillRejectsAnIdThatIsNotAWholeNumber() {
        ParseOutcome outcome = parse(DETECTED, "{'case_enquiry_id':'SR19-00134785','open_dt':'2022-01-21 13:47:00'}");

        assertThat(outcome.reason()).isEqualTo(RejectReason.INVALID_CASE_ID);
        assertThat(outcome.detail()).isEqualTo("case id 'SR19-00134785' is not a positive whole number");
        assertThat(outcome.city()).isEqualTo("boston");
    }

    @Test
    void anOverlongTextIdIsRejected() {
        String id = "A".repeat(ServiceRequestAssembler.MAX_REQUEST_ID_CHARS + 1);
        ParseOutcome outcome =
                parse(OPEN311, "{'service_request_id':'" + id + "','requested_datetime':'2019-01-29T17:19:38-06:00'}");

        assertThat(outcome.reason()).isEqualTo(RejectReason.INVALID_CASE_ID);
        assertThat(outcome.detail()).endsWith("...' is longer than 200 characters");
        assertThat(outcome.city()).isEqualTo("open311");
    }

    /** Once a message is read as a request of a city, its rejection is filed under that city. */
    @Test
    void aRejectionAfterTheMessageWasReadCarriesTheCity() {
        ParseOutcome outcome = parse(DETECTED, "{'case_enquiry_id':'101'}");

        assertThat(outcome.reason()).isEqualTo(RejectReason.MISSING_OPEN_TS);
        assertThat(outcome.city()).isEqualTo("boston");
    }

    @Test
    void aNewYorkIdThatIsNotAWholeNumberIsRejectedUnderNewYork() {
        ParseOutcome outcome = parse(DETECTED, "{'Unique Key':'X-1','Created Date':'01/21/2022 01:47:00 PM'}");

        assertThat(outcome.reason()).isEqualTo(RejectReason.INVALID_CASE_ID);
        assertThat(outcome.city()).isEqualTo("nyc");
    }

    @Test
    void aMessageNoProfileRecognisesHasNoCity() {
        ParseOutcome outcome = parse(DETECTED, "{'colour':'blue'}");

        assertThat(outcome.reason()).isEqualTo(RejectReason.MISSING_CASE_ID);
        assertThat(outcome.city()).isNull();
    }

    @Test
    void aMessageThatIsNotEvenJsonHasNoCityUnlessTheCityIsForced() {
        assertThat(parse(DETECTED, "{'case_enquiry_id':").city()).isNull();
        assertThat(parse(DETECTED, "{'case_enquiry_id':").reason()).isEqualTo(RejectReason.MALFORMED_JSON);

        assertThat(parse(NYC, "{'case_enquiry_id':").city()).isEqualTo("nyc");
        assertThat(parse(NYC, "{'case_enquiry_id':").reason()).isEqualTo(RejectReason.MALFORMED_JSON);
    }

    private static ServiceRequest accepted(ParseConfig config, String singleQuoted) {
        ParseOutcome outcome = parse(config, singleQuoted);
        assertThat(outcome.isAccepted()).as(outcome.toString()).isTrue();
        assertThat(outcome.city()).isEqualTo(outcome.request().city);
        return outcome.request();
    }

    private static ParseOutcome parse(ParseConfig config, String singleQuoted) {
        return new RequestEventParser(config).parse(raw(json(singleQuoted)), NOW);
    }
}
