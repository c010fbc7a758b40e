package org.camlab.rooms;

import java.util.Locale;
import java.util.Set;
import org.camlab.report.Terms;
import org.camlab.text.Language;

/**
 * What a room's problem asks the budget for. The fleet report counts rooms by it: a lamp or a blind
 * costs less than a camera, and a camera moved costs nothing.
 */
public enum Fix {
    /** backlight, dim or harsh light, colour of the light, flicker: lamps, blinds, bulbs */
    LIGHTING,
    /** soft or enlarged picture, too few frames, a picture that stutters: clean, refocus or replace the camera */
    CAMERA,
    /** framing: move or aim the camera */
    PLACEMENT;

    private static final Set<String> LIGHTING_RULES = Set.of("backlight", "underexposed", "overexposed", "clipping",
            "low-light-noise", "colour-cast", "mixed-light", "side-light", "uneven-light", "flicker",
            "exposure-hunting");
    private static final Set<String> PLACEMENT_RULES = Set.of("framing");

    /** The fix for a rule of the advice table; null for none. */
    public static Fix forProblem(String ruleId) {
        if (ruleId == null) {
            return null;
        }
        if (LIGHTING_RULES.contains(ruleId)) {
            return LIGHTING;
        }
        return PLACEMENT_RULES.contains(ruleId) ? PLACEMENT : CAMERA;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Fix parse(String id) {
        return id == null ? null : valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** How the fleet report says it: what the budget pays for. */
    public String words(Terms t) {
        return t.get("fix." + id());
    }

    /** The fix in a table's column: its id in English (as the CSV has it), a short word in another language. */
    public String shown(Terms t) {
        return t.language() == Language.ENGLISH ? id() : t.get("fix.short." + id());
    }
}
