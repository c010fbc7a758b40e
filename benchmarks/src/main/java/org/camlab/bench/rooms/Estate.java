package org.camlab.bench.rooms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;

/**
 * The simulated estate the rooms benchmarks write and read: 500 rooms ("Room 001".."Room 500") on 10
 * sites, surveyed every 15 minutes by 5 survey machines of 100 rooms each (a room every ~9 s, so a
 * round takes ~15 minutes), each machine's survey restarted weekly (a new survey id).
 *
 * <p>Every value is a deterministic function of (room, 15-minute slot), so that the JMH write
 * benchmark, the bulk generator and the check that both roll up alike see the same content:
 *
 * <ul>
 *   <li>light level: the room's own (85–165 of 255), daylight through the windows, a dim 5 % of the
 *       rooms (underexposed), 20 % with their lights off at night;
 *   <li>backlight: measured only with a person in the picture (60 % of working hours, 8 % otherwise;
 *       NaN when nobody is there, as camlab stores it), the room's own 0.1–0.5 stops, plus for the
 *       west-facing quarter of the rooms an afternoon bump of up to 1.4 stops on sunny days (13–18 h
 *       local; sunnier in summer);
 *   <li>mtf50: the camera's own, 5 % of cameras soft (below 0.2), 5 % whose lens soils over the year;
 *   <li>fps: 30, or 25; 3 % of cameras drop to 15 fps 30 % of the time;
 *   <li>0.3 % failed captures (a timeout), and Room 137 offline for the last 21 days;
 *   <li>the top problem from the advice's rule ids (backlight, underexposed, soft-focus, low-fps,
 *       uneven-light, clipping, colour-cast), its {@link Fix}, the score, the bundled room standard's
 *       10 requirements each with its result (about 500 characters of JSON) and the whole report
 *       JSON: the one a real {@code camlab survey} stored for the demo recording, its figures
 *       replaced by these (2.0–2.6 KB).
 * </ul>
 */
public final class Estate {
    public static final int ROOMS = 500;
    public static final int SITES = 10;
    public static final int MACHINES = 5;
    public static final long SLOT_MS = 15 * 60_000L;
    public static final long DAY_MS = 86_400_000L;
    public static final String STANDARD = "camlab room standard 1";
    /** The room whose camera goes offline for the last {@link #OFFLINE_DAYS} days of a year. */
    public static final int OFFLINE_ROOM = 136;
    public static final int OFFLINE_DAYS = 21;

    private static final String[] SITE_NAMES = {"Berlin HQ", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart",
            "Leipzig", "Dresden", "Hanover", "Nuremberg"};

    /** One room's fixed traits. */
    static final class RoomModel {
        final int index;
        final String name;
        final Room room;
        final String sourceShown;
        final boolean west;
        final boolean windows;
        final double baseLight;
        final boolean lightsOffAtNight;
        final double baseBacklight;
        final double mtfBase;
        final double mtfDeclinePerYear;
        final boolean flakyFps;
        final double nominalFps;
        final String minorProblem;
        final double uniformity;
        final double sigma;
        final double castA;
        final double castB;

        RoomModel(int i) {
            SplittableRandom r = new SplittableRandom(0x5eed_0000L + i);
            index = i;
            name = String.format("Room %03d", i + 1);
            int site = i / (ROOMS / SITES);
            String host = String.format("cam-%03d.site%02d.example", i + 1, site + 1);
            sourceShown = "rtsp://" + host + "/stream1";
            room = new Room(name, SITE_NAMES[site], "Building " + (char) ('A' + (i % 3)), Integer.toString(1 + (i / 3)
                    % 6),
                    "rtsp://survey:s3cret@" + host + "/stream1");
            west = i % 4 == 1;
            windows = west || r.nextDouble() < 0.6;
            baseLight = i % 20 == 7 ? 52 + r.nextDouble() * 12 : 85 + r.nextDouble() * 80;
            lightsOffAtNight = i % 5 == 3;
            baseBacklight = 0.1 + r.nextDouble() * 0.4;
            mtfBase = i % 20 == 11 ? 0.14 + r.nextDouble() * 0.05 : 0.3 + r.nextDouble() * 0.15;
            mtfDeclinePerYear = i % 20 == 17 ? 0.2 : 0;
            flakyFps = i % 33 == 5;
            nominalFps = i % 7 == 2 ? 25 : 30;
            double m = r.nextDouble();
            minorProblem = m < 0.12 ? "colour-cast" : m < 0.22 ? "uneven-light" : null;
            uniformity = 0.02 + r.nextDouble() * 0.2;
            sigma = 0.05 + r.nextDouble() * 0.4;
            castA = -2 + r.nextDouble() * 4;
            castB = -3 + r.nextDouble() * 12;
        }
    }

    /** One measurement row, as the store keeps it (local day, hour and weekday included). */
    public static final class Row {
        public int room;
        public long takenAt;
        public String survey;
        public boolean ok;
        public String error;
        public int score;
        public double backlight;
        public double light;
        public double uniformity;
        public double fps;
        public double mtf50;
        public String topProblem;
        public Fix fix;
        public String standard;
        public int standardPass;
        public String requirements;
        public String report;
        public int localDay;
        public int localHour;
        public int weekday;

        public Measurement measurement() {
            return new Measurement(ROOM_MODELS[room].name, takenAt, survey, ok, error, score, backlight, light,
                    uniformity, fps,
                    mtf50, topProblem, fix, standard, standardPass, requirements, report);
        }
    }

    static final RoomModel[] ROOM_MODELS = new RoomModel[ROOMS];

    static {
        for (int i = 0; i < ROOMS; i++) {
            ROOM_MODELS[i] = new RoomModel(i);
        }
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    /** The epoch day (local) the year starts on: season and the lens soiling count from it. */
    private final long firstDay;
    private final long days;

    /**
     * @param firstDay the first local epoch day of the simulated period
     * @param days     its length (the offline room is offline for its last {@link #OFFLINE_DAYS})
     */
    public Estate(ZoneId zone, long firstDay, long days) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.firstDay = firstDay;
        this.days = days;
    }

    public static List<Room> rooms() {
        List<Room> out = new ArrayList<>();
        for (RoomModel m : ROOM_MODELS) {
            out.add(m.room);
        }
        return out;
    }

    public static String roomName(int i) {
        return ROOM_MODELS[i].name;
    }

    /** The survey machine surveying room {@code i}. */
    public static int machineOf(int i) {
        return i / (ROOMS / MACHINES);
    }

    /** The survey id of a machine's survey in the week of {@code epochMillis} (restarted every Monday, UTC). */
    public static String surveyId(int machine, long epochMillis) {
        long week = Math.floorDiv(Math.floorDiv(epochMillis, DAY_MS) + 3, 7);
        return UUID.nameUUIDFromBytes(("camlab-bench machine " + machine + " week " + week).getBytes()).toString();
    }

    /** When room {@code i} is measured in the slot starting at {@code slotStart}: its turn on its machine, plus jitter. */
    public static long takenAt(int i, long slotStart) {
        int turn = i % (ROOMS / MACHINES);
        return slotStart + turn * 8_900L + (mix(i, slotStart) & 1023);
    }

    /** The UTC millisecond at which local day {@code day} starts. */
    public long dayStart(long day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Fills {@code row} with room {@code i}'s measurement of the slot starting at {@code slotStart}. */
    public void fill(Row row, int i, long slotStart, String survey) {
        fill(row, i, slotStart, takenAt(i, slotStart), survey);
    }

    public void fill(Row row, int i, long slotStart, long takenAt, String survey) {
        RoomModel m = ROOM_MODELS[i];
        SplittableRandom rnd = new SplittableRandom(mix(i, slotStart));
        int offset = rules.getOffset(Instant.ofEpochMilli(takenAt)).getTotalSeconds();
        long localMillis = takenAt + offset * 1000L;
        long day = Math.floorDiv(localMillis, DAY_MS);
        long msOfDay = localMillis - day * DAY_MS;
        int hour = (int) (msOfDay / 3_600_000L);
        double hourF = msOfDay / 3_600_000.0;
        int weekday = (int) Math.floorMod(day + 3, 7) + 1;
        row.room = i;
        row.takenAt = takenAt;
        row.survey = survey;
        row.localDay = (int) day;
        row.localHour = hour;
        row.weekday = weekday;
        long dayOfPeriod = day - firstDay;
        boolean offline = i == OFFLINE_ROOM && dayOfPeriod >= days - OFFLINE_DAYS;
        if (offline || rnd.nextDouble() < 0.003) {
            row.ok = false;
            row.error = "cannot open " + m.sourceShown + ": Connection timed out (no answer in 10 s)";
            row.score = -1;
            row.backlight = Double.NaN;
            row.light = Double.NaN;
            row.uniformity = Double.NaN;
            row.fps = Double.NaN;
            row.mtf50 = Double.NaN;
            row.topProblem = null;
            row.fix = null;
            row.standard = null;
            row.standardPass = -1;
            row.requirements = null;
            row.report = null;
            return;
        }
        boolean work = weekday <= 5 && hour >= 8 && hour < 18;
        double season = Math.cos(2 * Math.PI * (LocalDate.ofEpochDay(day).getDayOfYear() - 172) / 365.0);
        int site = i / (ROOMS / SITES);
        boolean sunny = (new SplittableRandom(day * 131 + site).nextDouble()) < 0.4 + 0.25 * season;
        double daylight = hourF < 6 || hourF > 20 ? 0 : Math.sin(Math.PI * (hourF - 6) / 14) * (sunny ? 1 : 0.4);
        double afternoon = hourF < 13 || hourF > 18 ? 0 : Math.sin(Math.PI * (hourF - 13) / 5);
        boolean sunIn = m.west && sunny && afternoon > 0.3;

        double light = m.baseLight + (m.windows ? 28 * daylight : 0) + gauss(rnd) * 5;
        if (m.lightsOffAtNight && (hour < 6 || hour >= 21)) {
            light = 18 + 10 * daylight + gauss(rnd) * 3;
        }
        boolean face = rnd.nextDouble() < (work ? 0.6 : 0.08);
        double backlight = Double.NaN;
        if (face) {
            backlight = Math.max(0, m.baseBacklight + (m.west && sunny ? 1.4 * afternoon : 0) + gauss(rnd) * 0.08);
        }
        double mtf50 = Math.max(0.05, m.mtfBase - m.mtfDeclinePerYear * dayOfPeriod / 365.0 + gauss(rnd) * 0.01);
        double fps = m.flakyFps && rnd.nextDouble() < 0.3 ? 15 + gauss(rnd) * 0.2 : m.nominalFps + gauss(rnd) * 0.01;

        boolean backlit = face && backlight > 0.6;
        boolean dark = light < 60;
        boolean soft = mtf50 < 0.2;
        boolean slow = fps < 24;
        boolean uneven = "uneven-light".equals(m.minorProblem) && daylight > 0.5 && rnd.nextDouble() < 0.5;
        boolean clipped = sunIn && rnd.nextDouble() < 0.7;
        boolean cast = "colour-cast".equals(m.minorProblem) && rnd.nextDouble() < 0.6;
        String top = backlit ? "backlight" : dark ? "underexposed" : soft ? "soft-focus" : slow ? "low-fps"
                : uneven ? "uneven-light" : clipped ? "clipping" : cast ? "colour-cast" : null;
        double score = 100;
        if (backlit) {
            score -= Math.min(45, 10 + (backlight - 0.6) * 30);
        }
        if (dark) {
            score -= 30;
        }
        if (soft) {
            score -= 25;
        }
        if (slow) {
            score -= 15;
        }
        if (uneven) {
            score -= 10;
        }
        if (clipped) {
            score -= 8;
        }
        if (cast) {
            score -= 5;
        }
        score += gauss(rnd) * 2;
        boolean pass = !backlit && !dark && !soft && !slow && !uneven;

        row.ok = true;
        row.error = null;
        row.score = (int) Math.max(0, Math.min(100, Math.round(score)));
        row.backlight = backlight;
        row.light = light;
        row.uniformity = Math.max(0.005, m.uniformity + gauss(rnd) * 0.005);
        row.fps = fps;
        row.mtf50 = mtf50;
        row.topProblem = top;
        row.fix = Fix.forProblem(top);
        row.standard = STANDARD;
        row.standardPass = pass ? 1 : 0;
        row.requirements = requirements(backlit, backlight, dark, uneven, soft, slow, fps);
        row.report = report(m, row, takenAt, face, backlit, dark, soft, slow, uneven, clipped, cast, rnd);
    }

    private static String requirements(boolean backlit, double backlight, boolean dark, boolean uneven, boolean soft,
            boolean slow, double fps) {
        StringBuilder s = new StringBuilder(540);
        s.append("[{\"require\":\"backlight.ratioStops <= 0.6\",\"passed\":").append(!backlit).append(",\"value\":");
        if (Double.isNaN(backlight)) {
            s.append("null");
        } else {
            s.append(backlight);
        }
        s.append("},{\"require\":\"no underexposed\",\"passed\":").append(!dark)
                .append("},{\"require\":\"no overexposed\",\"passed\":true},{\"require\":\"no uneven-light\",\"passed\":")
                .append(!uneven)
                .append("},{\"require\":\"no side-light\",\"passed\":true},{\"require\":\"no upscaled\",\"passed\":true},"
                        + "{\"require\":\"no low-detail\",\"passed\":true},{\"require\":\"no soft-focus\",\"passed\":")
                .append(!soft)
                .append("},{\"require\":\"temporal.fpsMeasured >= 24\",\"passed\":").append(!slow).append(",\"value\":")
                .append(fps)
                .append("},{\"require\":\"no flicker\",\"passed\":true}]");
        return s.toString();
    }

    // The report: a real `camlab survey` report of the demo recording (2566 characters), cut where
    // this simulation puts its own figures. No piece holds a tab, a newline or a backslash, so the
    // rows need no escaping in PostgreSQL's COPY text format.
    private String report(RoomModel m, Row row, long takenAt, boolean face, boolean backlit, boolean dark, boolean soft,
            boolean slow, boolean uneven, boolean clipped, boolean cast, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(2800);
        s.append("{\"schema\":\"camlab.report/1\",\"camlabVersion\":\"0.1.0\",\"measuredAt\":\"");
        iso(s, takenAt + 4700);
        s.append("\",\"source\":{\"kind\":\"stream\",\"name\":\"").append(m.sourceShown)
                .append("\",\"width\":1920,\"height\":1080,\"fpsNominal\":").append(m.nominalFps)
                .append("},\"frames\":{\"analyzed\":8,\"decoded\":120,\"durationSec\":4.0,\"wallSec\":");
        num(s, 0.6 + rnd.nextDouble() * 0.2, 3);
        double clippedPct = clipped ? 4 + rnd.nextDouble() * 12 : rnd.nextDouble() * 1.5;
        s.append("},\"partial\":false,\"exposure\":{\"meanLuma\":");
        num(s, row.light, 1);
        s.append(",\"subjectLuma\":");
        num(s, row.light * (face ? 0.8 : 0.95), 1);
        s.append(",\"clippedHighlightsPct\":");
        num(s, clippedPct, 2);
        s.append(",\"clippedShadowsPct\":");
        num(s, dark ? 2 + rnd.nextDouble() * 5 : 0, 2);
        s.append(",\"surroundLuma\":");
        num(s, row.light * 1.04, 1);
        s.append(",\"surroundHighlightLuma\":254.0,\"clippedOnPersonPct\":");
        if (face) {
            num(s, rnd.nextDouble() * 4, 1);
        } else {
            s.append("null");
        }
        if (face) {
            double faceLuma = row.light * 0.75;
            s.append("},\"backlight\":{\"faceDetected\":true,\"ratioStops\":");
            num(s, row.backlight, 2);
            s.append(",\"sideLightStops\":");
            num(s, gauss(rnd) * 0.2, 2);
            s.append(",\"faceLuma\":");
            num(s, faceLuma, 1);
            s.append(",\"faceCrushedPct\":0.0,\"backgroundLuma\":");
            num(s, Math.min(254, faceLuma * Math.pow(2, row.backlight)), 1);
            s.append(",\"backgroundClippedPct\":");
            num(s, clippedPct * 2.5, 2);
        } else {
            s.append(
                    "},\"backlight\":{\"faceDetected\":false,\"ratioStops\":null,\"sideLightStops\":null,\"faceLuma\":null,"
                            + "\"faceCrushedPct\":null,\"backgroundLuma\":null,\"backgroundClippedPct\":null");
        }
        s.append("},\"uniformity\":{\"cornerFalloffStops\":");
        num(s, 0.6 + m.uniformity * 3, 2);
        s.append(",\"leftRightStops\":");
        num(s, uneven ? 1.6 + rnd.nextDouble() : 0.2 + rnd.nextDouble() * 0.6, 2);
        s.append(",\"minMaxRatio\":");
        num(s, row.uniformity, 3);
        int sharp = (int) Math.min(100, Math.round(row.mtf50 * 240));
        s.append("},\"sharpness\":{\"laplacianVariance\":");
        num(s, row.mtf50 * 230, 1);
        s.append(",\"tenengrad\":");
        num(s, row.mtf50 * 6300, 1);
        s.append(",\"score\":").append(sharp).append(",\"edgeWidthPx\":");
        num(s, 0.17 / row.mtf50, 2);
        s.append("},\"noise\":{\"sigma\":");
        num(s, m.sigma * (dark ? 3 : 1), 2);
        s.append("},\"color\":{\"castA\":");
        num(s, m.castA, 1);
        s.append(",\"castB\":");
        num(s, m.castB + (cast ? 6 : 0), 1);
        s.append(",\"highlightCastA\":0.3,\"highlightCastB\":");
        num(s, m.castB * 1.2, 1);
        s.append(",\"leftRightCastB\":-1.0,\"cctKelvin\":").append(cast ? 3100 : 5282);
        s.append("},\"resolution\":{\"mtf50\":");
        num(s, row.mtf50, 3);
        s.append(",\"mtf50LwPh\":").append(Math.round(row.mtf50 * 1440)).append(",\"mtfNyquist\":");
        num(s, row.mtf50 * 0.86, 3);
        s.append(MTF_CURVE);
        s.append("},\"temporal\":{\"fpsMeasured\":");
        num(s, row.fps, 1);
        s.append(",\"jitterMs\":");
        num(s, rnd.nextDouble() * 3, 1);
        s.append(",\"droppedFrames\":").append(slow ? 12 : 0)
                .append(",\"frozenFrames\":0,\"longestFreezeSec\":0.0,\"flickerHz\":null,\"flickerPct\":null,"
                        + "\"exposureHuntingPct\":null,\"exposureHuntingHz\":null},\"framing\":");
        if (face) {
            s.append("{\"faceHeightPct\":");
            num(s, 18 + rnd.nextDouble() * 15, 1);
            s.append(",\"eyeLinePct\":");
            num(s, 30 + rnd.nextDouble() * 10, 1);
            s.append(",\"offCentrePct\":");
            num(s, rnd.nextDouble() * 8, 1);
            s.append('}');
        } else {
            s.append("{\"faceHeightPct\":null,\"eyeLinePct\":null,\"offCentrePct\":null}");
        }
        int lighting = Math.max(0, 100 - (backlit ? 37 : 0) - (dark ? 30 : 0) - (uneven ? 10 : 0) - (clipped ? 8 : 0));
        s.append(",\"score\":").append(row.score).append(",\"scores\":{\"lighting\":").append(lighting)
                .append(",\"sharpness\":").append(soft ? 60 : 100).append(",\"noise\":100,\"colour\":").append(cast ? 80
                        : 100)
                .append(",\"motion\":").append(slow ? 70 : 100).append(",\"framing\":100},\"recommendations\":[");
        int n = 0;
        if (backlit) {
            n = recommendation(s, n, "backlight", "high", "Bright light behind you", "The area behind you is "
                    + fixed1(row.backlight)
                    + " stops brighter than your face. Turn so the window is beside you, close the blind, "
                    + "or add a light in front of you, slightly above eye level and about 45° to the side.",
                    "backlight.ratioStops", row.backlight, 0.6);
        }
        if (dark) {
            n = recommendation(s, n, "underexposed", "high", "Too dark",
                    "The room is dim: even its brightest surfaces reach only "
                            + Math.round(row.light * 1.6) + " of 255 (the scene around you averages " + Math.round(
                                    row.light) + "). Add light "
                            + "in front of you: a lamp behind the screen, aimed at your face, or open the blinds in front of you.",
                    "exposure.meanLuma", row.light, 60);
        }
        if (soft) {
            n = recommendation(s, n, "soft-focus", "medium", "Soft picture", "Sharpness " + sharp + "/100: edges are "
                    + fixed1(0.17 / row.mtf50)
                    + " px wide. Clean the lens with a soft cloth; if it stays soft, check the focus "
                    + "(or autofocus) and that you are not closer than the lens can focus.", "resolution.mtf50",
                    row.mtf50, 0.2);
        }
        if (slow) {
            n = recommendation(s, n, "low-fps", "medium", "Low frame rate", "The picture arrives at " + Math.round(
                    row.fps)
                    + " fps of the camera's " + Math.round(m.nominalFps)
                    + ": the camera, its cable or the computer does not keep up.",
                    "temporal.fpsMeasured", row.fps, 24);
        }
        if (uneven) {
            n = recommendation(s, n, "uneven-light", "medium", "One side of the room is much brighter",
                    "The left third of the "
                            + "picture (as seen in it) is 1.8 stops brighter than the right: a window or a lamp on that side lights the room.",
                    "uniformity.leftRightStops", 1.8, 1.5);
        }
        if (clipped) {
            n = recommendation(s, n, "clipping", "medium", "Blown-out highlights", fixed1(clippedPct)
                    + " % of the picture is "
                    + "pure white, around you rather than on you: a window, a lamp or a sunlit wall. Keep windows and bright lamps "
                    + "out of view, or close the blind.", "exposure.clippedHighlightsPct", clippedPct, 2);
        }
        if (cast) {
            n = recommendation(s, n, "colour-cast", "low", "Colour cast: warm",
                    "White and light-grey surfaces come out warm "
                            + "(a* 1.4, b* 13.7). Warm lamps are fighting the camera's white balance: use neutral-white (4000–5000 K) bulbs "
                            + "or set white balance.", "color.castB", 13.7, 10);
        }
        s.append("],\"faceDetector\":\"blazeface\"}");
        return s.toString();
    }

    private static final String MTF_CURVE = ",\"mtf50Centre\":null,\"mtf50Corners\":null,\"edgesMeasured\":4,\"upscaleFactor\":1.0,"
            + "\"interpolated\":false,\"mtfCurve\":[1.0,0.999,0.994,0.988,0.979,0.969,0.957,0.944,0.931,0.916,0.899,0.881,"
            + "0.862,0.843,0.822,0.802,0.779,0.754,0.728,0.7,0.672,0.644,0.616,0.589,0.561,0.533,0.505,0.478,0.451,0.426,"
            + "0.401,0.377,0.355,0.333,0.313,0.296,0.279,0.261,0.243,0.225,0.208,0.193,0.179,0.166,0.152,0.137,0.123,0.114,"
            + "0.104,0.096,0.085,0.081,0.095,0.106,0.112,0.117,0.124,0.14,0.144,0.146,0.148,0.152,0.161,0.178,0.19]";

    private static int recommendation(StringBuilder s, int n, String id, String severity, String title, String detail,
            String metric, double value, double threshold) {
        if (n > 0) {
            s.append(',');
        }
        s.append("{\"id\":\"").append(id).append("\",\"severity\":\"").append(severity).append("\",\"title\":\"")
                .append(title)
                .append("\",\"detail\":\"").append(detail).append("\",\"metric\":\"").append(metric).append(
                        "\",\"value\":");
        num(s, value, 3);
        s.append(",\"threshold\":");
        num(s, threshold, 1);
        s.append('}');
        return n + 1;
    }

    private static String fixed1(double v) {
        StringBuilder s = new StringBuilder(8);
        num(s, v, 1);
        return s.toString();
    }

    /** {@code v} rounded to {@code decimals}, as Jackson writes such a double: no trailing zeros, at least one decimal. */
    static void num(StringBuilder s, double v, int decimals) {
        long scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long x = Math.round(v * scale);
        if (x < 0) {
            s.append('-');
            x = -x;
        }
        long whole = x / scale;
        long frac = x % scale;
        s.append(whole).append('.');
        if (frac == 0) {
            s.append('0');
            return;
        }
        int d = decimals;
        while (frac % 10 == 0) {
            frac /= 10;
            d--;
        }
        String f = Long.toString(frac);
        for (int k = f.length(); k < d; k++) {
            s.append('0');
        }
        s.append(f);
    }

    /** ISO-8601 instant with milliseconds, UTC ("2026-03-04T10:15:07.123Z"). */
    static void iso(StringBuilder s, long millis) {
        long day = Math.floorDiv(millis, DAY_MS);
        long ms = millis - day * DAY_MS;
        s.append(LocalDate.ofEpochDay(day)).append('T');
        two(s, (int) (ms / 3_600_000));
        s.append(':');
        two(s, (int) (ms / 60_000 % 60));
        s.append(':');
        two(s, (int) (ms / 1000 % 60));
        s.append('.');
        int milli = (int) (ms % 1000);
        if (milli < 100) {
            s.append('0');
        }
        if (milli < 10) {
            s.append('0');
        }
        s.append(milli).append('Z');
    }

    private static void two(StringBuilder s, int v) {
        if (v < 10) {
            s.append('0');
        }
        s.append(v);
    }

    private static double gauss(SplittableRandom r) {
        // sum of three uniforms, scaled to unit variance: cheap and bounded
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2;
    }

    static long mix(int i, long slot) {
        long z = slot * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
