package org.camlab.bench;

import org.camlab.capture.FrameSource;
import org.camlab.capture.PacedSource;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;

/**
 * What any program showing a camera does, and nothing more: the recording replayed at its real
 * pace by camlab's virtual camera, every frame decoded, none analysed. The baseline of
 * {@code live-cpu.sh}: the live check's cost is its CPU time beyond this.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.camlab.bench.PacedCaptureOnly FILE SECONDS</pre>
 */
public final class PacedCaptureOnly {
    private PacedCaptureOnly() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp benchmarks.jar org.camlab.bench.PacedCaptureOnly FILE SECONDS");
            System.exit(2);
        }
        String file = args[0];
        long limit = (long) (Double.parseDouble(args[1]) * 1e6);
        System.setProperty("java.awt.headless", "true");
        long frames = 0;
        try (FrameSource s = new PacedSource(() -> Sources.open(file), true)) {
            while (s.next() && s.ptsMicros() < limit) {
                frames++;
            }
        } catch (SourceException e) {
            System.err.println("PacedCaptureOnly: " + e.getMessage());
            System.exit(3);
        }
        System.out.println(frames + " frames decoded at their pace");
    }
}
