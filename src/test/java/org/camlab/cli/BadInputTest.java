package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a user could wrongly hand to {@code camlab analyze}: each gets an exit code (3 for a
 * source, 2 for arguments), one line on stderr starting "camlab: ", no stack trace, and no hang
 * (docs/CONTRACT.md, exit codes).
 */
@Timeout(60)
class BadInputTest {
    private static final int W = 320;
    private static final int H = 240;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    private static CliRunner.Result analyze(String... args) {
        List<String> a = new ArrayList<>(List.of("analyze", "--no-progress", "--faces", "none"));
        a.addAll(Arrays.asList(args));
        return CliRunner.run(a.toArray(String[]::new));
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : s.lines().toList();
    }

    private static void assertNoStackTrace(CliRunner.Result r) {
        for (String s : List.of(r.out(), r.err())) {
            assertFalse(s.contains("Exception"), () -> "an exception name is shown:\n" + s);
            assertFalse(s.contains("\tat "), () -> "a stack trace is shown:\n" + s);
            assertFalse(s.contains("internal error"), () -> "reported as an internal error:\n" + s);
        }
    }

    /**
     * Exit 3, nothing on stdout, exactly one line on stderr that starts "camlab: " and names the
     * source ({@code mentions}; null to skip that check).
     */
    private static void assertSourceError(CliRunner.Result r, String mentions) {
        assertNoStackTrace(r);
        assertEquals(ExitCodes.SOURCE, r.exit(), () -> "exit code; stderr:\n" + r.err());
        assertEquals("", r.out(), "nothing on stdout for a source that could not be analysed");
        List<String> err = lines(r.err());
        assertEquals(1, err.size(), () -> "stderr must be exactly one line:\n" + r.err());
        assertTrue(err.get(0).startsWith("camlab: "), () -> "stderr line: " + err.get(0));
        if (mentions != null) {
            assertTrue(err.get(0).contains(mentions), () -> "stderr should name " + mentions + ": " + err.get(0));
        }
    }

    /** Exit 2, nothing on stdout, the first stderr line starts "camlab: " and names the culprit. */
    private static void assertArgumentError(CliRunner.Result r, String mentions) {
        assertNoStackTrace(r);
        assertEquals(ExitCodes.BAD_ARGUMENTS, r.exit(), () -> "exit code; stderr:\n" + r.err());
        assertEquals("", r.out());
        List<String> err = lines(r.err());
        assertFalse(err.isEmpty(), "an argument error must say what is wrong");
        assertTrue(err.get(0).startsWith("camlab: "), () -> "stderr line: " + err.get(0));
        assertTrue(err.get(0).contains(mentions), () -> "stderr should name " + mentions + ": " + err.get(0));
    }

    // --- files that are not there or not files ----------------------------------------------------

    @Test
    void missingFile() {
        Path p = dir.resolve("no-such-recording.mp4");
        assertSourceError(analyze(p.toString()), "no-such-recording.mp4");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = Files.createFile(dir.resolve("empty.mp4"));
        assertSourceError(analyze(p.toString()), "empty.mp4");
    }

    @Test
    void directory() throws IOException {
        Path p = Files.createDirectory(dir.resolve("a-folder"));
        assertSourceError(analyze(p.toString()), "a-folder");
    }

    // --- files that are not what their name says ---------------------------------------------------

    @Test
    void textFileNamedMp4() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.mp4"), "meeting notes, not a video\n");
        assertSourceError(analyze(p.toString()), "notes.mp4");
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.png"), "meeting notes, not a picture\n");
        assertSourceError(analyze(p.toString()), "notes.png");
    }

    // --- damaged files ---------------------------------------------------------------------------

    @Test
    void truncatedMp4CannotBeOpened() {
        Path cut = Recordings.truncated(Recordings.constantRate(30.0, 30, W, H), 0.5);
        CliRunner.Result r = analyze(cut.toString());
        assertSourceError(r, cut.getFileName().toString());
    }

    @Test
    void jpegCutInHalfIsNeitherACrashNorAHang() throws IOException {
        Path p = halfJpeg();
        CliRunner.Result r = analyze(p.toString());
        assertNoStackTrace(r);
        assertTrue(r.exit() == ExitCodes.SOURCE || r.exit() == ExitCodes.OK, () -> "exit " + r.exit());
        assertTrue(lines(r.err()).size() <= 1, () -> "at most one line on stderr:\n" + r.err());
    }

    @Test
    void jpegCutInHalfIsReportedAsDamaged() throws IOException {
        Path p = halfJpeg();
        assertSourceError(analyze(p.toString()), p.getFileName().toString());
    }

    /** A faststart mp4 cut in half opens; the frames before the cut are reported (work kept), nothing crashes. */
    @Test
    void faststartMp4CutInHalfKeepsTheFramesBeforeTheCut() {
        Path cut = Recordings.truncated(Recordings.constantRateFastStart(30.0, 60, W, H), 0.5);
        CliRunner.Result r = analyze("--json", cut.toString());
        assertNoStackTrace(r);
        assertTrue(r.exit() == ExitCodes.SOURCE || r.exit() == ExitCodes.OK, () -> "exit " + r.exit());
        assertEquals(1, lines(r.out()).size(), "the report of the frames decoded is printed");
        assertTrue(lines(r.err()).size() <= 1, () -> "at most one line on stderr:\n" + r.err());
    }

    @Test
    void faststartMp4CutInHalfSaysItIsTruncated() {
        Path cut = Recordings.truncated(Recordings.constantRateFastStart(30.0, 60, W, H), 0.5);
        CliRunner.Result r = analyze("--json", cut.toString());
        assertNoStackTrace(r);
        assertEquals(ExitCodes.SOURCE, r.exit());
        assertEquals(1, lines(r.out()).size(), "the report of the frames decoded is still printed");
        assertEquals(1, lines(r.err()).size(), r.err());
        assertTrue(r.err().startsWith("camlab: "));
    }

    // --- pictures with impossible sizes ----------------------------------------------------------

    @Test
    void onePixelPng() throws IOException {
        Path p = dir.resolve("dot.png");
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x808080);
        assertTrue(ImageIO.write(img, "png", p.toFile()));
        CliRunner.Result r = analyze(p.toString());
        assertSourceError(r, null); // the message does not name the file yet: see sizeErrorsNameTheFile
        assertTrue(r.err().contains("1×1"), () -> "the message should give the size: " + r.err());
    }

    @Test
    void tinyVideoIsRefusedLikeATinyImage() throws Exception {
        Path tiny = dir.resolve("tiny8.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=8x8:rate=10",
                "-t", "0.5",
                "-pix_fmt", "yuv420p", tiny.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg: " + log);
        CliRunner.Result r = analyze(tiny.toString());
        assertSourceError(r, tiny.getFileName().toString());
        assertTrue(r.err().contains("8×8"), () -> "the message should give the size: " + r.err());
    }

    @Test
    void pngClaimingTwentyThousandPixelsSquareIsRefusedBeforeDecoding() throws IOException {
        Path p = dir.resolve("huge.png");
        Files.write(p, pngWithTruncatedData(20_000, 20_000));
        CliRunner.Result r = analyze(p.toString());
        assertSourceError(r, null); // the message does not name the file yet: see sizeErrorsNameTheFile
        assertTrue(r.err().contains("20000"), () -> "the message should give the size: " + r.err());
    }

    @Test
    void sizeErrorsNameTheFile() throws IOException {
        Path dot = dir.resolve("dot.png");
        assertTrue(ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", dot.toFile()));
        assertSourceError(analyze(dot.toString()), "dot.png");
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngWithTruncatedData(20_000, 20_000));
        assertSourceError(analyze(huge.toString()), "huge.png");
    }

    @Test
    void pngWithAPlausibleHeaderAndTruncatedData() throws IOException {
        Path p = dir.resolve("cut.png");
        Files.write(p, pngWithTruncatedData(640, 480));
        assertSourceError(analyze(p.toString()), "cut.png");
    }

    @Test
    void pngWithAPlausibleHeaderAndCorruptData() throws IOException {
        Path p = dir.resolve("corrupt.png");
        Files.write(p, pngWithCorruptData(640, 480));
        assertSourceError(analyze(p.toString()), "corrupt.png");
    }

    // --- streams ---------------------------------------------------------------------------------

    @Test
    void unreachableStreamFailsQuicklyWithoutShowingTheCredentials() {
        long t0 = System.nanoTime();
        CliRunner.Result r = analyze("rtsp://user:secret@127.0.0.1:9/x");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertSourceError(r, "127.0.0.1:9");
        assertFalse(r.out().contains("secret"), r.out());
        assertFalse(r.err().contains("secret"), r.err());
        assertTrue(ms < 30_000, "connection refused on loopback must not wait for a timeout: " + ms + " ms");
    }

    // --- arguments -------------------------------------------------------------------------------

    @Test
    void unknownOption() {
        assertArgumentError(analyze("--bogus", "x.mp4"), "--bogus");
    }

    @Test
    void everyZero() {
        assertArgumentError(analyze("--every", "0", "x.mp4"), "--every");
    }

    @Test
    void everyNotANumber() {
        assertArgumentError(analyze("--every", "three", "x.mp4"), "--every");
    }

    @Test
    void negativeMaxFrames() {
        assertArgumentError(analyze("--max-frames", "-1", "x.mp4"), "--max-frames");
    }

    @Test
    void noSource() {
        assertArgumentError(analyze(), "SOURCE");
    }

    // --- several sources -------------------------------------------------------------------------

    @Test
    void aBadSourceDoesNotLoseTheReportOfAGoodOne() throws IOException {
        Path missing = dir.resolve("missing.mp4");
        Path good = Recordings.constantRate(30.0, 30, W, H);
        CliRunner.Result r = analyze("--json", missing.toString(), good.toString());
        assertNoStackTrace(r);
        assertEquals(ExitCodes.SOURCE, r.exit(), "one source failed");
        List<String> out = lines(r.out());
        assertEquals(1, out.size(), () -> "one JSON line for the good source:\n" + r.out());
        JsonNode report = new ObjectMapper().readTree(out.get(0));
        assertEquals("camlab.report/1", report.path("schema").asText());
        assertEquals(good.toString(), report.path("source").path("name").asText());
        assertEquals(30, report.path("frames").path("decoded").asInt());
        assertEquals(2, report.path("frames").path("analyzed").asInt(), "1 s sampled every 0.5 s");
        List<String> err = lines(r.err());
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("camlab: ") && err.get(0).contains("missing.mp4"), err.get(0));
    }

    @Test
    void aBadSourceAfterAGoodOneKeepsTheGoodReport() throws IOException {
        Path good = Recordings.constantRate(30.0, 30, W, H);
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n");
        CliRunner.Result r = analyze("--json", good.toString(), text.toString());
        assertNoStackTrace(r);
        assertEquals(ExitCodes.SOURCE, r.exit());
        assertEquals(1, lines(r.out()).size(), r.out());
        assertEquals("camlab.report/1", new ObjectMapper().readTree(lines(r.out()).get(0)).path("schema").asText());
        assertEquals(1, lines(r.err()).size(), r.err());
    }

    // --- what a user really sees: a separate process, so native libraries' own stderr counts too ---

    @Test
    void nativeLibrariesAddNothingToStderr() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video\n");
        Path cut = Recordings.truncated(Recordings.constantRate(30.0, 30, W, H), 0.5);
        for (String source : List.of(text.toString(), cut.toString(), "rtsp://user:secret@127.0.0.1:9/x")) {
            CliRunner.Result r = runProcess("analyze", "--no-progress", "--faces", "none", source);
            assertSourceError(r, source.startsWith("rtsp") ? "127.0.0.1:9" : Path.of(source).getFileName().toString());
            assertFalse(r.err().contains("secret"), r.err());
        }
    }

    @Test
    void corruptPngGivesOneLineInARealProcess() throws Exception {
        Path p = dir.resolve("corrupt.png");
        Files.write(p, pngWithCorruptData(640, 480));
        assertSourceError(runProcess("analyze", "--no-progress", "--faces", "none", p.toString()), "corrupt.png");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Path halfJpeg() throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 480; y += 16) {
            for (int x = 0; x < 640; x += 16) {
                g.setColor(new Color((x * 7 + y * 3) & 0xFF, (x * 3) & 0xFF, (y * 5) & 0xFF));
                g.fillRect(x, y, 16, 16);
            }
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "jpg", jpeg));
        byte[] all = jpeg.toByteArray();
        Path p = dir.resolve("half.jpg");
        Files.write(p, Arrays.copyOf(all, all.length / 2));
        return p;
    }

    /**
     * A PNG signature, a valid IHDR (8-bit RGB, {@code w}×{@code h}, correct CRC) and an IDAT chunk
     * that declares 4096 bytes but holds 40 bytes of garbage and ends there, without CRC or IEND.
     */
    static byte[] pngWithTruncatedData(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        pngHeader(out, w, h);
        out.writeInt(4096);
        out.write("IDAT".getBytes(StandardCharsets.US_ASCII));
        out.write(garbage(40));
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * A well-formed PNG file (signature, IHDR, IDAT, IEND, every CRC correct) whose IDAT holds 200
     * bytes of garbage instead of zlib data: only decoding the pixels finds the damage.
     */
    static byte[] pngWithCorruptData(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        pngHeader(out, w, h);
        chunk(out, "IDAT", garbage(200));
        chunk(out, "IEND", new byte[0]);
        out.flush();
        return bytes.toByteArray();
    }

    private static void pngHeader(DataOutputStream out, int w, int h) throws IOException {
        out.write(PNG_SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.writeByte(8); // bit depth
        d.writeByte(2); // colour type: RGB
        d.writeByte(0); // compression
        d.writeByte(0); // filter
        d.writeByte(0); // interlace
        chunk(out, "IHDR", ihdr.toByteArray());
    }

    private static byte[] garbage(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** Runs camlab in a new JVM on the test class path, as a user's shell would. */
    private CliRunner.Result runProcess(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(45, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("camlab " + String.join(" ", args) + " did not finish within 45 s");
        }
        return new CliRunner.Result(p.exitValue(), Files.readString(out), Files.readString(err),
                (System.nanoTime() - started) / 1e9);
    }
}
