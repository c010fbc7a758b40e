package org.camlab.core;

/**
 * The uniformity grid: 16×9 cells, or 4×3 for frames nearer 4:3 than 16:9. Cell edges are at
 * {@code floor(i * W / cols)} and {@code floor(j * H / rows)}.
 */
public record Grid(int cols, int rows) {
    public static Grid forFrame(int width, int height) {
        double aspect = (double) width / height;
        return Math.abs(aspect - 4.0 / 3) < Math.abs(aspect - 16.0 / 9) ? new Grid(4, 3) : new Grid(16, 9);
    }

    public int colStart(int col, int width) {
        return (int) ((long) col * width / cols);
    }

    public int rowStart(int row, int height) {
        return (int) ((long) row * height / rows);
    }

    public int colOf(int x, int width) {
        int c = (int) ((long) x * cols / width);
        while (c + 1 < cols && colStart(c + 1, width) <= x) {
            c++;
        }
        while (c > 0 && colStart(c, width) > x) {
            c--;
        }
        return c;
    }

    public int rowOf(int y, int height) {
        int r = (int) ((long) y * rows / height);
        while (r + 1 < rows && rowStart(r + 1, height) <= y) {
            r++;
        }
        while (r > 0 && rowStart(r, height) > y) {
            r--;
        }
        return r;
    }

    public int cells() {
        return cols * rows;
    }

    /** Indices of the four corner cells. */
    public int[] corners() {
        return new int[]{0, cols - 1, (rows - 1) * cols, rows * cols - 1};
    }

    /** Indices of the cells that touch the frame centre: 1, 2 or 4 of them. */
    public int[] centre() {
        int[] cs = cols % 2 == 0 ? new int[]{cols / 2 - 1, cols / 2} : new int[]{cols / 2};
        int[] rs = rows % 2 == 0 ? new int[]{rows / 2 - 1, rows / 2} : new int[]{rows / 2};
        int[] out = new int[cs.length * rs.length];
        int i = 0;
        for (int r : rs) {
            for (int c : cs) {
                out[i++] = r * cols + c;
            }
        }
        return out;
    }
}
