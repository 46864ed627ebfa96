package alpha12.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a UTF-8 file line by line in one pass and says whether the last line had its line break
 * (a missing one marks a writer killed mid-append). {@code '\n'} never occurs inside a multi-byte
 * UTF-8 sequence, so lines are split on bytes and decoded one at a time.
 */
final class LineScanner implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private boolean lastTerminated = true;

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** The next line without its {@code \n} (a {@code \r} before it is kept), or null at the end. */
    String next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buffer[i] == '\n') {
                    String line = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    lastTerminated = true;
                    return line;
                }
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                String line = new String(buffer, start, end - start, StandardCharsets.UTF_8);
                start = end;
                lastTerminated = false;
                return line;
            }
            scanFrom = end - start;
            fill();
        }
    }

    /** Whether the line returned last ended with a line break. */
    boolean lastTerminated() {
        return lastTerminated;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
