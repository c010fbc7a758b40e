package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.camlab.fixtures.Fixtures;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * camlab told it runs on Windows or an Apple-silicon Mac (os.name and os.arch faked; this Linux
 * FFmpeg has neither dshow nor avfoundation, as a machine with no camera answers nothing): the
 * camera discovery asks FFmpeg, finds none, and says so in one line — no stack trace (Webcam
 * Capture's native library, which printed one on Apple silicon, is never loaded on a Mac), no hang.
 */
@Timeout(120)
class CameraPlatformsTest {
    /**
     * FFmpeg's log goes to camlab's callback and JavaCV prints its own "rejected some options" lines
     * only at FFmpeg's INFO level, which camlab keeps for device questions: the demo's encoder and
     * decoder say nothing on stderr beside camlab's own lines.
     */
    @org.junit.jupiter.api.Test
    void ffmpegAndJavacvSayNothingOfTheirOwn() throws Exception {
        ChildProcess.Result r = new ChildProcess().env("CAMLAB_CACHE", Fixtures.generated().toString())
                .run(120, "demo", "--seconds", "1");
        assertEquals(0, r.exit(), r.err());
        for (String line : r.errLines()) {
            assertTrue(line.startsWith("camlab: "), "a line not of camlab's on stderr: " + line);
        }
    }

    @ParameterizedTest
    @CsvSource({"Windows 11, amd64", "Mac OS X, aarch64", "Mac OS X, x86_64"})
    void noCameraIsOneLineOnEachPlatform(String os, String arch) throws Exception {
        ChildProcess camlab = new ChildProcess().env("CAMLAB_CACHE", Fixtures.generated().toString())
                .jvm("-Dos.name=" + os, "-Dos.arch=" + arch);
        ChildProcess.Result devices = camlab.run(60, "devices");
        assertEquals(0, devices.exit(), devices.err());
        assertTrue(devices.out().contains("No camera found") || devices.out().contains("no camera"), devices.out());
        assertFalse(devices.err().contains("Exception") || devices.err().contains("\tat "), devices.err());

        // --faces none: with os.name faked, OpenCV looks for its Haar cascade under the faked platform's
        // path, a warning about faces that a real Mac or Windows machine does not print
        ChildProcess.Result check = camlab.run(60, "check", "--duration", "2s", "--faces", "none");
        assertEquals(3, check.exit(), check.err());
        assertEquals(1, check.errLines().size(), check.err());
        assertTrue(check.err().contains("no camera found on this machine"), check.err());
    }
}
