package org.requestslakehouse.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Finds the first malformed UTF-8 sequence of a record. Keeps one decoder, so it is not thread-safe. */
final class Utf8Check {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Index of the first malformed UTF-8 sequence, or -1. */
    int malformedAt(byte[] bytes) {
        ByteBuffer source = ByteBuffer.wrap(bytes);
        CoderResult result = utf8.reset().decode(source, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? source.position() : -1;
    }
}
