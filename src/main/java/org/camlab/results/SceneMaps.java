package org.camlab.results;

/**
 * Where the light is, over the session: the uniformity grid's cell means and the luma histogram,
 * each averaged over the analysed frames. For charts; the published numbers are in the catalogue.
 *
 * @param gridCols      cells across (16, or 4 for 4:3 frames)
 * @param gridRows      cells down (9, or 3)
 * @param gridMeanY     mean code value of each cell, row by row from the top left
 * @param histogramPct  share of pixels at each code value 0–255, in percent (sums to 100)
 */
public record SceneMaps(int gridCols, int gridRows, double[] gridMeanY, double[] histogramPct) {
    public double cell(int col, int row) {
        return gridMeanY[row * gridCols + col];
    }
}
