package org.camlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Grid;
import org.camlab.report.Charts;
import org.camlab.report.Terms;
import org.camlab.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The strip under the picture, painted off screen: the light map's cells in the report's colours
 * for their mean luma, and each overlay's swatch shown while it is on and gone while it is off.
 */
class LegendTest {
    private static BufferedImage paint(Legend legend) {
        legend.setSize(legend.getPreferredSize());
        BufferedImage img = new BufferedImage(legend.getWidth(), legend.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            legend.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLightMapIsInTheReportsScaleAndEachSwatchFollowsItsKey(Language l) {
        FramePainter painter = new FramePainter();
        boolean[] map = {true};
        Legend legend = new Legend(Terms.of(l), painter, () -> map[0], LiveWindow.PREVIEW_WIDTH);
        FrameMetrics m = new FrameMetrics();
        m.grid = new Grid(16, 9);
        for (int i = 0; i < 16 * 9; i++) {
            m.gridMeanY[i] = i * 255.0 / (16 * 9 - 1); // dark at the top left to bright at the bottom right
        }
        legend.lightMap(m);
        BufferedImage img = paint(legend);
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 16; c++) {
                int p = img.getRGB(Legend.MAP_X + c * Legend.CELL + Legend.CELL / 2, Legend.MAP_Y + r * Legend.CELL
                        + Legend.CELL / 2);
                assertEquals(Charts.lumaColour(m.gridMeanY[r * 16 + c]).getRGB(), p, l + " cell " + c + "," + r);
            }
        }
        int zebra = LiveWindowTest.count(img, FramePainter.ZEBRA, 0, 0, 0, img.getWidth(), img.getHeight());
        int peaking = LiveWindowTest.count(img, FramePainter.PEAKING, 0, 0, 0, img.getWidth(), img.getHeight());
        int face = LiveWindowTest.count(img, FramePainter.FACE.getRGB() & 0xFFFFFF, 0, 0, 0, img.getWidth(), img
                .getHeight());
        assertTrue(zebra > 20 && peaking > 100 && face > 20, l + ": the swatches " + zebra + ", " + peaking + ", "
                + face);
        for (int colour : new int[]{Charts.GOOD.getRGB(), Charts.CHECK.getRGB(), Charts.FIX.getRGB(), Charts.NOTE
                .getRGB()}) {
            assertTrue(LiveWindowTest.count(img, colour & 0xFFFFFF, 0, 0, 0, img.getWidth(), img.getHeight()) > 20,
                    l + ": the panel's lights explained");
        }

        painter.zebra = false;
        painter.regions = false;
        map[0] = false;
        BufferedImage off = paint(legend);
        assertEquals(0, LiveWindowTest.count(off, FramePainter.ZEBRA, 0, 0, 0, off.getWidth(), off.getHeight()),
                "Z off: its swatch is gone");
        assertEquals(0, LiveWindowTest.count(off, FramePainter.FACE.getRGB() & 0xFFFFFF, 0, 0, 0, off.getWidth(), off
                .getHeight()), "R off");
        int bright = Charts.lumaColour(255).getRGB() & 0xFFFFFF;
        assertEquals(0, LiveWindowTest.count(off, bright, 0, Legend.MAP_X, Legend.MAP_Y, Legend.MAP_X + 16
                * Legend.CELL, Legend.MAP_Y + 9 * Legend.CELL), "G off: no map");
    }
}
