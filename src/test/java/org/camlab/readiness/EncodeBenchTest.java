package org.camlab.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.camlab.demo.DemoCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Encode headroom measured on the generated demo recording: sane figures, in the order physics demands. */
class EncodeBenchTest {
    static Headroom headroom;

    @BeforeAll
    static void measure() throws Exception {
        Path demo = DemoCache.get();
        headroom = new EncodeBench(demo, 2).run();
    }

    @Test
    void realTimeFactorsArePositiveAnd720pEncodesFasterThan1080p() {
        Headroom.Encode hd = headroom.encode(720);
        Headroom.Encode fullHd = headroom.encode(1080);
        assertNotNull(hd);
        assertNotNull(fullHd);
        assertTrue(hd.realTimeFactor() > 0 && fullHd.realTimeFactor() > 0, headroom.toString());
        // 2.25× the pixels: the encoder must take longer per frame (allow noise, not a reversal)
        assertTrue(hd.realTimeFactor() > 1.2 * fullHd.realTimeFactor(), headroom.toString());
        assertEquals(60, hd.frames());
    }

    @Test
    void theStreamHasTheMeetingBitrateAsked() {
        for (Headroom.Encode e : headroom.encodes()) {
            double mbps = e.bytes() * 8 / (e.frames() / (double) e.fps()) / 1e6;
            // rate control over two seconds: within ±35 % of the target, and never a raw dump
            assertEquals(e.bitrateMbps(), mbps, 0.35 * e.bitrateMbps(), e.label() + " sent " + mbps + " Mbit/s");
        }
    }

    @Test
    void fourStreamsDecodeAndTheVerdictFollowsTheFigures() {
        assertEquals(4, headroom.decode().streams());
        assertTrue(headroom.decode().realTimeFactor() > 0);
        String expected = headroom.encode(1080).realTimeFactor() >= Headroom.MIN_REAL_TIME ? "1080p"
                : headroom.encode(720).realTimeFactor() >= Headroom.MIN_REAL_TIME ? "720p" : "less than 720p";
        assertEquals(expected, headroom.canSend());
        assertNotNull(headroom.encoder());
    }

    @Test
    void canSendNeedsHeadroomAtEachSize() {
        var slow = new Headroom.Encode(1920, 1080, 30, 1.8, 60, 1.6, 1.25, 1);
        var fast = new Headroom.Encode(1280, 720, 30, 1.2, 60, 0.5, 4, 1);
        assertEquals("720p", EncodeBench.canSend(List.of(fast, slow)));
        assertEquals("less than 720p", EncodeBench.canSend(List.of(
                new Headroom.Encode(1280, 720, 30, 1.2, 60, 2, 1.0, 1), slow)));
        assertEquals("1080p", EncodeBench.canSend(List.of(fast,
                new Headroom.Encode(1920, 1080, 30, 1.8, 60, 0.5, 4, 1))));
    }
}
