package org.camlab.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Opens a source named on the command line: a still, a recording, or a stream URL. */
public final class Sources {
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Set<String> STILLS =
            Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp", "tif", "tiff", "pgm", "ppm", "pnm", "jp2");

    private Sources() {
    }

    public static FrameSource open(String spec) throws SourceException {
        if (URL.matcher(spec).matches() && !spec.regionMatches(true, 0, "file://", 0, 7)) {
            return new FfmpegSource(spec, SourceInfo.Kind.STREAM);
        }
        Path path = Path.of(spec.regionMatches(true, 0, "file://", 0, 7) ? spec.substring(7) : spec);
        if (!Files.exists(path)) {
            throw new SourceException("no such file: " + spec);
        }
        if (Files.isDirectory(path)) {
            throw new SourceException(spec + " is a directory, not an image or a recording");
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("cannot read " + spec + ": permission denied");
        }
        try {
            if (Files.size(path) == 0) {
                throw new SourceException(spec + " is empty (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new SourceException("cannot read " + spec + ": " + e.getMessage());
        }
        if (isStill(path)) {
            return new StillImageSource(path);
        }
        return new FfmpegSource(path.toString(), SourceInfo.Kind.FILE);
    }

    static boolean isStill(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && STILLS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
