package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.camlab.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a still's process loads: without faces, no native library (ImageIO reads a PNG, nothing
 * else needs JavaCPP) and no other command's model. The JVM's own class-loading log says so.
 */
class StillStartTest {
    @Test
    void aPngWithoutFacesLoadsNoNativesAndNoOtherCommand(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        ChildProcess.Result r = new ChildProcess().jvm("-Xlog:class+load=info:file=" + log).run(120, "analyze",
                Fixtures.generated().resolve("coffee-formats.png").toString(), "--json", "--faces", "none");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"schema\":\"camlab.report/1\""), r.out());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("org.camlab.cli.AnalyzeCommand "), "the log lists camlab's classes");
        assertFalse(loaded.contains("org.bytedeco."), "JavaCPP loaded for a PNG without faces");
        assertFalse(loaded.contains("org.camlab.cli.RoomsCommand$Add "), "another command's model built");
    }

    @Test
    void verboseSaysWhereAStillsTimeGoes() throws Exception {
        String png = Fixtures.generated().resolve("coffee-formats.png").toString();
        ChildProcess.Result r = new ChildProcess().run(120, "analyze", png, "--json", "--faces", "none", "-v");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*command line parsed \\d+ ms after the JVM started.*"), r.err());
        assertTrue(r.err().matches("(?s).*" + Pattern.quote(png) + " decoded \\(\\d+x\\d+\\) in \\d+ ms.*"),
                r.err());
        assertTrue(r.err().contains(" ms each on "), r.err());
    }
}
