package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camlab.chart.ChartPhotos;
import org.camlab.cli.Main;
import org.camlab.face.BlazeFaceDetector;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output of every fixture is what it was before the outputs moved out of {@code cli} (issue
 * 26): the commands of {@code golden/cases.tsv} run through {@link Main#run} and compared with the
 * files the unchanged code wrote ({@code golden/README.md} says how). Compared as JSON, without the
 * fields that vary from run to run ({@link #VARYING}) and those the contract has added since
 * ({@link #ADDED}); a {@code text-} case is compared line for line.
 */
class GoldenJsonTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/camlab/report/golden");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Not a property of the source: which camlab, when, and how long this machine took. */
    static final List<String> VARYING = List.of("camlabVersion", "measuredAt", "frames.wallSec");

    /**
     * Fields added to the contract after the golden files were written, as {@code path} (an object's
     * field) or {@code array[].field} (a field of each element).
     */
    static final List<String> ADDED = List.of(
            // one shape for a requirement's result: analyze's gained those of a survey's stored row
            "requirements[].value", "requirements[].require", "requirements[].passed",
            // what timed the frames: a live source without timestamps is timed by their arrival
            "source.clock");

    private static Path chartPhoto;

    record Case(String name, List<String> args) {
        @Override
        public String toString() {
            return name;
        }

        boolean text() {
            return name.startsWith("text-");
        }

        Path golden() {
            return GOLDEN.resolve(name + (text() ? ".txt" : ".json"));
        }
    }

    /**
     * The generated files the cases read, made as the tests that first wrote them make them (a fresh
     * clone has none until those tests run, and this one may run first); each is cached by name, so
     * a file another test made is the same file.
     */
    @BeforeAll
    static void makeTheGeneratedFixtures() throws Exception {
        BufferedImage coffee = Scenes.read(Fixtures.real("coffee.png"));
        BufferedImage gray = Scenes.toGray(Scenes.read(Fixtures.real("astronaut.png")));
        Scenes.write(gray, "astronaut-gray.png");
        Scenes.write(Scenes.grayToRgb(gray), "astronaut-gray-as-rgb.png");
        for (String format : List.of("png", "bmp", "jpg")) {
            Scenes.write(coffee, "coffee-formats." + format);
        }
        Scenes.write(Scenes.toGray(coffee), "coffee-formats.gif");
        Scenes.write(Scenes.toGray(coffee), "coffee-gray.png");
        BufferedImage rgba = new BufferedImage(coffee.getWidth(), coffee.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < coffee.getHeight(); y++) {
            for (int x = 0; x < coffee.getWidth(); x++) {
                rgba.setRGB(x, y, (0x80 << 24) | (coffee.getRGB(x, y) & 0xFFFFFF));
            }
        }
        Scenes.write(rgba, "coffee-rgba.png");
        BufferedImage gray16 = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                gray16.getRaster().setSample(x, y, 0, x < 32 ? 100 * 257 : 200 * 257);
            }
        }
        Scenes.write(gray16, "gray16.png");
        Path webp = Fixtures.generated().resolve("coffee-lossless.webp");
        if (!Files.isRegularFile(webp)) {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", Fixtures.real("coffee.png").toString(),
                    "-lossless", "1", webp.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), "ffmpeg made no " + webp);
        }
        Recordings.constantRate(30, 30, 320, 240);
        Recordings.withDroppedFrames(30, 60, new int[]{10, 20, 21, 40, 41, 42}, 320, 240);
        Recordings.lit(30, 300, 320, 180, new int[0], false, 0.8, 0, 0, 0, 5, 0.2);
        int[] odd = IntStream.range(0, 90).filter(i -> i % 2 == 1 && i < 89).toArray();
        Recordings.lit(30, 90, 640, 360, odd, true, 0.35, 0, 0, 0, 0, 0);
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            out.add(new Case(parts[0], Arrays.asList(parts[1].trim().split(" +"))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOutputIsAsBefore(Case c) throws Exception {
        // the files were written with the BlazeFace models (scripts/fetch-models.sh); the cascade finds other faces
        assumeTrue(c.args().contains("none") || BlazeFaceDetector.available(),
                "no BlazeFace model: run scripts/fetch-models.sh");
        if (c.text()) {
            // the summary wraps at the terminal's width
            String columns = System.getenv("COLUMNS");
            assumeTrue(columns == null || columns.equals("80"), "COLUMNS=" + columns);
        }
        String out = normalised(c, run(c));
        if (System.getProperty("camlab.golden.write") != null) {
            Files.writeString(c.golden(), out, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(c.golden(), StandardCharsets.UTF_8);
        if (c.text()) {
            assertEquals(expected, out, c.name());
            return;
        }
        List<String> want = expected.lines().toList();
        List<String> got = out.lines().toList();
        assertEquals(want.size(), got.size(), c.name() + ": reports");
        for (int i = 0; i < want.size(); i++) {
            JsonNode before = comparable(MAPPER.readTree(want.get(i)));
            JsonNode after = comparable(MAPPER.readTree(got.get(i)));
            assertEquals(before.toPrettyString(), after.toPrettyString(), c.name() + ", report " + (i + 1));
        }
    }

    /** {@code readiness --json} measures this machine: its shape is what is compared. */
    @Test
    void readinessKeepsItsShape() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(new String[]{"readiness", "--no-encode", "--json"}, new PrintWriter(out, true), new PrintWriter(err,
                true));
        JsonNode root = MAPPER.readTree(out.toString());
        assertEquals(Set.of("schema", "camlabVersion", "measuredAt", "readiness"), names(root), out.toString());
        assertEquals("camlab.readiness/1", root.path("schema").asText());
        assertEquals(Set.of("computer", "link", "path", "camera", "seconds", "recommendations"), names(root.get(
                "readiness")));
        assertEquals(Set.of("cpu", "physicalCores", "logicalCores", "memoryGb", "busyPct", "encode", "canSend"),
                names(root.get("readiness").get("computer")));
        for (JsonNode rec : root.get("readiness").get("recommendations")) {
            assertEquals(Set.of("id", "severity", "title", "detail", "metric", "value", "threshold"), names(rec));
        }
    }

    private static Set<String> names(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String run(Case c) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            args.add(a.replace("{fixtures}", Fixtures.root().toString()).replace("{chart-photo}", chartPhoto()
                    .toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return out.toString();
    }

    /**
     * Paths as in cases.tsv, so that the files hold no machine's directories. Of a summary, what
     * follows its head: the head names the source and the wall time, and wraps where their lengths
     * say.
     */
    private static String normalised(Case c, String out) throws Exception {
        String body = c.text() ? out.substring(out.indexOf("\n\n") + 2) : out;
        return body.replace(chartPhoto().toString(), "{chart-photo}").replace(Fixtures.root().toString(), "{fixtures}");
    }

    private static synchronized Path chartPhoto() throws Exception {
        if (chartPhoto == null) {
            Path dir = Files.createTempDirectory("camlab-golden");
            chartPhoto = dir.resolve("chart-photo.png");
            ChartPhotos.write(chartPhoto);
        }
        return chartPhoto;
    }

    private static JsonNode comparable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        for (String path : VARYING) {
            remove(copy, path);
        }
        // on both sides: files written again since those fields came hold them, older ones do not
        for (String path : ADDED) {
            remove(copy, path);
        }
        return copy;
    }

    /** Removes {@code a.b} or, for each element of array {@code a}, {@code a[].b}. */
    private static void remove(JsonNode node, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        if (dot < 0) {
            if (node instanceof ObjectNode o) {
                o.remove(head);
            }
            return;
        }
        String rest = path.substring(dot + 1);
        if (head.endsWith("[]")) {
            JsonNode array = node.get(head.substring(0, head.length() - 2));
            if (array instanceof ArrayNode a) {
                a.forEach(e -> remove(e, rest));
            }
        } else if (node.get(head) != null) {
            remove(node.get(head), rest);
        }
    }
}
