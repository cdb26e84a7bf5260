package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.requestslakehouse.model.RejectReason;

/**
 * Names the defect behind a Jackson parse failure, so each known class of bad JSON is quarantined under its own
 * reason code instead of one catch-all. Jackson has no exception type per defect, only its messages: the two
 * prefixes relied on here are pinned by {@code RequestEventParserTest} against the Jackson version the build uses, and
 * anything unrecognised stays {@link RejectReason#MALFORMED_JSON}, which is still a correct rejection.
 */
final class JsonDefects {
    /** {@code StreamReadConstraints.validateNestingDepth}. */
    private static final String NESTING_DEPTH = "Document nesting depth";
    /** {@code JsonReadContext._checkDup} under {@code STRICT_DUPLICATE_DETECTION}. */
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private JsonDefects() {}

    static ParseOutcome reject(JsonProcessingException e) {
        return ParseOutcome.rejected(reason(e), describe(e));
    }

    static RejectReason reason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            // the other read constraints the parser sets all bound a token's length
            return message.startsWith(NESTING_DEPTH) ? RejectReason.NESTING_TOO_DEEP : RejectReason.TOKEN_TOO_LONG;
        }
        return message.startsWith(DUPLICATE_FIELD) ? RejectReason.DUPLICATE_KEY : RejectReason.MALFORMED_JSON;
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            message += " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }
}
