package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Serializable;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;

/**
 * Parses one request event (a JSON object in any of the city's layouts, optionally with the envelope keys
 * {@code event_type} and {@code emitted_at}) into a {@link org.requestslakehouse.model.ServiceRequest}, or says
 * why it cannot.
 *
 * <p>A message its source already found defective (see {@link RawEvent#sourceDefect}) is rejected with the
 * source's reason. Checks run cheapest first, and the size check comes before any decoding so that an oversized message costs
 * nothing but its length: size, blank, UTF-8, JSON syntax (with duplicate keys, nesting deeper than
 * {@value #MAX_NESTING_DEPTH} and keys or numbers longer than {@value #MAX_TOKEN_CHARS} characters each named
 * apart), object, lone surrogate escapes, case id, open time, event type. Each failure is one
 * {@link RejectReason}; everything after those checks is soft (see {@link ServiceRequestAssembler}). Because the
 * payload limit bounds the decoded text, and the reader streams instead of building a tree, the memory one
 * message can make the parser hold is a small multiple of {@code parse.max-payload-bytes}.
 *
 * <p>A pure function of the message and {@code nowMillis}, but an instance reuses its buffers message after
 * message, so it must not be shared between threads; Flink gives each subtask its own deserialised copy.
 */
public final class RequestEventParser implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Request events are flat; 32 leaves room for nested extras while stopping stack-exhaustion payloads. */
    static final int MAX_NESTING_DEPTH = 32;
    /**
     * Column names are a few dozen characters and the longest number in the data is a 19-digit id; anything past
     * this is not a 311 record. Strings are bounded by the payload limit alone: free text can be long.
     */
    static final int MAX_TOKEN_CHARS = 1_000;

    private final ParseConfig config;
    private transient Workspace workspace;

    public RequestEventParser(ParseConfig config) {
        this.config = config;
    }

    public ParseConfig config() {
        return config;
    }

    /**
     * @param nowMillis the current time, used only to flag timestamps in the future; a parameter so the
     *                  outcome depends on nothing but the arguments
     */
    public ParseOutcome parse(RawEvent raw, long nowMillis) {
        ParseOutcome outcome = parseMessage(raw, nowMillis);
        String forcedCity = config.forcedCity();
        return outcome.isAccepted() || outcome.city() != null || forcedCity == null
                ? outcome
                : outcome.inCity(forcedCity);
    }

    private ParseOutcome parseMessage(RawEvent raw, long nowMillis) {
        if (raw.sourceDefect != null) {
            return ParseOutcome.rejected(raw.sourceDefect, raw.sourceDefectDetail);
        }
        byte[] payload = raw.payload;
        if (payload == null) {
            return ParseOutcome.rejected(RejectReason.EMPTY_PAYLOAD, "message has no payload (null value)");
        }
        if (payload.length > config.maxPayloadBytes()) {
            return ParseOutcome.rejected(
                    RejectReason.PAYLOAD_TOO_LARGE,
                    "payload is " + payload.length + " bytes, the limit is " + config.maxPayloadBytes());
        }
        if (isJsonWhitespace(payload)) {
            return ParseOutcome.rejected(
                    RejectReason.EMPTY_PAYLOAD,
                    payload.length == 0 ? "payload is empty" : "payload is only whitespace");
        }
        Workspace w = workspace();
        if (!w.decoder.decode(payload)) {
            return ParseOutcome.rejected(
                    RejectReason.INVALID_ENCODING,
                    "payload is not valid UTF-8: malformed sequence at byte " + w.decoder.errorOffset());
        }
        w.fields.clear();
        w.flags.clear();
        ParseOutcome rejected =
                w.reader.read(w.decoder.buffer(), w.decoder.offset(), w.decoder.length(), w.fields, w.flags);
        return rejected != null ? rejected : w.assembler.assemble(w.fields, w.flags, raw, nowMillis);
    }

    private static boolean isJsonWhitespace(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private Workspace workspace() {
        if (workspace == null) {
            workspace = new Workspace(config);
        }
        return workspace;
    }

    /** The reusable per-instance parts, built on first use after deserialisation. */
    private static final class Workspace {
        final StrictUtf8Decoder decoder = new StrictUtf8Decoder();
        final DqFlags flags = new DqFlags();
        final EventJsonReader reader;
        final EventFields fields;
        final ServiceRequestAssembler assembler;

        Workspace(ParseConfig config) {
            // Duplicate keys are found by EventJsonReader, which lets Jackson look for them in nested values only.
            JsonFactory json = new JsonFactoryBuilder()
                    // extra_fields objects are written one after another through one generator
                    .rootValueSeparator((String) null)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNameLength(MAX_TOKEN_CHARS)
                            .maxNumberLength(MAX_TOKEN_CHARS)
                            .maxStringLength(config.maxPayloadBytes())
                            .build())
                    .build();
            CityProfiles profiles = CityProfiles.of(config);
            reader = new EventJsonReader(json, profiles);
            fields = new EventFields(json, profiles);
            assembler = new ServiceRequestAssembler(config.zoneId());
        }
    }
}
