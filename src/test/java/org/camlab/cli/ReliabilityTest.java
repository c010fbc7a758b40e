package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.camlab.capture.FfmpegLogging;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * What a user meets when things go wrong around camlab rather than in the picture: too little
 * memory, a stream that trickles or never answers, credentials in a URL, a file served badly, a
 * full disk, an odd file name or a device named as the source, and a loaded machine. Each case runs
 * camlab as a separate process (a real exit code, a real stderr that native libraries write to as
 * well), bounded in time, and checks the contract: the exit code, exactly one line on stderr, no
 * stack trace, the time taken, and no secret shown (docs/CONTRACT.md, exit codes).
 *
 * <p>Servers are bound to 127.0.0.1 on an ephemeral port and closed when the case ends.
 */
class ReliabilityTest {
    private static final Path DIR = Path.of("target", "reliability");
    private static final String SECRET = "secret";

    // --- a. out of memory ------------------------------------------------------------------------

    /**
     * An 8K recording under a heap too small to hold one converted 7680×4320 frame (50 MB of
     * planes): the decoder side runs out of memory, camlab says so in one line. 48 MB: the JVM and
     * camlab start, the first frame's planes do not fit (measured: the capture thread's
     * OutOfMemoryError every time, from 40 to 56 MB).
     */
    @Test
    @Timeout(120)
    void outOfMemoryInTheDecoderIsOneLine() throws Exception {
        Path k8 = eightK();
        ChildProcess.Result r = new ChildProcess().jvm("-Xmx48m").run(90, "analyze", k8.toString());
        assertFailure("8K recording, -Xmx48m", r, ExitCodes.SOURCE, 60,
                () -> assertTrue(r.err().toLowerCase(Locale.ROOT).contains("memory"),
                        () -> "the line should say that memory ran out: " + r.err()));
    }

    /**
     * Wherever the memory runs out — converting the frame, or in the analysis of it (at 64 MB the
     * frame fits and the colour pass's tables do not) — the user sees one line, never a stack trace.
     * Enough memory (128 MB) analyses the recording.
     */
    @Test
    @Timeout(200)
    void outOfMemoryAnywhereIsOneLineOrAReport() throws Exception {
        Path k8 = eightK();
        List<Executable> checks = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (int mb : new int[]{64, 80, 96, 128}) {
            ChildProcess.Result r = new ChildProcess().jvm("-Xmx" + mb + "m").run(90, "analyze", "--json", k8
                    .toString());
            String what = "8K recording, -Xmx" + mb + "m";
            seen.append(String.format(Locale.ROOT, "%n  -Xmx%dm: exit %d in %.1f s, stderr %s", mb, r.exit(), r
                    .seconds(),
                    r.errLines().size() <= 2 ? r.errLines() : r.errLines().subList(0, 2) + " …"));
            checks.add(() -> {
                if (r.exit() == ExitCodes.OK) {
                    assertAll(what, noStackTrace(what, r), () -> assertEquals(List.of(), r.errLines(), what
                            + ": stderr"),
                            () -> assertReport(what, r.out(), false));
                } else {
                    assertFailure(what, r, ExitCodes.SOURCE, 60,
                            () -> assertTrue(r.err().toLowerCase(Locale.ROOT).contains("memory"),
                                    () -> what + ": the line should say that memory ran out: " + r.err()),
                            () -> {
                                if (!r.out().isBlank()) { // frames analysed before: their report, partial
                                    assertReport(what, r.out(), true);
                                }
                            });
                }
            });
        }
        System.out.println("[reliability] 8K recording under small heaps:" + seen);
        assertAll("runs:" + seen, checks);
    }

    // --- b, c. streams that do not behave ---------------------------------------------------------

    /** A server that says "200 OK, video/mp4" and then trickles random bytes at 1 KB/s forever. */
    @Test
    @Timeout(90)
    void endlessSlowStreamEndsWithinTheTimeouts() throws Exception {
        try (LocalServer server = new LocalServer(s -> {
            readRequest(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Random rnd = new Random(1);
            byte[] kb = new byte[1024];
            while (!s.isClosed()) {
                rnd.nextBytes(kb);
                out.write(kb);
                out.flush();
                sleep(1000);
            }
        })) {
            String url = "http://127.0.0.1:" + server.port() + "/live.mp4";
            ChildProcess.Result r = new ChildProcess().run(60, "analyze", url);
            assertFailure("slow stream " + url + " (requests: " + server.requests() + ")", r, ExitCodes.SOURCE, 30);
        }
    }

    /** A server that accepts the connection and never says a word. */
    @Test
    @Timeout(60)
    void silentServerEndsAfterTheOpenTimeout() throws Exception {
        try (LocalServer server = new LocalServer(s -> {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // read what camlab asks, never answer
            }
        })) {
            String url = "http://127.0.0.1:" + server.port() + "/live.mp4";
            ChildProcess.Result r = new ChildProcess().run(45, "analyze", url);
            assertFailure("silent server " + url, r, ExitCodes.SOURCE, 15,
                    () -> assertTrue(r.err().contains("127.0.0.1:" + server.port()),
                            () -> "the line should name the stream: " + r.err()));
        }
    }

    // --- d. credentials ----------------------------------------------------------------------------

    /**
     * A password holding a raw '@' ({@code p@secret}): FFmpeg takes the user-info up to the last
     * '@', so must the redaction; neither the message nor the verbose log shows any of it.
     */
    @Test
    @Timeout(90)
    void passwordWithARawAtSignIsNeverShown() throws Exception {
        int port = freePort();
        String url = "rtsp://admin:p@" + SECRET + "@127.0.0.1:" + port + "/x";
        ChildProcess.Result plain = new ChildProcess().run(40, "analyze", url);
        ChildProcess.Result verbose = new ChildProcess().run(40, "analyze", "--verbose", url);
        assertAll(
                () -> assertFailure("rtsp with p@secret, nothing listening on " + port, plain, ExitCodes.SOURCE, 20,
                        () -> assertTrue(plain.err().contains("127.0.0.1:" + port), () -> "names the stream: " + plain
                                .err())),
                () -> assertAll("--verbose " + url.replace(SECRET, "…"), noStackTrace("--verbose", verbose),
                        () -> assertEquals(ExitCodes.SOURCE, verbose.exit(), () -> "exit code; stderr:\n" + verbose
                                .err()),
                        () -> assertFalse(verbose.timedOut(), "--verbose run timed out"),
                        () -> assertFalse(verbose.out().contains(SECRET), () -> "stdout shows the password:\n" + verbose
                                .out()),
                        () -> assertFalse(verbose.err().contains(SECRET), () -> "stderr shows the password:\n" + verbose
                                .err())));
    }

    // --- e. an mp4 served without range support ---------------------------------------------------

    /**
     * A plain mp4 (index at the end) over HTTP from a server that ignores Range and always sends the
     * whole file: reading it needs a seek back the server does not offer. Either camlab decodes it
     * (the server resends the file and FFmpeg reads on) and reports every frame, or it says in one
     * line that it cannot — never a report of 0 frames.
     */
    @Test
    @Timeout(120)
    void moovAtTheEndWithoutRangeSupport() throws Exception {
        Path mp4 = Recordings.constantRate(30.0, 90, 320, 240);
        byte[] file = Files.readAllBytes(mp4);
        assertTrue(moovAfterMdat(file), "the fixture must have its index at the end");
        List<String> ranges = Collections.synchronizedList(new ArrayList<>());
        try (LocalServer server = new LocalServer(s -> {
            String request = readRequest(s.getInputStream());
            request.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("range:")).forEach(ranges::add);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + file.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file);
            out.flush();
        })) {
            String url = "http://127.0.0.1:" + server.port() + "/call.mp4";
            ChildProcess.Result r = new ChildProcess().run(90, "analyze", "--json", url);
            String what = "moov-at-end mp4 over HTTP without ranges (" + server.requests() + " requests, ranges asked "
                    + ranges + "): exit " + r.exit() + " in " + String.format(Locale.ROOT, "%.1f s", r.seconds());
            assertFalse(r.out().contains("\"analyzed\":0") || r.out().contains("0 frames analysed"),
                    () -> what + ": a report of 0 frames:\n" + r.out());
            if (r.exit() == ExitCodes.OK) {
                assertAll(what, noStackTrace(what, r), () -> assertEquals(List.of(), r.errLines(), "stderr"),
                        () -> assertTrue(r.seconds() < 60, () -> what + ": must finish within 60 s"), () -> {
                            JsonNode report = assertReport(what, r.out(), false);
                            assertEquals(90, report.path("frames").path("decoded").asInt(), what
                                    + ": every frame decoded");
                        });
            } else {
                assertFailure(what, r, ExitCodes.SOURCE, 60,
                        () -> assertEquals("", r.out(), "no report on stdout"),
                        () -> assertFalse(r.out().contains("Score")));
            }
        }
    }

    // --- f. nothing decodes ------------------------------------------------------------------------

    /**
     * An H.264 mp4 whose container is intact (the index, the codec's parameter sets) but whose every
     * video packet (the whole mdat payload) is random: it opens and no frame decodes.
     */
    @Test
    @Timeout(60)
    void recordingWhoseEveryFrameFailsToDecode() throws Exception {
        Path mp4 = Recordings.constantRate(30.0, 30, 320, 240);
        byte[] b = Files.readAllBytes(mp4);
        long[] mdat = box(b, "mdat");
        assertTrue(mdat != null, "the fixture has an mdat box");
        Random rnd = new Random(42);
        for (int i = (int) mdat[0]; i < mdat[1]; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        Files.createDirectories(DIR);
        Path bad = DIR.resolve("every-packet-random.mp4");
        Files.write(bad, b);
        ChildProcess.Result r = new ChildProcess().run(40, "analyze", bad.toString());
        assertFailure("mp4 with a random mdat payload", r, ExitCodes.SOURCE, 20,
                () -> assertEquals("", r.out(), "zero frames analysed: no report"),
                () -> assertTrue(r.err().contains(bad.getFileName().toString()), () -> "names the file: " + r.err()));
    }

    // --- g. where the report goes -------------------------------------------------------------------

    @Test
    @Timeout(60)
    void fullDiskIsExitFive() throws Exception {
        Path still = Fixtures.real("astronaut.png");
        ChildProcess.Result r = new ChildProcess().stdout(Path.of("/dev/full")).run(40, "analyze", still.toString(),
                "--json");
        assertFailure("analyze still --json > /dev/full", r, ExitCodes.OUTPUT, 20);
    }

    /**
     * {@code camlab analyze … | head -c1}: the reader leaves after one byte. That is no error: exit
     * 0, nothing on stderr. Twenty reports, so that camlab still has reports to write once the pipe
     * is closed (one report fits the pipe's buffer and would never see the closed end).
     */
    @Test
    @Timeout(120)
    void readerThatStopsEarlyIsNoError() throws Exception {
        String still = Fixtures.real("astronaut.png").toString();
        List<String> args = new ArrayList<>(List.of("analyze", "--json", "--faces", "none"));
        for (int i = 0; i < 20; i++) {
            args.add(still);
        }
        long started = System.nanoTime();
        Process p = new ChildProcess().start(args.toArray(String[]::new));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        int first;
        try (InputStream out = p.getInputStream()) {
            first = out.read();
        }
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String e = err.get(10, TimeUnit.SECONDS);
        ChildProcess.Result r = new ChildProcess.Result(done ? p.exitValue() : -1, "", e, seconds, !done);
        System.out.printf(Locale.ROOT, "[reliability] | head -c1: exit %d in %.1f s, stderr %s%n", r.exit(), seconds, r
                .errLines());
        assertAll("analyze 20 stills | head -c1 (took " + String.format(Locale.ROOT, "%.1f s", seconds) + ")",
                () -> assertEquals('{', first, "the first byte of a JSON report"),
                () -> assertFalse(r.timedOut(), "must finish within 90 s"),
                noStackTrace("| head -c1", r),
                () -> assertEquals(ExitCodes.OK, r.exit(), () -> "a closed reader is no error; stderr:\n" + e),
                () -> assertEquals(List.of(), r.errLines(), "nothing on stderr"));
    }

    // --- h. file names the locale cannot spell ------------------------------------------------------

    @Test
    @Timeout(60)
    void nonAsciiFileNameInTheCLocale() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "the test JVM itself must be able to write the file name");
        Files.createDirectories(DIR);
        Path cafe = DIR.resolve("café-Ω.png");
        Files.copy(Fixtures.real("astronaut.png"), cafe, StandardCopyOption.REPLACE_EXISTING);
        Path missing = DIR.resolve("nöpe-Ω.png");
        Files.deleteIfExists(missing);
        ChildProcess.Result present = cLocale().run(40, "analyze", cafe.toString());
        ChildProcess.Result absent = cLocale().run(40, "analyze", missing.toString());
        assertAll(() -> assertFailure("café-Ω.png with LC_ALL=C", present, ExitCodes.SOURCE, 20),
                () -> assertFailure("missing nöpe-Ω.png with LC_ALL=C", absent, ExitCodes.SOURCE, 20));
    }

    private static ChildProcess cLocale() {
        return new ChildProcess().env("LC_ALL", "C").env("LANG", "C");
    }

    // --- i. special files ----------------------------------------------------------------------------

    @Test
    @Timeout(120)
    void fifoAndDevicesAreRefusedQuickly() throws Exception {
        Files.createDirectories(DIR);
        Path fifo = DIR.resolve("camera.fifo");
        Files.deleteIfExists(fifo);
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        String log = readAll(mk.getInputStream());
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo: " + log);
        try {
            List<Executable> checks = new ArrayList<>();
            for (String source : List.of(fifo.toString(), "/dev/zero", "/dev/urandom")) {
                ChildProcess.Result r = new ChildProcess().run(40, "analyze", source);
                checks.add(() -> assertFailure(source, r, ExitCodes.SOURCE, 15,
                        () -> assertFalse(r.err().contains("empty (0 bytes)"), () -> "not empty: " + r.err())));
            }
            assertAll(checks);
        } finally {
            Files.deleteIfExists(fifo);
        }
    }

    // --- j. a file name that looks like an option ---------------------------------------------------

    @Test
    @Timeout(30)
    void fileNameStartingWithADashNeedsDoubleDash() throws Exception {
        ChildProcess.Result r = new ChildProcess().run(20, "analyze", "-x.png");
        assertAll("analyze -x.png", noStackTrace("-x.png", r),
                () -> assertEquals(ExitCodes.BAD_ARGUMENTS, r.exit(), () -> "exit code; stderr:\n" + r.err()),
                () -> assertFalse(r.errLines().isEmpty(), "says what is wrong"),
                () -> assertTrue(r.errLines().get(0).startsWith("camlab: "), () -> r.err()),
                () -> assertTrue(r.errLines().get(0).contains("--"), () -> "the message should show '--': " + r.err()),
                () -> assertEquals("", r.out()));
    }

    // --- k. a loaded machine ------------------------------------------------------------------------

    /**
     * The same recording analysed 12 times, two at a time, while two threads spin on the CPU (on a
     * 2-core machine: four times more work than cores): slower, never stalled, never a different
     * exit code.
     */
    /**
     * The hang seen once (issue 8.12) was a deadlock between threads loading native libraries: one
     * holding JavaCPP's loader lock while a library's initialisation waited for {@code Pointer}'s
     * class initialiser, run by another thread waiting for that lock. Before the fix a still hung in
     * about one run in thirteen; each run here must finish well within its bound.
     */
    @Test
    @Timeout(300)
    void stillsRunBackToBackNeverDeadlock() throws Exception {
        String still = Fixtures.real("astronaut.png").toString();
        for (int i = 0; i < 30; i++) {
            ChildProcess.Result r = new ChildProcess().run(20, "analyze", "--json", still);
            assertFalse(r.timedOut(), "run " + (i + 1) + " hung");
            assertEquals(0, r.exit(), "run " + (i + 1) + ": " + r.err());
            assertTrue(r.seconds() < 10, "run " + (i + 1) + " took " + r.seconds() + " s (bound 10 s)");
        }
    }

    @Test
    @Timeout(300)
    void repeatedRunsUnderCpuLoad() throws Exception {
        Path rec = Recordings.constantRate(25.0, 150, 768, 576);
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (spin.get()) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "reliability-spin-" + i);
            t.setDaemon(true);
            t.start();
            spinners.add(t);
        }
        List<ChildProcess.Result> results = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try {
            for (int wave = 0; wave < 6; wave++) {
                List<CompletableFuture<ChildProcess.Result>> pair = new ArrayList<>();
                for (int j = 0; j < 2; j++) {
                    pair.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return new ChildProcess().run(120, "analyze", "--json", rec.toString());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                for (CompletableFuture<ChildProcess.Result> f : pair) {
                    results.add(f.get(150, TimeUnit.SECONDS));
                }
            }
        } finally {
            spin.set(false);
            for (Thread t : spinners) {
                t.join(1000);
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        StringBuilder times = new StringBuilder();
        for (ChildProcess.Result r : results) {
            times.append(String.format(Locale.ROOT, " %.1f", r.seconds()));
        }
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ChildProcess.Result r = results.get(i);
            String what = "run " + (i + 1) + " of 12";
            checks.add(() -> assertAll(what, noStackTrace(what, r),
                    () -> assertFalse(r.timedOut(), what + " did not finish within 120 s"),
                    () -> assertEquals(ExitCodes.OK, r.exit(), () -> what + ": exit code; stderr:\n" + r.err()),
                    () -> assertTrue(r.seconds() < 90, () -> what + " took " + r.seconds() + " s; bound 90 s"),
                    () -> assertEquals(List.of(), r.errLines(), what + ": stderr"),
                    () -> assertEquals(12, assertReport(what, r.out(), false).path("frames").path("analyzed").asInt(),
                            what + ": 6 s at one frame per 0.5 s")));
        }
        String summary = String.format(Locale.ROOT, "12 runs under load in %.1f s, each (s):%s", total, times);
        System.out.println("[reliability] " + summary);
        assertAll(summary, checks);
    }

    // --- assertions ----------------------------------------------------------------------------------

    /**
     * The contract for a run that fails: the exit code, exactly one non-blank line on stderr that
     * starts "camlab: ", no stack trace, within {@code boundSec}, no secret anywhere; then
     * {@code more}. Every check is reported, not only the first that fails.
     */
    private static void assertFailure(String what, ChildProcess.Result r, int exit, double boundSec,
            Executable... more) {
        System.out.printf(Locale.ROOT, "[reliability] %s: exit %d in %.1f s (bound %.0f s), stderr %s%n", what, r
                .exit(),
                r.seconds(), boundSec, r.errLines());
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertFalse(r.timedOut(), () -> what + ": still running at the test's deadline, killed after "
                        + String.format(Locale.ROOT, "%.1f s", r.seconds())),
                () -> assertEquals(exit, r.exit(), () -> what + ": exit code; stderr:\n" + r.err()),
                () -> assertTrue(r.seconds() < boundSec, () -> String.format(Locale.ROOT,
                        "%s: took %.1f s; bound %.0f s",
                        what, r.seconds(), boundSec)),
                noStackTrace(what, r),
                () -> assertEquals(1, r.errLines().size(), () -> what + ": stderr must be exactly one line:\n" + r
                        .err()),
                () -> assertTrue(!r.errLines().isEmpty() && r.errLines().get(r.errLines().size() - 1).startsWith(
                        "camlab: "),
                        () -> what + ": the line starts 'camlab: ':\n" + r.err()),
                () -> assertFalse(r.out().contains(SECRET), () -> what + ": stdout shows the secret:\n" + r.out()),
                () -> assertFalse(r.err().contains(SECRET), () -> what + ": stderr shows the secret:\n" + r.err())));
        checks.addAll(List.of(more));
        assertAll(what + String.format(Locale.ROOT, " (exit %d in %.1f s)", r.exit(), r.seconds()), checks);
    }

    private static Executable noStackTrace(String what, ChildProcess.Result r) {
        return () -> {
            for (String s : List.of(r.out(), r.err())) {
                for (String sign : List.of("Exception in thread", "\tat ", "Caused by:", "internal error")) {
                    assertFalse(s.contains(sign), () -> what + ": shows '" + sign.strip() + "':\n" + s);
                }
            }
        };
    }

    /** One JSON report on stdout with at least one frame analysed, partial as expected; returned. */
    private static JsonNode assertReport(String what, String out, boolean partial) throws IOException {
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> what + ": one JSON report on stdout:\n" + out);
        JsonNode report = new ObjectMapper().readTree(lines.get(0));
        assertEquals("camlab.report/1", report.path("schema").asText(), what);
        assertTrue(report.path("frames").path("analyzed").asInt() >= 1, () -> what + ": frames analysed: " + report
                .path("frames"));
        assertEquals(partial, report.path("partial").asBoolean(), () -> what + ": partial");
        return report;
    }

    // --- inputs --------------------------------------------------------------------------------------

    /**
     * Five 7680×4320 frames, cached under target/reliability. MPEG-4 Part 2: the bundled FFmpeg has
     * no libx264 (and there is no ffmpeg command here), and OpenH264 refuses pictures over 9.4
     * megapixels; the codec does not matter, the decoded frame's size does.
     */
    private static synchronized Path eightK() throws Exception {
        int w = 7680;
        int h = 4320;
        FfmpegLogging.init();
        return Fixtures.cached(DIR, "8k-7680x4320-5f-mpeg4-v1.mp4", tmp -> {
            ByteBuffer picture = ByteBuffer.allocateDirect(w * h * 3 / 2);
            byte[] row = new byte[w];
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), w, h, 0)) {
                rec.setFormat("mp4");
                rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                rec.setFrameRate(5);
                rec.setVideoBitrate(40_000_000);
                rec.start();
                for (int i = 0; i < 5; i++) {
                    picture.clear();
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            row[x] = (byte) (16 + ((x / 8 + y / 8 + i * 4) & 0x7F) + ((x ^ y) & 0x1F));
                        }
                        picture.put(row);
                    }
                    while (picture.hasRemaining()) {
                        picture.put((byte) 128);
                    }
                    picture.flip();
                    rec.setFrameNumber(i);
                    rec.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, avutil.AV_PIX_FMT_YUV420P, picture);
                }
                rec.stop();
            }
        });
    }

    /** {payload start, payload end} of the first top-level mp4 box of this type, or null. */
    static long[] box(byte[] b, String type) {
        long o = 0;
        while (o + 8 <= b.length) {
            long size = ByteBuffer.wrap(b, (int) o, 4).getInt() & 0xFFFFFFFFL;
            String t = new String(b, (int) o + 4, 4, StandardCharsets.US_ASCII);
            long header = 8;
            if (size == 1) {
                size = ByteBuffer.wrap(b, (int) o + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = b.length - o;
            }
            if (size < header) {
                return null;
            }
            if (t.equals(type)) {
                return new long[]{o + header, Math.min(b.length, o + size)};
            }
            o += size;
        }
        return null;
    }

    private static boolean moovAfterMdat(byte[] b) {
        long[] moov = box(b, "moov");
        long[] mdat = box(b, "mdat");
        return moov != null && mdat != null && moov[0] > mdat[0];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The request head (up to the blank line, at most 16 KB); empty when the client closes first. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < 16 * 1024) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A TCP server on 127.0.0.1, an ephemeral port; each connection on its own daemon thread. */
    private static final class LocalServer implements AutoCloseable {
        interface Handler {
            void serve(Socket s) throws IOException;
        }

        private final ServerSocket server;
        private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        LocalServer(Handler handler) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    Socket s;
                    try {
                        s = server.accept();
                    } catch (IOException e) {
                        return;
                    }
                    sockets.add(s);
                    requests.add("#" + sockets.size());
                    Thread t = new Thread(() -> {
                        try (s) {
                            handler.serve(s);
                        } catch (IOException e) {
                            // the client went away
                        }
                    }, "reliability-connection");
                    t.setDaemon(true);
                    t.start();
                }
            }, "reliability-server");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int requests() {
            return requests.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            }
        }
    }
}
