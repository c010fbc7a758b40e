package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A camera that sends MJPEG over HTTP (cheap IP cameras, phone-as-webcam apps) at 10 frames a second:
 * its container has no timestamps, and FFmpeg makes them up at 25 frames a second. camlab must time
 * such frames by their arrival: the true rate, the low-rate advice, and a --duration of wall time.
 */
class MjpegStreamTest {
    private static final double FPS = 10;
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(120, 110, 100));
            g.fillRect(0, 0, 640, 360);
            g.setColor(new Color(200, 170, 150));
            g.fillOval(260 + i * 4, 80, 120, 160); // something that moves: a stream, not a still
            g.dispose();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", b);
            jpegs.add(b.toByteArray());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/cam.mjpg", x -> {
            x.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace; boundary=frame");
            x.sendResponseHeaders(200, 0);
            long start = System.nanoTime();
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0;; i++) {
                    byte[] jpeg = jpegs.get(i % jpegs.size());
                    out.write(("--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(jpeg);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // paced from the start, not from the last frame: the rate stays 10/s on average
                    LockSupport.parkNanos(start + (long) ((i + 1) * 1e9 / FPS) - System.nanoTime());
                }
            } catch (IOException gone) {
                // the client closed the stream: its session ended
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cam.mjpg";
    }

    @Test
    void framesWithoutTimestampsAreTimedByTheirArrival() throws IOException {
        var r = CliRunner.run("analyze", url(), "--duration", "8s", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("arrival", j.at("/source/clock").asText(), r.out());
        assertTrue(j.at("/source/fpsNominal").isNull(), "FFmpeg's guess of 25 is not the stream's rate: " + r.out());
        double fps = j.at("/temporal/fpsMeasured").asDouble();
        System.out.println("MJPEG at " + FPS + "/s on loopback: " + fps + " fps, jitter " + j.at("/temporal/jitterMs")
                .asDouble() + " ms, dropped " + j.at("/temporal/droppedFrames").asInt());
        assertEquals(FPS, fps, 0.5, "the rate it sends, not the 25 FFmpeg makes up: " + r.out());
        List<String> ids = new ArrayList<>();
        j.at("/recommendations").forEach(n -> ids.add(n.at("/id").asText()));
        assertTrue(ids.contains("low-fps"), "10 frames a second gets the low-rate advice: " + ids);
        // --duration is wall time for a live source, from the moment it is asked for (opening included)
        double wall = j.at("/frames/wallSec").asDouble();
        assertTrue(wall >= 7.9 && wall <= 9.0, "8 s asked, " + wall + " s measured: " + r.out());
    }

    @Test
    void theTextSaysHowTheFramesWereTimed() {
        var r = CliRunner.run("analyze", url(), "--duration", "2s", "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("timed as the frames arrive"), r.out());
    }

    @Test
    void aRecordingKeepsItsOwnTimestamps() throws IOException {
        String rec = Recordings.constantRate(FPS, 20, 320, 240).toString();
        var r = CliRunner.run("analyze", rec, "--json", "--max-frames", "10");
        assertEquals(0, r.exit(), r.err());
        assertEquals("timestamps", new ObjectMapper().readTree(r.out()).at("/source/clock").asText(), r.out());
    }
}
