package org.camlab.core;

/** Mean absolute luma difference between two frames of one size, in code values. */
public final class FrameDifference {
    private FrameDifference() {
    }

    public static double meanAbsolute(byte[] a, byte[] b, int pixels) {
        long sum = 0;
        for (int i = 0; i < pixels; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / pixels;
    }
}
