package org.camlab.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camlab.image.Camera;
import org.camlab.image.SourceInfo;

/** Opens a source named on the command line: a still, a recording, or a stream URL. */
public final class Sources {
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Set<String> STILLS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp", "tif", "tiff", "pgm",
            "ppm", "pnm", "jp2");

    private Sources() {
    }

    /** What a source is, before it is opened: asked once, here. */
    public static SourceInfo.Kind kindOf(String spec) {
        if (CameraSources.isCamera(spec)) {
            return SourceInfo.Kind.CAMERA;
        }
        if (isUrl(spec)) {
            return SourceInfo.Kind.STREAM;
        }
        try {
            return isStill(Path.of(stripFileScheme(spec))) ? SourceInfo.Kind.IMAGE : SourceInfo.Kind.FILE;
        } catch (InvalidPathException e) {
            return SourceInfo.Kind.FILE;
        }
    }

    public static FrameSource open(String spec) throws SourceException {
        return open(spec, false);
    }

    /**
     * @param keyFramesOnly for a recording: decode key frames only (sampling a long recording by time)
     */
    public static FrameSource open(String spec, boolean keyFramesOnly) throws SourceException {
        String name = Redact.url(spec);
        if (CameraSources.isCamera(spec)) {
            List<Camera> cameras = CameraDiscovery.system();
            Camera c = CameraSources.find(spec, cameras);
            if (c == null) {
                throw new SourceException(CameraSources.missing(spec, cameras));
            }
            return CameraSources.open(c);
        }
        if (isUrl(spec)) {
            return new FfmpegSource(spec, name, SourceInfo.Kind.STREAM, false);
        }
        Path path;
        try {
            path = Path.of(stripFileScheme(spec));
        } catch (InvalidPathException e) {
            throw new SourceException("cannot open " + name + ": the file name cannot be written in this system's "
                    + "character set (" + System.getProperty("sun.jnu.encoding", "unknown") + "); set LANG=C.UTF-8");
        }
        if (!Files.exists(path)) {
            throw new SourceException("no such file: " + name);
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(name + " is a directory, not an image or a recording");
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(name + " is not a regular file (a pipe or a device); camlab reads image and "
                    + "recording files and stream URLs");
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("cannot read " + name + ": permission denied");
        }
        try {
            if (Files.size(path) == 0) {
                throw new SourceException(name + " is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new SourceException("cannot read " + name + ": " + e.getMessage());
        }
        if (isStill(path)) {
            return new StillImageSource(path, name);
        }
        return new FfmpegSource(path.toString(), name, SourceInfo.Kind.FILE, keyFramesOnly);
    }

    private static boolean isUrl(String spec) {
        return URL.matcher(spec).matches() && !spec.regionMatches(true, 0, "file://", 0, 7);
    }

    private static String stripFileScheme(String spec) {
        return spec.regionMatches(true, 0, "file://", 0, 7) ? spec.substring(7) : spec;
    }

    static boolean isStill(Path path) {
        Path file = path.getFileName();
        if (file == null) {
            return false;
        }
        String name = file.toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && STILLS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
