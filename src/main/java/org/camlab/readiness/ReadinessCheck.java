package org.camlab.readiness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.camlab.capture.CameraDiscovery;
import org.camlab.readiness.link.LinkInspector;
import org.camlab.readiness.probe.PathProbe;
import org.camlab.readiness.probe.PathResult;

/**
 * Runs the readiness measurements in the order that keeps them honest: the processor's load
 * first, while camlab itself sleeps; then the link and the camera (milliseconds); then the
 * encoder (seconds of full load on one core); the path last, on the user's named target only.
 */
public final class ReadinessCheck {
    /** The load sample: long enough to average a busy program's bursts, short beside the rest. */
    static final long LOAD_SAMPLE_MILLIS = 500;

    /**
     * @param content       what to encode; null leaves the encoder out (the live check)
     * @param encodeSeconds seconds of video per size
     * @param target        the probe server to measure the path to; null for none
     */
    public record Options(Path content, double encodeSeconds, PathProbe.Options target) {
        public static Options light() {
            return new Options(null, 0, null);
        }
    }

    private ReadinessCheck() {
    }

    /** @param progress told what is being measured, for a progress line */
    public static Readiness run(Options o, Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("processor load");
        Machine machine = MachineProbe.system().measure(LOAD_SAMPLE_MILLIS);
        progress.accept("network link");
        var link = LinkInspector.system().inspect();
        progress.accept("camera");
        CameraFacts camera;
        try {
            camera = CameraFacts.first(CameraDiscovery.system(), Path.of("/"));
        } catch (RuntimeException e) {
            camera = null; // no camera is a finding, not a failure
        }
        Headroom headroom = null;
        String headroomError = null;
        if (o.content() != null) {
            progress.accept("encoder (720p30, 1080p30) and 4 decoders");
            try {
                headroom = new EncodeBench(o.content(), o.encodeSeconds()).run();
            } catch (IOException | RuntimeException | LinkageError e) {
                headroomError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        PathResult path = null;
        String pathError = null;
        if (o.target() != null) {
            progress.accept("path to " + o.target().host() + " (" + o.target().maxMillis() / 1000 + " s at most)");
            try {
                path = PathProbe.measure(o.target());
            } catch (PathProbe.ProbeException e) {
                pathError = e.getMessage();
            }
        }
        return new Readiness(machine, headroom, headroomError, link, path, pathError, camera, (System.nanoTime()
                - started) / 1e9);
    }
}
