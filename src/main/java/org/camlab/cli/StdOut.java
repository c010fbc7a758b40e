package org.camlab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed: a PrintWriter only says that one did. A
 * reader that stopped early ({@code | head}) is no error; a full disk is.
 */
final class StdOut extends OutputStream {
    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    private static volatile IOException failure;

    static PrintWriter writer() {
        return new PrintWriter(new OutputStreamWriter(new StdOut(), StandardCharsets.UTF_8), true);
    }

    /** The first write error of standard output, or null. */
    static IOException failure() {
        return failure;
    }

    static boolean brokenPipe(IOException e) {
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    private static void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
