package org.requestslakehouse.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a payload as UTF-8, refusing malformed input (overlong forms, encoded surrogates, truncated sequences)
 * instead of replacing it, so such a message is rejected rather than silently altered. The chars land in a buffer
 * reused message after message and are parsed from there, so each payload is decoded exactly once. Not
 * thread-safe.
 */
final class StrictUtf8Decoder {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(4096);
    private int start;
    private int errorOffset;

    /** Decodes {@code bytes}; false if they are not UTF-8, then {@link #errorOffset()} says where. */
    boolean decode(byte[] bytes) {
        // UTF-8 never yields more chars than bytes
        if (chars.capacity() < bytes.length) {
            chars = CharBuffer.allocate(Math.max(bytes.length, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            errorOffset = in.position();
            return false;
        }
        start = chars.position() > 0 && chars.get(0) == BYTE_ORDER_MARK ? 1 : 0;
        return true;
    }

    /** The decoded text, a leading byte-order mark skipped: {@code buffer()[offset(), offset() + length())}. */
    char[] buffer() {
        return chars.array();
    }

    int offset() {
        return start;
    }

    int length() {
        return chars.position() - start;
    }

    /** Byte offset of the first malformed sequence after a failed {@link #decode}. */
    int errorOffset() {
        return errorOffset;
    }
}
