package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.camlab.capture.FfmpegLogging;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged files by the hundred: a seeded corpus of byte-mutated stills (PNG with every chunk's CRC
 * recomputed so that the decoders, not the CRC check, meet the damage; PNG whose pixel data is
 * mutated inside the zlib stream; JPEG; BMP) and recordings (H.264 in mp4, faststart mp4 and mkv:
 * bytes flipped past the header, ranges duplicated, cut out or zeroed, the file truncated). Each
 * runs in-process through {@link Main#run} ({@code analyze --json}), bounded by
 * {@value #CASE_TIMEOUT_S} s, and must keep camlab's contract: exit 0 or 3; no stack trace and no
 * "internal error"; exit 3 with exactly one line on stderr; a report only of frames analysed (one
 * JSON line, marked partial when the run ended in an error); never a report of 0 frames.
 *
 * <p>The corpus is regenerated from the seed on every run, under target/fuzz/corpus; a case is
 * named {@code kind-index-seed} and its file keeps that name, so a failure can be rerun by hand
 * ({@code camlab analyze target/fuzz/corpus/NAME}). {@code -Dcamlab.fuzz.seed=N} changes the seed,
 * {@code -Dcamlab.fuzz.scale=K} multiplies the number of cases (default 1: 870 cases).
 */
class FuzzTest {
    private static final long SEED = Long.getLong("camlab.fuzz.seed", 20251202L);
    private static final int SCALE = Math.max(1, Integer.getInteger("camlab.fuzz.scale", 1));
    private static final long CASE_TIMEOUT_S = 20;
    /** After this many cases over their time the run stops: each leaves a thread behind. */
    private static final int MAX_TIMEOUTS = 5;
    private static final Path DIR = Path.of("target", "fuzz");
    private static final Path CORPUS = DIR.resolve("corpus");
    private static final Path BASE = DIR.resolve("base");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A Java exception's or error's name in a message: words for a programmer, not for a user. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z]+\\.)*[A-Z]\\w*(?:Exception|Error)\\b");

    private record Case(String name, long seed, Path file, String mutations) {
    }

    private record Outcome(Case c, int exit, String out, String err, double seconds, String problem) {
    }

    @Test
    @Timeout(900)
    void damagedFilesKeepTheContract() throws Exception {
        long started = System.nanoTime();
        List<Case> corpus = corpus();
        double generated = (System.nanoTime() - started) / 1e9;
        assertTrue(corpus.size() >= 300, "at least 300 cases: " + corpus.size());

        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true); // a case stuck past its time must not keep the JVM alive
            return t;
        });
        List<Outcome> failures = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        int[] exits = new int[256];
        int timeouts = 0;
        int run = 0;
        double slowest = 0;
        String slowestName = "";
        Path progress = DIR.resolve("current-case.txt");
        try {
            for (Case c : corpus) {
                // should a native decoder take the JVM down, this names the case that did it
                Files.writeString(progress, c.name() + " seed " + c.seed() + " " + c.mutations() + "\n");
                Outcome o = runCase(pool, c);
                outcomes.add(o);
                run++;
                if (o.exit() >= 0 && o.exit() < exits.length) {
                    exits[o.exit()]++;
                }
                if (o.seconds() > slowest) {
                    slowest = o.seconds();
                    slowestName = c.name();
                }
                if (o.problem() != null) {
                    failures.add(o);
                    if (o.exit() == -1 && ++timeouts >= MAX_TIMEOUTS) {
                        break;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double total = (System.nanoTime() - started) / 1e9;
        writeOutcomes(outcomes);
        String summary = String.format(Locale.ROOT,
                "%d of %d cases run (seed %d) in %.1f s (corpus %.1f s): %d exit 0, %d exit 3,"
                        + " %d failed; slowest %s %.1f s", run, corpus.size(), SEED, total, generated, exits[0],
                exits[3],
                failures.size(), slowestName, slowest);
        System.out.println("[fuzz] " + summary);
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(summary).append("\nfailing cases (file under ").append(CORPUS)
                    .append("; rerun the corpus with -Dcamlab.fuzz.seed=").append(SEED).append("):");
            for (Outcome o : failures) {
                b.append(String.format(Locale.ROOT, "%n- %s (seed %d; %s): %s; exit %d in %.1f s; stderr: %s", o.c()
                        .name(),
                        o.c().seed(), o.c().mutations(), o.problem(), o.exit(), o.seconds(), firstLines(o.err(), 3)));
            }
            fail(b.toString());
        }
    }

    /** target/fuzz/outcomes.tsv: every case, its mutations, exit, time and stderr, to read what the corpus reached. */
    private static void writeOutcomes(List<Outcome> outcomes) throws IOException {
        StringBuilder b = new StringBuilder("case\tseed\texit\tseconds\tframes\tproblem\tstderr\tmutations\n");
        Map<String, int[]> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            String frames = "";
            String line = o.out().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            if (!line.isEmpty()) {
                try {
                    frames = new ObjectMapper().readTree(line).path("frames").path("analyzed").asText();
                } catch (IOException e) {
                    frames = "?";
                }
            }
            b.append(String.join("\t", o.c().name(), Long.toString(o.c().seed()), Integer.toString(o.exit()),
                    String.format(Locale.ROOT, "%.3f", o.seconds()), frames, o.problem() == null ? "" : o.problem(),
                    firstLines(o.err(), 2).replace('\t', ' '), o.c().mutations())).append('\n');
            int[] n = byKind.computeIfAbsent(o.c().name().substring(0, o.c().name().indexOf('-')), k -> new int[3]);
            n[o.exit() == 0 ? 0 : o.exit() == 3 ? 1 : 2]++;
        }
        Files.writeString(DIR.resolve("outcomes.tsv"), b);
        StringBuilder k = new StringBuilder("[fuzz] by kind (exit 0 / exit 3 / other):");
        byKind.forEach((kind, n) -> k.append(String.format(Locale.ROOT, " %s %d/%d/%d", kind, n[0], n[1], n[2])));
        System.out.println(k);
    }

    /**
     * What the in-process runs cannot see: native libraries (libjpeg, FFmpeg) writing to the
     * process's own stderr, and the JVM's. A few cases of every kind run again as a separate
     * process: the same exit code, and stderr holds the same lines as in-process, nothing more.
     * Per kind: the first three cases that exit 3 in-process and the first that exits 0.
     */
    @Test
    @Timeout(300)
    void separateProcessStderrHoldsOnlyCamlabsLines() throws Exception {
        long started = System.nanoTime();
        List<Case> corpus = corpus();
        Map<String, int[]> taken = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Case c : corpus) {
            String kind = c.name().substring(0, c.name().indexOf('-'));
            int[] n = taken.computeIfAbsent(kind, k -> new int[2]);
            if (n[0] >= 3 && n[1] >= 1) {
                continue;
            }
            String[] args = {"analyze", "--no-progress", "--faces", "none", "--json", c.file().toString()};
            CliRunner.Result in = CliRunner.run(args);
            int slot = in.exit() == ExitCodes.SOURCE ? 0 : in.exit() == ExitCodes.OK ? 1 : -1;
            if (slot < 0 || n[slot] >= (slot == 0 ? 3 : 1)) {
                continue;
            }
            n[slot]++;
            runs++;
            ChildProcess.Result child = new ChildProcess().run(60, args);
            List<String> inLines = in.err().lines().filter(l -> !l.isBlank()).toList();
            String problem = child.timedOut() ? "no result within 60 s"
                    : problem(new CliRunner.Result(child.exit(), child.out(), child.err(), child.seconds()));
            if (problem == null && child.exit() != in.exit()) {
                problem = "exit " + child.exit() + " in a process, " + in.exit() + " in-process";
            }
            if (problem == null && !child.errLines().equals(inLines)) {
                problem = "stderr differs from in-process " + inLines;
            }
            if (problem != null) {
                failures.add(String.format(Locale.ROOT, "- %s (seed %d; %s): %s; exit %d; stderr: %s", c.name(), c
                        .seed(),
                        c.mutations(), problem, child.exit(), firstLines(child.err(), 6)));
            }
        }
        String summary = String.format(Locale.ROOT, "%d cases in separate processes in %.1f s, %d failed", runs,
                (System.nanoTime() - started) / 1e9, failures.size());
        System.out.println("[fuzz] " + summary);
        if (!failures.isEmpty()) {
            fail(summary + ":\n" + String.join("\n", failures));
        }
    }

    // --- one case ----------------------------------------------------------------------------------

    private static Outcome runCase(ExecutorService pool, Case c) {
        String[] args = {"analyze", "--no-progress", "--faces", "none", "--json", c.file().toString()};
        long t0 = System.nanoTime();
        Future<CliRunner.Result> f = pool.submit(() -> CliRunner.run(args));
        CliRunner.Result r;
        try {
            r = f.get(CASE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome(c, -1, "", "", (System.nanoTime() - t0) / 1e9, "no result within " + CASE_TIMEOUT_S
                    + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(c, -2, "", "", (System.nanoTime() - t0) / 1e9, "Main.run threw " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Outcome(c, r.exit(), r.out(), r.err(), r.seconds(), problem(r));
    }

    /** What breaks the contract in this result, or null. */
    static String problem(CliRunner.Result r) {
        for (String s : List.of(r.out(), r.err())) {
            for (String sign : List.of("Exception in thread", "\tat ", "Caused by:", "internal error")) {
                if (s.contains(sign)) {
                    return "shows '" + sign.strip() + "'";
                }
            }
        }
        Matcher javaName = JAVA_NAME.matcher(r.err());
        if (javaName.find()) {
            return "shows a Java class name to the user: " + javaName.group();
        }
        if (r.exit() != ExitCodes.OK && r.exit() != ExitCodes.SOURCE) {
            return "exit " + r.exit() + ", expected 0 or 3";
        }
        List<String> err = r.err().lines().filter(l -> !l.isBlank()).toList();
        List<String> out = r.out().lines().filter(l -> !l.isBlank()).toList();
        if (r.exit() == ExitCodes.SOURCE) {
            if (err.size() != 1) {
                return "exit 3 with " + err.size() + " lines on stderr, expected exactly one";
            }
            if (!err.get(0).startsWith("camlab: ")) {
                return "the stderr line does not start 'camlab: '";
            }
        } else if (!err.isEmpty()) {
            return "exit 0 with " + err.size() + " lines on stderr";
        }
        if (r.exit() == ExitCodes.OK && out.isEmpty()) {
            return "exit 0 without a report";
        }
        if (out.isEmpty()) {
            return null;
        }
        if (out.size() != 1) {
            return out.size() + " lines on stdout, expected one JSON report";
        }
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(out.get(0));
        } catch (IOException e) {
            return "stdout is not JSON: " + e.getMessage();
        }
        if (!"camlab.report/1".equals(report.path("schema").asText())) {
            return "stdout is not a camlab.report/1";
        }
        if (report.path("frames").path("analyzed").asInt() < 1) {
            return "a report of " + report.path("frames").path("analyzed") + " frames analysed";
        }
        if (r.exit() == ExitCodes.SOURCE && !report.path("partial").asBoolean()) {
            return "exit 3 with a report not marked partial";
        }
        if (r.exit() == ExitCodes.OK && report.path("partial").asBoolean()) {
            return "exit 0 with a report marked partial";
        }
        return null;
    }

    private static String firstLines(String s, int n) {
        List<String> l = s.lines().filter(x -> !x.isBlank()).toList();
        return l.isEmpty() ? "(none)" : String.join(" | ", l.subList(0, Math.min(n, l.size()))) + (l.size() > n ? " | …"
                : "");
    }

    // --- the corpus ----------------------------------------------------------------------------------

    private static List<Case> cached;

    /** The corpus, written once per JVM. */
    private static synchronized List<Case> corpus() throws Exception {
        if (cached == null) {
            cached = generate();
        }
        return cached;
    }

    private static List<Case> generate() throws Exception {
        Files.createDirectories(CORPUS);
        Files.createDirectories(BASE);
        try (var old = Files.list(CORPUS)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        BufferedImage photo = scaled(ImageIO.read(Fixtures.real("astronaut.png").toFile()), 160, 120);
        List<byte[]> pngs = List.of(png(photo, BufferedImage.TYPE_INT_RGB), png(photo, BufferedImage.TYPE_BYTE_GRAY),
                png(photo, BufferedImage.TYPE_BYTE_INDEXED), png(photo, BufferedImage.TYPE_INT_ARGB),
                png(photo, BufferedImage.TYPE_USHORT_GRAY), Files.readAllBytes(Fixtures.real("camera.png")));
        List<byte[]> jpegs = List.of(jpeg(photo, BufferedImage.TYPE_INT_RGB, false), jpeg(photo,
                BufferedImage.TYPE_INT_RGB, true),
                jpeg(photo, BufferedImage.TYPE_BYTE_GRAY, false), Files.readAllBytes(Fixtures.real("messi5.jpg")));
        List<byte[]> bmps = new ArrayList<>();
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_INDEXED,
                BufferedImage.TYPE_USHORT_565_RGB,
                BufferedImage.TYPE_BYTE_GRAY}) {
            byte[] b = encode(convert(photo, type), "bmp");
            if (b != null) {
                bmps.add(b);
            }
        }
        byte[] mp4 = Files.readAllBytes(Recordings.constantRate(10.0, 20, 160, 120));
        byte[] faststart = Files.readAllBytes(Recordings.constantRateFastStart(10.0, 20, 160, 120));
        byte[] mkv = Files.readAllBytes(matroska());
        byte[] avi = Files.readAllBytes(aviExcerpt());

        Random master = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        add(cases, master, "png", 150 * SCALE, pngs, ".png", FuzzTest::mutatePng);
        add(cases, master, "pngpixels", 100 * SCALE, pngs, ".png", FuzzTest::mutatePngPixels);
        add(cases, master, "jpeg", 180 * SCALE, jpegs, ".jpg", FuzzTest::mutateJpeg);
        add(cases, master, "bmp", 120 * SCALE, bmps, ".bmp", FuzzTest::mutateBmp);
        add(cases, master, "mp4", 100 * SCALE, List.of(mp4), ".mp4", FuzzTest::mutateMp4);
        add(cases, master, "faststart", 80 * SCALE, List.of(faststart), ".mp4", FuzzTest::mutateMp4);
        add(cases, master, "mkv", 80 * SCALE, List.of(mkv), ".mkv", FuzzTest::mutateRecording);
        add(cases, master, "avi", 60 * SCALE, List.of(avi), ".avi", FuzzTest::mutateRecording);
        return cases;
    }

    private interface Mutator {
        byte[] mutate(byte[] base, Random rnd, List<String> log) throws IOException;
    }

    private static void add(List<Case> cases, Random master, String kind, int n, List<byte[]> bases, String ext,
            Mutator m)
            throws IOException {
        for (int i = 0; i < n; i++) {
            long seed = master.nextLong();
            Random rnd = new Random(seed);
            int which = rnd.nextInt(bases.size());
            List<String> log = new ArrayList<>();
            log.add("base " + which);
            byte[] bytes = m.mutate(bases.get(which).clone(), rnd, log);
            String name = String.format(Locale.ROOT, "%s-%03d-%016x%s", kind, i, seed, ext);
            Path file = CORPUS.resolve(name);
            Files.write(file, bytes);
            cases.add(new Case(name, seed, file, String.join(", ", log)));
        }
    }

    // --- PNG ------------------------------------------------------------------------------------

    private static final class Chunk {
        String type;
        byte[] data;

        Chunk(String type, byte[] data) {
            this.type = type;
            this.data = data;
        }
    }

    private static List<Chunk> chunks(byte[] png) {
        List<Chunk> list = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
        b.position(8);
        while (b.remaining() >= 12) {
            int len = b.getInt();
            byte[] t = new byte[4];
            b.get(t);
            if (len < 0 || len > b.remaining() - 4) {
                break;
            }
            byte[] data = new byte[len];
            b.get(data);
            b.getInt(); // the CRC: recomputed on writing
            list.add(new Chunk(new String(t, StandardCharsets.ISO_8859_1), data));
        }
        return list;
    }

    /** Signature and chunks, every CRC correct. */
    private static byte[] png(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        for (Chunk c : chunks) {
            byte[] t = c.type.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(c.data.length).array());
            out.writeBytes(t);
            out.writeBytes(c.data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(c.data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    /** Damage to the chunks: IHDR fields, the compressed data, chunks dropped, doubled, moved or made up. */
    private static byte[] mutatePng(byte[] base, Random rnd, List<String> log) {
        List<Chunk> chunks = chunks(base);
        mergeIdat(chunks);
        int ops = 1 + rnd.nextInt(3);
        for (int op = 0; op < ops; op++) {
            Chunk idat = find(chunks, "IDAT");
            Chunk ihdr = find(chunks, "IHDR");
            switch (rnd.nextInt(9)) {
                case 0 -> {
                    if (idat != null) {
                        int k = 1 + rnd.nextInt(16);
                        flip(idat.data, 0, idat.data.length, k, rnd);
                        log.add("IDAT: " + k + " bytes flipped");
                    }
                }
                case 1 -> {
                    if (ihdr != null && ihdr.data.length >= 13) {
                        ByteBuffer h = ByteBuffer.wrap(ihdr.data);
                        int field = rnd.nextInt(7);
                        switch (field) {
                            case 0, 1 -> {
                                int v = pick(rnd, 0, 1, 15, 16, 17, 159, 161, 320, 1000, 10_000, 65_535, 100_000,
                                        0x7FFFFFFF, -1);
                                h.putInt(field * 4, v);
                                log.add("IHDR " + (field == 0 ? "width" : "height") + " " + v);
                            }
                            case 2 -> {
                                int v = pick(rnd, 0, 1, 2, 4, 8, 16, 3, 255);
                                ihdr.data[8] = (byte) v;
                                log.add("IHDR bit depth " + v);
                            }
                            case 3 -> {
                                int v = pick(rnd, 0, 1, 2, 3, 4, 5, 6, 7, 255);
                                ihdr.data[9] = (byte) v;
                                log.add("IHDR colour type " + v);
                            }
                            default -> {
                                int v = pick(rnd, 1, 2, 255);
                                ihdr.data[10 + field - 4] = (byte) v;
                                log.add("IHDR byte " + (10 + field - 4) + " = " + v);
                            }
                        }
                    }
                }
                case 2 -> {
                    if (idat != null && idat.data.length > 1) {
                        int keep = rnd.nextInt(idat.data.length);
                        idat.data = Arrays.copyOf(idat.data, keep);
                        log.add("IDAT cut to " + keep + " bytes");
                    }
                }
                case 3 -> {
                    if (idat != null) {
                        int from = rnd.nextInt(Math.max(1, idat.data.length));
                        int len = 1 + rnd.nextInt(256);
                        for (int i = from; i < Math.min(idat.data.length, from + len); i++) {
                            idat.data[i] = (byte) rnd.nextInt(256);
                        }
                        log.add("IDAT: " + len + " random bytes at " + from);
                    }
                }
                case 4 -> {
                    int i = rnd.nextInt(chunks.size());
                    log.add("chunk " + chunks.get(i).type + " doubled");
                    chunks.add(i, new Chunk(chunks.get(i).type, chunks.get(i).data.clone()));
                }
                case 5 -> {
                    if (chunks.size() > 1) {
                        Chunk c = chunks.remove(rnd.nextInt(chunks.size()));
                        log.add("chunk " + c.type + " dropped");
                    }
                }
                case 6 -> {
                    String type = pickOne(rnd, "PLTE", "tRNS", "gAMA", "iCCP", "sBIT", "cHRM", "sRGB", "pHYs", "zTXt",
                            "eXIf", "IHDR",
                            "IEND", "acTL");
                    byte[] data = new byte[pick(rnd, 0, 1, 3, 13, 256, 768, 769, 4096)];
                    rnd.nextBytes(data);
                    int at = 1 + rnd.nextInt(chunks.size());
                    chunks.add(Math.min(at, chunks.size()), new Chunk(type, data));
                    log.add("made-up " + type + " of " + data.length + " bytes at " + at);
                }
                case 7 -> {
                    if (chunks.size() > 2) {
                        int a = rnd.nextInt(chunks.size());
                        int b = rnd.nextInt(chunks.size());
                        Chunk c = chunks.get(a);
                        chunks.set(a, chunks.get(b));
                        chunks.set(b, c);
                        log.add("chunks " + a + " and " + b + " swapped");
                    }
                }
                default -> {
                    if (idat != null && idat.data.length > 64) {
                        // split IDAT in two at a random point (legal), or at a split with a byte lost (not)
                        int at = 1 + rnd.nextInt(idat.data.length - 1);
                        boolean lose = rnd.nextBoolean();
                        int i = chunks.indexOf(idat);
                        chunks.set(i, new Chunk("IDAT", Arrays.copyOf(idat.data, at)));
                        chunks.add(i + 1, new Chunk("IDAT", Arrays.copyOfRange(idat.data, at + (lose ? 1 : 0),
                                idat.data.length)));
                        log.add("IDAT split at " + at + (lose ? ", one byte lost" : ""));
                    }
                }
            }
        }
        byte[] out = png(chunks);
        if (rnd.nextInt(8) == 0) {
            int keep = 8 + rnd.nextInt(out.length - 8);
            log.add("file cut to " + keep + " bytes");
            out = Arrays.copyOf(out, keep);
        }
        return out;
    }

    /**
     * Damage inside the image data: IDAT inflated, the filter bytes and pixels mutated, deflated
     * again, every CRC and the zlib checksum correct: only the unfiltering and the pixel layout
     * meet it.
     */
    private static byte[] mutatePngPixels(byte[] base, Random rnd, List<String> log) throws IOException {
        List<Chunk> chunks = chunks(base);
        mergeIdat(chunks);
        Chunk idat = find(chunks, "IDAT");
        byte[] raw = inflate(idat.data);
        int ops = 1 + rnd.nextInt(3);
        for (int op = 0; op < ops; op++) {
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    int k = 1 + rnd.nextInt(64);
                    flip(raw, 0, raw.length, k, rnd);
                    log.add("raw: " + k + " bytes flipped");
                }
                case 1 -> {
                    int k = 1 + rnd.nextInt(20);
                    for (int i = 0; i < k; i++) {
                        raw[rnd.nextInt(raw.length)] = (byte) pick(rnd, 0, 1, 2, 3, 4, 5, 255);
                    }
                    log.add("raw: " + k + " bytes set to filter-type values");
                }
                case 2 -> {
                    int keep = rnd.nextInt(raw.length);
                    raw = Arrays.copyOf(raw, keep);
                    log.add("raw cut to " + keep + " of its bytes");
                }
                case 3 -> {
                    int extra = 1 + rnd.nextInt(4096);
                    byte[] more = Arrays.copyOf(raw, raw.length + extra);
                    for (int i = raw.length; i < more.length; i++) {
                        more[i] = (byte) rnd.nextInt(256);
                    }
                    raw = more;
                    log.add("raw: " + extra + " bytes more");
                }
                default -> {
                    int a = rnd.nextInt(raw.length);
                    int len = Math.min(raw.length - a, 1 + rnd.nextInt(2048));
                    int b = rnd.nextInt(raw.length - len + 1);
                    System.arraycopy(raw.clone(), a, raw, b, len);
                    log.add("raw: " + len + " bytes copied from " + a + " to " + b);
                }
            }
        }
        idat.data = deflate(raw);
        return png(chunks);
    }

    private static void mergeIdat(List<Chunk> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int first = -1;
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).type.equals("IDAT")) {
                all.writeBytes(chunks.get(i).data);
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first >= 0) {
            chunks.removeIf(c -> c.type.equals("IDAT"));
            chunks.add(first, new Chunk("IDAT", all.toByteArray()));
        }
    }

    private static Chunk find(List<Chunk> chunks, String type) {
        for (Chunk c : chunks) {
            if (c.type.equals(type)) {
                return c;
            }
        }
        return null;
    }

    private static byte[] inflate(byte[] z) throws IOException {
        Inflater inf = new Inflater();
        inf.setInput(z);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException(e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater def = new Deflater(6);
        def.setInput(raw);
        def.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!def.finished()) {
            out.write(buf, 0, def.deflate(buf));
        }
        def.end();
        return out.toByteArray();
    }

    // --- JPEG ------------------------------------------------------------------------------------

    /** {marker, start of segment (the 0xFF), end} for each segment before the scan, then the scan. */
    private static List<int[]> jpegSegments(byte[] b) {
        List<int[]> segs = new ArrayList<>();
        int o = 2;
        while (o + 4 <= b.length && (b[o] & 0xFF) == 0xFF) {
            int marker = b[o + 1] & 0xFF;
            int len = ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
            int end = Math.min(b.length, o + 2 + len);
            segs.add(new int[]{marker, o, end});
            o = end;
            if (marker == 0xDA) { // start of scan: entropy-coded data follows, up to EOI
                segs.add(new int[]{0, o, Math.max(o, b.length - 2)});
                break;
            }
        }
        return segs;
    }

    private static byte[] mutateJpeg(byte[] base, Random rnd, List<String> log) {
        byte[] b = base;
        int ops = 1 + rnd.nextInt(3);
        for (int op = 0; op < ops; op++) {
            List<int[]> segs = jpegSegments(b);
            if (segs.isEmpty()) {
                break;
            }
            int[] scan = segs.isEmpty() ? null : segs.get(segs.size() - 1)[0] == 0 ? segs.get(segs.size() - 1) : null;
            switch (rnd.nextInt(8)) {
                case 0, 1 -> {
                    if (scan != null && scan[2] > scan[1]) {
                        int k = 1 + rnd.nextInt(32);
                        flip(b, scan[1], scan[2], k, rnd);
                        log.add("scan: " + k + " bytes flipped");
                    }
                }
                case 2 -> {
                    int[] seg = segs.get(rnd.nextInt(segs.size()));
                    int from = seg[1] + 4;
                    if (seg[0] != 0 && seg[2] > from) {
                        int k = 1 + rnd.nextInt(4);
                        flip(b, from, seg[2], k, rnd);
                        log.add(String.format(Locale.ROOT, "segment FF%02X: %d bytes flipped", seg[0], k));
                    }
                }
                case 3 -> {
                    for (int[] seg : segs) {
                        if (seg[0] >= 0xC0 && seg[0] <= 0xC2 && seg[2] - seg[1] >= 10) {
                            int field = rnd.nextInt(4);
                            int at = seg[1] + 4;
                            if (field == 0) {
                                int v = pick(rnd, 0, 1, 8, 12, 16, 255);
                                b[at] = (byte) v;
                                log.add("SOF precision " + v);
                            } else if (field <= 2) {
                                int v = pick(rnd, 0, 1, 15, 16, 17, 119, 121, 4096, 65_535);
                                int p = at + 1 + (field == 1 ? 0 : 2);
                                b[p] = (byte) (v >> 8);
                                b[p + 1] = (byte) v;
                                log.add("SOF " + (field == 1 ? "height " : "width ") + v);
                            } else {
                                int v = pick(rnd, 0, 1, 2, 3, 4, 255);
                                b[at + 5] = (byte) v;
                                log.add("SOF components " + v);
                            }
                            break;
                        }
                    }
                }
                case 4 -> {
                    int keep = 2 + rnd.nextInt(b.length - 2);
                    b = Arrays.copyOf(b, keep);
                    log.add("cut to " + keep + " bytes");
                }
                case 5 -> {
                    if (scan != null && scan[2] - scan[1] > 16) {
                        b = duplicate(b, scan[1], scan[2], rnd, log);
                    }
                }
                case 6 -> {
                    if (scan != null && scan[2] > scan[1]) {
                        int at = scan[1] + rnd.nextInt(scan[2] - scan[1]);
                        int marker = pick(rnd, 0xD0, 0xD3, 0xD7, 0xD8, 0xD9, 0xDA, 0xC4, 0xDB, 0xFF, 0x00);
                        b[at] = (byte) 0xFF;
                        if (at + 1 < b.length) {
                            b[at + 1] = (byte) marker;
                        }
                        log.add(String.format(Locale.ROOT, "marker FF%02X in the scan at %d", marker, at));
                    }
                }
                default -> {
                    if (b.length > 2 && (b[b.length - 2] & 0xFF) == 0xFF) {
                        b = Arrays.copyOf(b, b.length - 2);
                        log.add("EOI removed");
                    }
                }
            }
        }
        return b;
    }

    // --- BMP -------------------------------------------------------------------------------------

    private static byte[] mutateBmp(byte[] base, Random rnd, List<String> log) {
        byte[] b = base;
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int offBits = h.getInt(10);
        int ops = 1 + rnd.nextInt(3);
        for (int op = 0; op < ops && b.length >= 54; op++) {
            h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    int field = pick(rnd, 2, 10, 14, 34, 46, 50);
                    int v = pick(rnd, 0, 1, -1, 40, 54, 1078, b.length, b.length + 1, 0x7FFFFFFF, 0x10000);
                    h.putInt(field, v);
                    log.add("header int @" + field + " = " + v);
                }
                case 1 -> {
                    int field = rnd.nextBoolean() ? 18 : 22;
                    int v = pick(rnd, 0, 1, -1, 15, 16, 17, -120, 119, 121, 65_535, 100_000, 0x7FFFFFFF,
                            Integer.MIN_VALUE);
                    h.putInt(field, v);
                    log.add((field == 18 ? "width " : "height ") + v);
                }
                case 2 -> {
                    int v = pick(rnd, 0, 1, 2, 4, 8, 16, 24, 32, 7, 64, 0xFFFF);
                    h.putShort(28, (short) v);
                    log.add("bit count " + v);
                }
                case 3 -> {
                    int v = pick(rnd, 0, 1, 2, 3, 4, 5, 6, 11, 0x7FFFFFFF);
                    h.putInt(30, v);
                    log.add("compression " + v);
                }
                case 4 -> {
                    int from = Math.min(offBits, b.length - 1);
                    int k = 1 + rnd.nextInt(64);
                    flip(b, Math.max(54, from), b.length, k, rnd);
                    log.add("pixels: " + k + " bytes flipped");
                }
                case 5 -> {
                    if (offBits > 54 && offBits < b.length) {
                        int k = 1 + rnd.nextInt(32);
                        flip(b, 54, offBits, k, rnd);
                        log.add("palette: " + k + " bytes flipped");
                    } else {
                        h.putShort(26, (short) pick(rnd, 0, 2, 0xFFFF));
                        log.add("planes changed");
                    }
                }
                default -> {
                    int keep = 2 + rnd.nextInt(b.length - 2);
                    b = Arrays.copyOf(b, keep);
                    log.add("cut to " + keep + " bytes");
                }
            }
        }
        return b;
    }

    // --- recordings ------------------------------------------------------------------------------

    /** An mp4: as any recording, and often inside the index (moov) itself. */
    private static byte[] mutateMp4(byte[] base, Random rnd, List<String> log) {
        long[] moov = ReliabilityTest.box(base, "moov");
        if (moov != null && rnd.nextInt(3) == 0) {
            int k = 1 + rnd.nextInt(24);
            flip(base, (int) moov[0], (int) moov[1], k, rnd);
            log.add("moov: " + k + " bytes flipped");
            if (rnd.nextBoolean()) {
                return base;
            }
        }
        return mutateRecording(base, rnd, log);
    }

    /** Bytes past the first 64 (the file type header) flipped, runs overwritten, ranges doubled, cut, zeroed; or cut short. */
    private static byte[] mutateRecording(byte[] base, Random rnd, List<String> log) {
        final int header = 64;
        byte[] b = base;
        int ops = 1 + rnd.nextInt(3);
        for (int op = 0; op < ops; op++) {
            switch (rnd.nextInt(7)) {
                case 0, 1 -> {
                    int k = 1 + rnd.nextInt(64);
                    flip(b, header, b.length, k, rnd);
                    log.add(k + " bytes flipped");
                }
                case 2 -> {
                    int from = header + rnd.nextInt(b.length - header);
                    int len = 1 + rnd.nextInt(4096);
                    for (int i = from; i < Math.min(b.length, from + len); i++) {
                        b[i] = (byte) rnd.nextInt(256);
                    }
                    log.add(len + " random bytes at " + from);
                }
                case 3 -> b = duplicate(b, header, b.length, rnd, log);
                case 4 -> {
                    int from = header + rnd.nextInt(b.length - header);
                    int len = Math.min(b.length - from, 1 + rnd.nextInt(8192));
                    byte[] cut = new byte[b.length - len];
                    System.arraycopy(b, 0, cut, 0, from);
                    System.arraycopy(b, from + len, cut, from, b.length - from - len);
                    b = cut;
                    log.add(len + " bytes cut out at " + from);
                }
                case 5 -> {
                    int from = header + rnd.nextInt(b.length - header);
                    int len = Math.min(b.length - from, 1 + rnd.nextInt(16_384));
                    Arrays.fill(b, from, from + len, (byte) 0);
                    log.add(len + " bytes zeroed at " + from);
                }
                default -> {
                    int keep = header + rnd.nextInt(b.length - header);
                    b = Arrays.copyOf(b, keep);
                    log.add("cut to " + keep + " of " + base.length + " bytes");
                }
            }
            if (b.length <= header + 1) {
                break;
            }
        }
        return b;
    }

    /** A copy of a range of [from, to) inserted at another place in it. */
    private static byte[] duplicate(byte[] b, int from, int to, Random rnd, List<String> log) {
        int a = from + rnd.nextInt(to - from);
        int len = Math.min(to - a, 1 + rnd.nextInt(8192));
        int at = from + rnd.nextInt(to - from);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, a, out, at, len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        log.add(len + " bytes from " + a + " doubled at " + at);
        return out;
    }

    private static void flip(byte[] b, int from, int to, int k, Random rnd) {
        if (to <= from) {
            return;
        }
        for (int i = 0; i < k; i++) {
            int p = from + rnd.nextInt(to - from);
            b[p] = (byte) (b[p] ^ (1 << rnd.nextInt(8)) ^ (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : 0));
        }
    }

    @SafeVarargs
    private static <T> T pickOne(Random rnd, T... values) {
        return values[rnd.nextInt(values.length)];
    }

    private static int pick(Random rnd, int... values) {
        return values[rnd.nextInt(values.length)];
    }

    // --- the bases ---------------------------------------------------------------------------------

    private static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage convert(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage src, int type) throws IOException {
        byte[] b = encode(convert(src, type), "png");
        if (b == null) {
            throw new IOException("ImageIO cannot write a PNG of type " + type);
        }
        return b;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ImageIO.write(img, format, out) ? out.toByteArray() : null;
    }

    private static byte[] jpeg(BufferedImage src, int type, boolean progressive) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            w.write(null, new IIOImage(convert(src, type), null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The first 40 packets of the real vtest.avi (MS-MPEG4 v3 in AVI, 768×576), remuxed as they
     * are: another demuxer and decoder than the H.264 recordings. Cached under target/fuzz/base.
     */
    private static synchronized Path aviExcerpt() throws Exception {
        FfmpegLogging.init();
        return Fixtures.cached(BASE, "vtest-40-packets-v1.avi", tmp -> {
            try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(
                    Fixtures.real("vtest.avi").toFile())) {
                g.start();
                try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), g.getImageWidth(), g
                        .getImageHeight(), 0)) {
                    rec.setFormat("avi");
                    rec.start(g.getFormatContext());
                    for (int i = 0; i < 40; i++) {
                        org.bytedeco.ffmpeg.avcodec.AVPacket p = g.grabPacket();
                        if (p == null) {
                            break;
                        }
                        rec.recordPacket(p);
                    }
                    rec.stop();
                }
                g.stop();
            }
        });
    }

    /** 20 frames of 160×120 H.264 in Matroska, cached under target/fuzz/base. */
    private static synchronized Path matroska() throws Exception {
        int w = 160;
        int h = 120;
        FfmpegLogging.init();
        return Fixtures.cached(BASE, "moving-160x120-20f-v1.mkv", tmp -> {
            ByteBuffer picture = ByteBuffer.allocateDirect(w * h * 3 / 2);
            Random noise = new Random(5);
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), w, h, 0)) {
                rec.setFormat("matroska");
                rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                rec.setFrameRate(10);
                rec.setGopSize(10);
                rec.setVideoBitrate(2_000_000);
                rec.setVideoOption("allow_skip_frames", "0");
                rec.start();
                for (int i = 0; i < 20; i++) {
                    picture.clear();
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            boolean square = x >= 20 + 4 * i && x < 60 + 4 * i && y >= 40 && y < 80;
                            picture.put((byte) ((square ? 210 : 40 + y) + noise.nextInt(9) - 4));
                        }
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
}
