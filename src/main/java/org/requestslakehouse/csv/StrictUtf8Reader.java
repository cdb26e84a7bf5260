package org.requestslakehouse.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses malformed input, like an {@code InputStreamReader} with a reporting decoder, but
 * that first hands out every char before the bad bytes and only fails on the read after, with the line and byte
 * offset of the bad bytes. The JDK reader fails as soon as the bad bytes enter its buffer, possibly thousands of
 * lines before the reader of its chars gets there.
 *
 * <p>Meant to be wrapped in a buffered reader: a one-char read of a supplementary character cannot progress.
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private CoderResult pendingError;
    private boolean endOfInput;
    private boolean finished;
    private long bytesRead;
    /** Line breaks handed out so far; CRLF counts once. */
    private long lineBreaks;
    private boolean lastWasCarriageReturn;

    StrictUtf8Reader(InputStream in, int bufferBytes) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferBytes);
        bytes.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            if (pendingError != null) {
                throw new InvalidUtf8Exception(lineBreaks + 1, bytesRead - bytes.remaining());
            }
            if (finished) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pendingError = result;
            } else if (result.isOverflow()) {
                break;
            } else if (endOfInput) {
                decoder.flush(out);
                finished = true;
            } else {
                fill();
            }
        }
        countLineBreaks(target, offset, out.position());
        return out.position() - offset;
    }

    private void countLineBreaks(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\r' || (c == '\n' && !lastWasCarriageReturn)) {
                lineBreaks++;
            }
            lastWasCarriageReturn = c == '\r';
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
            bytesRead += read;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Malformed UTF-8, located by 1-based line and 0-based byte offset in the decompressed input. */
    static final class InvalidUtf8Exception extends CharacterCodingException {
        private final long line;
        private final long byteOffset;

        InvalidUtf8Exception(long line, long byteOffset) {
            this.line = line;
            this.byteOffset = byteOffset;
        }

        @Override
        public String getMessage() {
            return "line " + line + ": not valid UTF-8 (byte offset " + byteOffset + ")";
        }
    }
}
