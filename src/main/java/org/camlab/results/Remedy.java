package org.camlab.results;

import java.util.Locale;
import java.util.Set;

/**
 * What a recommendation asks a person to change: the light, the camera, where it stands, or the
 * computer and its connection. A lamp or a blind costs less than a camera, so every chart of the
 * advice tells them apart.
 */
public enum Remedy {
    /** lamps, blinds, bulbs: backlight, dim or harsh light, the light's colour, flicker */
    LIGHTING,
    /** clean, refocus, another mode, or another camera: a soft or enlarged picture, grain in good light */
    CAMERA,
    /** move or aim the camera: framing */
    PLACEMENT,
    /** the computer, the cable, the network: frames lost on the way, a picture that stutters */
    COMPUTER;

    private static final Set<String> LIGHTING_RULES = Set.of("backlight", "underexposed", "overexposed", "clipping",
            "colour-cast", "mixed-light", "side-light", "uneven-light", "flicker", "exposure-hunting");

    /**
     * The remedy the advisor chose: two rules advise the light or the camera by what they found, and
     * say which by their words (grain in good light is the camera's sensor, in a dim room the light's;
     * a rate that falls in a dim room is the light's, a slow mode the camera's, a rate that falls in
     * good light the computer's or the cable's).
     */
    public static Remedy of(Recommendation r) {
        String metric = r.metric() == null ? "" : r.metric();
        if (metric.startsWith("readiness.")) {
            return metric.startsWith("readiness.camera.") ? CAMERA : COMPUTER;
        }
        return switch (r.id()) {
            case "low-light-noise" -> r.title().key().equals("advice.low-light-noise.camera.title") ? CAMERA : LIGHTING;
            case "low-fps" -> switch (r.detail().key()) {
                case "advice.low-fps.dim" -> LIGHTING;
                case "advice.low-fps.slowed" -> COMPUTER;
                default -> CAMERA;
            };
            case "framing" -> PLACEMENT;
            case "dropped-frames", "frozen-picture" -> COMPUTER;
            default -> LIGHTING_RULES.contains(r.id()) ? LIGHTING : CAMERA;
        };
    }

    /** The key of its words ({@code remedy.lighting}) and its JSON-style name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
