package org.camlab.bench.baseline;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.camlab.bench.FrameBenchmarkBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a person would otherwise write: OpenCV (via JavaCV) on the identical luma plane, copied
 * once into a CV_8UC1 Mat in setup, with every output Mat preallocated in setup.
 *
 * <p>Single thread: setup calls {@code opencv_core.setNumThreads(1)}, so OpenCV's own parallel
 * loops run sequentially, for a like-for-like comparison with camlab's single-thread core.
 *
 * <ul>
 *   <li>{@code laplacianVariance}: the usual blur score, {@code Laplacian(src, dst, CV_16S)}
 *       (aperture 1: the 4-neighbour kernel camlab uses too) and {@code meanStdDev(dst)}; returns σ².
 *   <li>{@code multiPass}: Laplacian, Sobel x and Sobel y (CV_16S, ksize 3), each followed by
 *       {@code meanStdDev}: about what camlab's fused pass computes, in separate passes.
 * </ul>
 */
@State(Scope.Thread)
public class OpenCvBaselineBenchmark extends FrameBenchmarkBase {
    private Mat src;
    private Mat laplacian;
    private Mat sobelX;
    private Mat sobelY;
    private Mat mean;
    private Mat stdDev;
    private BytePointer stdDevData;

    @Override
    protected void setUp() {
        opencv_core.setNumThreads(1);
        int w = frame.width;
        int h = frame.height;
        src = new Mat(h, w, CV_8UC1);
        if (!src.isContinuous()) {
            throw new IllegalStateException("OpenCV gave a non-continuous Mat");
        }
        src.data().put(frame.luma, 0, w * h);
        laplacian = new Mat(h, w, CV_16SC1);
        sobelX = new Mat(h, w, CV_16SC1);
        sobelY = new Mat(h, w, CV_16SC1);
        mean = new Mat(1, 1, CV_64FC1);
        stdDev = new Mat(1, 1, CV_64FC1);
        stdDevData = stdDev.data();
        // One call to make sure nothing is reallocated (stdDevData must stay valid) and the copy is exact.
        laplacianVariance();
        if (!stdDev.data().equals(stdDevData)) {
            throw new IllegalStateException("meanStdDev reallocated its output Mat");
        }
        byte[] back = new byte[w * h];
        src.data().get(back);
        if (!java.util.Arrays.equals(back, 0, w * h, frame.luma, 0, w * h)) {
            throw new IllegalStateException("the OpenCV copy of the luma plane differs");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Mat m : new Mat[]{src, laplacian, sobelX, sobelY, mean, stdDev}) {
            if (m != null) {
                m.close();
            }
        }
    }

    @Benchmark
    public double laplacianVariance() {
        opencv_imgproc.Laplacian(src, laplacian, CV_16S);
        return variance(laplacian);
    }

    @Benchmark
    public double multiPass() {
        opencv_imgproc.Laplacian(src, laplacian, CV_16S);
        double v = variance(laplacian);
        opencv_imgproc.Sobel(src, sobelX, CV_16S, 1, 0);
        v += variance(sobelX);
        opencv_imgproc.Sobel(src, sobelY, CV_16S, 0, 1);
        v += variance(sobelY);
        return v;
    }

    private double variance(Mat m) {
        opencv_core.meanStdDev(m, mean, stdDev);
        double sd = stdDevData.getDouble(0);
        return sd * sd;
    }
}
