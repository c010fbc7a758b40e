package org.camlab.advice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named set of requirements, as {@code --require PROFILE} takes it: a JSON file, or
 * {@code default}, every rule of the table. An entry either names a rule of the table — its metric,
 * threshold and source are then the rule's, written nowhere else — or writes its own bound:
 *
 * <pre>{
 *   "profile": "meeting rooms, site B",
 *   "requirements": [
 *     {"rule": "backlight"},
 *     {"rule": "upscaled", "op": "<="},
 *     {"rule": "flicker", "op": "<=", "absent": "pass"},
 *     {"require": "score>=70", "source": "site B's own bar"}
 *   ]
 * }</pre>
 *
 * {@code "absent": "pass"} lets a number that could not be measured pass (no flicker found is
 * null); by default it fails.
 */
public record Profile(String name, List<Requirement> requirements) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> BUNDLED = List.of("default", "room");
    /** The name {@code --require} and the rooms know the bundled room standard by. */
    public static final String ROOM_STANDARD = "room";

    /** Whether {@code arg} of {@code --require} names a profile (a bundled name or a .json file) rather than an expression. */
    public static boolean isProfile(String arg) {
        return BUNDLED.contains(arg) || arg.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** @throws IllegalArgumentException with one line for the user */
    public static Profile load(String arg, Advisor advisor) {
        if (arg.equals("default")) {
            return defaultOf(advisor);
        }
        if (arg.equals(ROOM_STANDARD)) {
            return parse(roomStandardJson(), "the room standard", advisor);
        }
        Path file = Path.of(arg);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--require: no profile file " + arg + " (bundled: " + String.join(", ",
                    BUNDLED) + ")");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), arg, advisor);
        } catch (IOException e) {
            throw new IllegalArgumentException("--require: cannot read " + arg + ": " + e.getMessage());
        }
    }

    /** {@code default}: every rule of the table finds nothing, each with its own threshold and source. */
    public static Profile defaultOf(Advisor advisor) {
        List<Requirement> out = new ArrayList<>();
        for (Rule<?> r : advisor.rules()) {
            out.add(Requirement.noneFoundBy(r));
        }
        return new Profile("default (every rule of the table finds nothing)", List.copyOf(out));
    }

    /** The bundled room standard, as JSON: the text a room or a site may replace. */
    public static String roomStandardJson() {
        try (var in = Profile.class.getResourceAsStream("room-standard.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundled room standard is missing from camlab's jar", e);
        }
    }

    /** @param where how the user names the text, in messages */
    public static Profile parse(String json, String where, Advisor advisor) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("--require: " + where + " is not valid JSON (" + m + ")");
        }
        if (root == null || !root.isObject() || !root.path("requirements").isArray() || root.path("requirements")
                .isEmpty()) {
            throw new IllegalArgumentException("--require: " + where
                    + " needs a \"requirements\" list (see docs/CONTRACT.md, "
                    + "Requirements)");
        }
        List<Requirement> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root.path("requirements")) {
            i++;
            String at = where + ", requirement " + i;
            boolean absentPasses = "pass".equals(e.path("absent").asText("fail"));
            if (e.has("absent") && !List.of("pass", "fail").contains(e.path("absent").asText())) {
                throw new IllegalArgumentException("--require: " + at + ": \"absent\" is \"pass\" or \"fail\"");
            }
            if (e.hasNonNull("rule")) {
                String id = e.path("rule").asText();
                Rule<?> rule = advisor.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("--require: " + at + ": no rule '" + id
                                + "' ('camlab explain' lists them)"));
                if (!e.has("op")) {
                    out.add(Requirement.noneFoundBy(rule));
                    continue;
                }
                String op = e.path("op").asText("");
                if (!List.of("<", "<=", ">", ">=").contains(op)) {
                    throw new IllegalArgumentException("--require: " + at + ": \"op\" is one of <, <=, >, >=");
                }
                if (rule.metrics().size() != 1) {
                    throw new IllegalArgumentException("--require: " + at + ": rule '" + id
                            + "' has no single metric to "
                            + "hold a bound on");
                }
                out.add(Requirement.bound(rule.metric(), op, rule.threshold()).withSource(rule.source(), absentPasses));
            } else if (e.hasNonNull("require")) {
                Requirement r = Requirement.parse(e.path("require").asText());
                out.add(r.withSource(e.path("source").asText(""), absentPasses));
            } else {
                throw new IllegalArgumentException("--require: " + at + " names neither a \"rule\" nor a \"require\"");
            }
        }
        return new Profile(root.path("profile").asText(where), List.copyOf(out));
    }
}
