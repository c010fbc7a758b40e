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

    /**
     * Whether the mean absolute difference is below {@code threshold}: exactly
     * {@code meanAbsolute(a, b, pixels) < threshold}, but it stops as soon as the running sum
     * settles the answer, which for a moving picture is after a small part of the frame.
     */
    public static boolean meanAbsoluteBelow(byte[] a, byte[] b, int pixels, double threshold) {
        final double limit = threshold * pixels;
        final int block = 4096;
        long sum = 0;
        for (int start = 0; start < pixels; start += block) {
            int end = Math.min(pixels, start + block);
            int s = 0;
            for (int i = start; i < end; i++) {
                s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            }
            sum += s;
            if (sum >= limit) {
                return false;
            }
        }
        return sum < limit;
    }
}
