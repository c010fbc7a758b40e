package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.live.FramePainter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --snapshot}: the annotated picture is in the report when asked, and only then. */
class SnapshotReportTest {
    private static final Pattern SNAPSHOT = Pattern.compile(
            "<figure id=\"snapshot\"><img [^>]*src=\"data:image/png;base64,([^\"]+)\"><figcaption[^>]*>([^<]*)<");

    @Test
    void thePhotographIsInTheReportWithItsOverlays(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        var r = CliRunner.run("analyze", "--snapshot", "--report", html.toString(),
                Fixtures.real("astronaut.png").toString());
        assertEquals(0, r.exit(), r.err());
        Matcher m = SNAPSHOT.matcher(Files.readString(html, StandardCharsets.UTF_8));
        assertTrue(m.find(), "the snapshot figure");
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertEquals(512, shot.getWidth(), "a 512-pixel photograph is kept at its size");
        int zebra = 0;
        int face = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int p = shot.getRGB(x, y) & 0xFFFFFF;
                zebra += p == FramePainter.ZEBRA ? 1 : 0;
                face += p == (FramePainter.FACE.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertTrue(zebra > 50, "the clipped highlights (0.9 % of the photograph) are striped: " + zebra);
        assertTrue(face > 200, "the face box is drawn: " + face);
        assertTrue(m.group(2).contains("Magenta stripes"), m.group(2));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertFalse(page.contains("not kept"), "the footer does not deny the picture it holds");
        assertTrue(page.contains("only the one frame that --snapshot asked for"), "and says which");
    }

    @Test
    void aRecordingShowsItsMiddleAndNothingIsKeptUnlessAsked(@TempDir Path dir) throws Exception {
        Path rec = Recordings.constantRate(30, 90, 320, 180);
        Path html = dir.resolve("r.html");
        var r = CliRunner.run("analyze", "--faces", "none", "--snapshot", "--report", html.toString(), rec.toString());
        assertEquals(0, r.exit(), r.err());
        Matcher m = SNAPSHOT.matcher(Files.readString(html, StandardCharsets.UTF_8));
        assertTrue(m.find());
        assertTrue(m.group(2).startsWith("The frame at 1.5 s."), "halfway through 3 s, analysed every 0.5 s: " + m
                .group(2));

        Path plain = dir.resolve("plain.html");
        assertEquals(0, CliRunner.run("analyze", "--faces", "none", "--report", plain.toString(), rec.toString())
                .exit());
        assertFalse(Files.readString(plain, StandardCharsets.UTF_8).contains("id=\"snapshot\""),
                "no picture of the scene unless --snapshot");
        assertTrue(Files.readString(plain, StandardCharsets.UTF_8).contains("not kept"), "and the footer says so");

        var lone = CliRunner.run("analyze", "--snapshot", rec.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, lone.exit());
        assertTrue(lone.err().startsWith("camlab: --snapshot goes into the report"), lone.err());
    }
}
