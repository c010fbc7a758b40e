package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.camlab.demo.DemoScene;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused pass against the one-metric-at-a-time reference, on natural, noisy and odd-sized frames. */
class KernelMatchesReferenceTest {
    static Stream<Arguments> frames() {
        var photo = Scenes.read(Fixtures.real("astronaut.png"));
        return Stream.of(
                Arguments.of("astronaut 512×512", Scenes.frame(photo)),
                Arguments.of("astronaut blurred", Scenes.frame(Scenes.blur(photo, 1.5))),
                Arguments.of("coffee 600×400", Scenes.frame(Scenes.read(Fixtures.real("coffee.png")))),
                Arguments.of("noise 641×359", Scenes.noisy(641, 359, 120, 30, 3)),
                Arguments.of("clipped 320×180", Scenes.clipped(320, 180, 5000, 3000, 1)),
                Arguments.of("tiny 17×16", Scenes.noisy(17, 16, 128, 60, 9)),
                Arguments.of("1080p demo scene", Scenes.frame(new DemoScene(1920, 1080, 1.0, 5).paint(0.4))),
                Arguments.of("flat 64×48", Scenes.flat(64, 48, 77)));
    }

    static void assertRelative(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tol = 1e-9 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void fusedPassEqualsReference(String name, Frame f) {
        LumaKernel k = new LumaKernel();
        k.run(f.luma, f.width, f.height);
        ReferenceMetrics ref = new ReferenceMetrics(f.luma, f.width, f.height);

        assertRelative(ref.meanLuma(), k.meanLuma(), "mean");
        assertRelative(ref.clippedHighPct(), k.clippedHighlightsPct(), "clipped high");
        assertRelative(ref.centreMeanY(), k.centreMeanY(), "centre ninth (subject without a face)");
        assertRelative(ref.clippedLowPct(), k.clippedShadowsPct(), "clipped low");
        Grid g = k.grid();
        double[] cells = new double[g.cells()];
        k.cellMeanLinear(cells);
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                assertRelative(ref.cellLinear(c, r, g.cols(), g.rows()), cells[r * g.cols() + c], "cell " + c + ","
                        + r);
            }
        }
        assertRelative(ref.thirdLinear(true), k.thirdMeanLinear(0), "left third");
        assertRelative(ref.thirdLinear(false), k.thirdMeanLinear(2), "right third");
        assertRelative(ref.laplacianVariance(), k.laplacianVariance(), "Laplacian variance");
        assertRelative(ref.tenengrad(), k.tenengrad(), "tenengrad");
        assertEquals(ref.edgeBin(), k.edgeBin, "edge bin");
        assertRelative(ref.noiseSigma(), k.noiseSigma(), "noise σ");
        double[] edges = ref.edgeMeans();
        assertRelative(edges[0], k.edgeTenengrad(), "edge tenengrad");
        assertRelative(edges[1], k.edgeLaplacianSquare(), "edge Laplacian²");
    }
}
