package org.camlab.rooms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every room over a period, from the hourly rollups (never the raw rows: a year of 500 rooms is
 * 17.5 million of them): ranked by need — the share of measurements below the standard, then the
 * mean score — each with its worst problem, the hours it fails, its trend, its place against the
 * fleet's median, and the fix it asks for now (its latest measurement's, not its worst problem's).
 */
public final class Fleet {
    /** Hours × weekdays of one room: means, NaN where nothing was measured. [weekday 0 = Monday][hour] */
    public record Heat(double[][] score, double[][] backlight, double[][] passShare) {
        static Heat empty() {
            return new Heat(nan(), nan(), nan());
        }

        private static double[][] nan() {
            double[][] a = new double[7][24];
            for (double[] row : a) {
                Arrays.fill(row, Double.NaN);
            }
            return a;
        }

        /** Per hour over all weekdays: [0] score, [1] backlight, [2] share meeting the standard. */
        public double[][] byHour() {
            double[][] out = new double[3][24];
            for (int h = 0; h < 24; h++) {
                out[0][h] = meanOver(score, h);
                out[1][h] = meanOver(backlight, h);
                out[2][h] = meanOver(passShare, h);
            }
            return out;
        }

        private static double meanOver(double[][] a, int h) {
            double s = 0;
            int n = 0;
            for (double[] day : a) {
                if (!Double.isNaN(day[h])) {
                    s += day[h];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }
    }

    /**
     * @param needShare    share of judged measurements below the standard (0–1), NaN if none judged
     * @param weekly       mean score per week from the period's first (Monday-based) week, NaN where none
     * @param meetsSince   when the room has met its standard since (ms), -1 when its latest measurement fails,
     *                     0 when it has met it in every measurement of the period
     * @param failingHours hours of the day (0–23) where under half of the measurements meet the standard
     * @param worstProblem the most frequent top problem over the period
     * @param fix          what the room's latest successful measurement in the period asks for; null when
     *                     that measurement meets its standard or has no problem
     */
    public record RoomSummary(String room, String site, int measurements, int failedCaptures, double meanScore,
            double meanBacklight, double meanLight, int judged, int passed, double needShare,
            String worstProblem, Fix fix, List<Integer> failingHours, double[] weekly, double trend,
            long meetsSince, Heat heat) {
        public double vsMedian(double median) {
            return meanScore - median;
        }
    }

    private final List<RoomSummary> rooms;
    private final double medianScore;
    private final double[] fleetWeekly;
    private final int firstWeek;
    private final Map<Fix, Integer> fixCounts;
    private final long fromDay;
    private final long toDay;

    private Fleet(List<RoomSummary> rooms, double medianScore, double[] fleetWeekly, int firstWeek,
            Map<Fix, Integer> fixCounts,
            long fromDay, long toDay) {
        this.rooms = rooms;
        this.medianScore = medianScore;
        this.fleetWeekly = fleetWeekly;
        this.firstWeek = firstWeek;
        this.fixCounts = fixCounts;
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    /** Worst first. */
    public List<RoomSummary> rooms() {
        return rooms;
    }

    public double medianScore() {
        return medianScore;
    }

    /** The fleet's mean score per week, from {@link #firstWeekStartDay()}. */
    public double[] fleetWeekly() {
        return fleetWeekly;
    }

    /** The epoch day (a Monday) the first week starts on. */
    public long firstWeekStartDay() {
        return firstWeek * 7L - 3;
    }

    /** Rooms whose latest measurement asks for each kind of fix. */
    public Map<Fix, Integer> fixCounts() {
        return fixCounts;
    }

    public long fromDay() {
        return fromDay;
    }

    public long toDay() {
        return toDay;
    }

    /** Monday-based weeks: epoch day 0 was a Thursday. */
    static int week(long day) {
        return (int) Math.floorDiv(day + 3, 7);
    }

    /**
     * Reads the fleet from {@code fromDay} (inclusive) to {@code toDay} (exclusive), local epoch days.
     */
    public static Fleet read(RoomStore store, long fromDay, long toDay) throws StoreException {
        return read(store, fromDay, toDay, null);
    }

    /** The fleet of one site (its stored spelling, matched in any case): its rooms, its median, its weeks. */
    public static Fleet read(RoomStore store, long fromDay, long toDay, String site) throws StoreException {
        Connection c = store.connection();
        try {
            // the weeks charted are those measured: a --since far back costs nothing
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT MIN(day), MAX(day) FROM room_hour WHERE day >= ? AND day < ?")) {
                p.setLong(1, fromDay);
                p.setLong(2, toDay);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    if (!rs.wasNull()) {
                        fromDay = first;
                        toDay = rs.getLong(2) + 1;
                    }
                }
            }
            Map<String, String> sites = new HashMap<>();
            for (Room r : store.rooms()) {
                sites.put(r.name(), r.site());
            }
            // one scan for the heat maps and the rooms' totals (their sums over the cells): each scan
            // of the year's 4.4 M rollup rows costs 0.6 s on PostgreSQL, 1.3 s on SQLite (benchmarks/RESULTS.md)
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, double[]> sums = new HashMap<>();
            Map<String, Heat> heats = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT room, weekday, hour, SUM(scored), SUM(score_sum), SUM(backlight_n), "
                            + "SUM(backlight_sum), SUM(judged), SUM(passed), SUM(n), SUM(failed), SUM(light_n), SUM(light_sum) FROM room_hour "
                            + "WHERE day >= ? AND day < ? GROUP BY room, weekday, hour")) {
                p.setLong(1, fromDay);
                p.setLong(2, toDay);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String room = rs.getString(1);
                        Heat h = heats.computeIfAbsent(room, k -> Heat.empty());
                        int wd = rs.getInt(2) - 1;
                        int hour = rs.getInt(3);
                        h.score()[wd][hour] = mean(rs.getDouble(5), rs.getLong(4));
                        h.backlight()[wd][hour] = mean(rs.getDouble(7), rs.getLong(6));
                        h.passShare()[wd][hour] = mean(rs.getLong(9), rs.getLong(8));
                        // n, failed, scored, backlight_n, light_n, judged, passed
                        long[] k = counts.computeIfAbsent(room, x -> new long[7]);
                        k[0] += rs.getLong(10);
                        k[1] += rs.getLong(11);
                        k[2] += rs.getLong(4);
                        k[3] += rs.getLong(6);
                        k[4] += rs.getLong(12);
                        k[5] += rs.getLong(8);
                        k[6] += rs.getLong(9);
                        double[] sum = sums.computeIfAbsent(room, x -> new double[3]);
                        sum[0] += rs.getDouble(5);
                        sum[1] += rs.getDouble(7);
                        sum[2] += rs.getDouble(13);
                    }
                }
            }
            int firstWeek = week(fromDay);
            int weeks = week(toDay - 1) - firstWeek + 1;
            Map<String, double[]> weekly = new HashMap<>();
            double[] fleetSum = new double[weeks];
            long[] fleetN = new long[weeks];
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT room, day, SUM(scored), SUM(score_sum) FROM room_hour "
                            + "WHERE day >= ? AND day < ? GROUP BY room, day")) {
                p.setLong(1, fromDay);
                p.setLong(2, toDay);
                Map<String, double[][]> acc = new HashMap<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if (site != null && !site.equalsIgnoreCase(sites.get(rs.getString(1)))) {
                            continue;
                        }
                        int w = week(rs.getLong(2)) - firstWeek;
                        double[][] a = acc.computeIfAbsent(rs.getString(1), k -> new double[2][weeks]);
                        a[0][w] += rs.getDouble(4);
                        a[1][w] += rs.getLong(3);
                        fleetSum[w] += rs.getDouble(4);
                        fleetN[w] += rs.getLong(3);
                    }
                }
                acc.forEach((room, a) -> {
                    double[] m = new double[weeks];
                    for (int w = 0; w < weeks; w++) {
                        m[w] = mean(a[0][w], (long) a[1][w]);
                    }
                    weekly.put(room, m);
                });
            }
            double[] fleetWeekly = new double[weeks];
            for (int w = 0; w < weeks; w++) {
                fleetWeekly[w] = mean(fleetSum[w], fleetN[w]);
            }
            Map<String, String> worst = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT room, problem, SUM(n) FROM room_problem_day WHERE day >= ? AND day < ? "
                            + "GROUP BY room, problem")) {
                p.setLong(1, fromDay);
                p.setLong(2, toDay);
                Map<String, Long> best = new HashMap<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(3);
                        String room = rs.getString(1);
                        String problem = rs.getString(2);
                        Long had = best.get(room);
                        if (had == null || n > had || (n == had && problem.compareTo(worst.get(room)) < 0)) {
                            best.put(room, n);
                            worst.put(room, problem);
                        }
                    }
                }
            }
            Map<String, Long> lastFailDay = new HashMap<>();
            // within the period: over all history this scan grew with every year kept (benchmarks/RESULTS.md)
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT room, MAX(day) FROM room_hour WHERE judged > passed AND day >= ? "
                            + "AND day < ? GROUP BY room")) {
                p.setLong(1, fromDay);
                p.setLong(2, toDay);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        lastFailDay.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            List<RoomSummary> out = new ArrayList<>();
            Map<Fix, Integer> fixes = new EnumMap<>(Fix.class);
            for (var e : counts.entrySet()) {
                String room = e.getKey();
                if (site != null && !site.equalsIgnoreCase(sites.get(room))) {
                    continue;
                }
                long[] k = e.getValue();
                double[] s = sums.get(room);
                Heat heat = heats.getOrDefault(room, Heat.empty());
                String problem = worst.get(room);
                Fix fix = fixNow(c, room, fromDay, toDay);
                if (fix != null) {
                    fixes.merge(fix, 1, Integer::sum);
                }
                double[] w = weekly.getOrDefault(room, new double[weeks]);
                out.add(new RoomSummary(room, sites.get(room), (int) k[0], (int) k[1], mean(s[0], k[2]), mean(s[1],
                        k[3]),
                        mean(s[2], k[4]), (int) k[5], (int) k[6], k[5] == 0 ? Double.NaN : 1 - (double) k[6] / k[5],
                        problem, fix,
                        failingHours(heat), w, trend(w), meetsSince(c, room, lastFailDay.get(room)), heat));
            }
            out.sort(Comparator.comparingDouble((RoomSummary r) -> Double.isNaN(r.needShare()) ? -1 : r.needShare())
                    .reversed()
                    .thenComparingDouble(r -> Double.isNaN(r.meanScore()) ? Double.MAX_VALUE : r.meanScore())
                    .thenComparing(RoomSummary::room));
            double[] means = out.stream().mapToDouble(RoomSummary::meanScore).filter(x -> !Double.isNaN(x)).sorted()
                    .toArray();
            double median = means.length == 0 ? Double.NaN : means.length % 2 == 1 ? means[means.length / 2]
                    : (means[means.length / 2 - 1] + means[means.length / 2]) / 2;
            return new Fleet(List.copyOf(out), median, fleetWeekly, firstWeek, fixes, fromDay, toDay);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history: " + StoreFailure.words(e), e);
        }
    }

    /** Hours where fewer than half of the measurements met the standard. */
    static List<Integer> failingHours(Heat heat) {
        double[] pass = heat.byHour()[2];
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(pass[h]) && pass[h] < 0.5) {
                out.add(h);
            }
        }
        return out;
    }

    /** "14–16 h, 9 h": runs of hours. */
    public static String hours(List<Integer> hours) {
        if (hours.isEmpty()) {
            return "";
        }
        TreeMap<Integer, Integer> runs = new TreeMap<>();
        int start = hours.get(0);
        int prev = start;
        for (int i = 1; i <= hours.size(); i++) {
            if (i == hours.size() || hours.get(i) != prev + 1) {
                runs.put(start, prev);
                if (i < hours.size()) {
                    start = hours.get(i);
                }
            }
            if (i < hours.size()) {
                prev = hours.get(i);
            }
        }
        List<String> parts = new ArrayList<>();
        runs.forEach((a, b) -> parts.add(a.equals(b) ? String.format("%02d:00–%02d:00", a, a + 1)
                : String.format("%02d:00–%02d:00", a, b + 1)));
        return String.join(", ", parts);
    }

    /** Last week's mean score minus the first week's (of the weeks measured); NaN with fewer than two. */
    static double trend(double[] weekly) {
        int first = -1;
        int last = -1;
        for (int w = 0; w < weekly.length; w++) {
            if (!Double.isNaN(weekly[w])) {
                if (first < 0) {
                    first = w;
                }
                last = w;
            }
        }
        return first < 0 || first == last ? Double.NaN : weekly[last] - weekly[first];
    }

    /**
     * What the room's latest successful measurement in the period asks for: none when it meets its
     * standard. The period's most frequent problem is history; a room that meets its standard since
     * this morning needs nothing done.
     */
    private static Fix fixNow(Connection c, String room, long fromDay, long toDay) throws SQLException {
        // bounded by time as well as by day, as in meetsSince: the key is (room, taken_at)
        try (PreparedStatement p = c.prepareStatement(
                "SELECT fix, top_problem, standard_pass FROM measurement WHERE room = ? AND taken_at >= ? "
                        + "AND taken_at < ? AND local_day >= ? AND local_day < ? AND ok = 1 "
                        + "ORDER BY taken_at DESC LIMIT 1")) {
            p.setString(1, room);
            p.setLong(2, (fromDay - 1) * DAY_MS);
            p.setLong(3, (toDay + 1) * DAY_MS);
            p.setLong(4, fromDay);
            p.setLong(5, toDay);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Fix fix = Fix.parse(rs.getString(1));
                String problem = rs.getString(2);
                int pass = rs.getInt(3);
                if (!rs.wasNull() && pass == 1) {
                    return null;
                }
                return fix != null ? fix : Fix.forProblem(problem);
            }
        }
    }

    private static long meetsSince(Connection c, String room, Long lastFailDay) throws SQLException {
        if (lastFailDay == null) {
            return 0;
        }
        long lastFail;
        // bounded by time as well as by day: the key is (room, taken_at), and a local day lies within a
        // day of the UTC one
        try (PreparedStatement p = c.prepareStatement(
                "SELECT MAX(taken_at) FROM measurement WHERE room = ? AND taken_at >= ? "
                        + "AND taken_at < ? AND local_day = ? AND standard_pass = 0")) {
            p.setString(1, room);
            p.setLong(2, (lastFailDay - 1) * DAY_MS);
            p.setLong(3, (lastFailDay + 2) * DAY_MS);
            p.setLong(4, lastFailDay);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                lastFail = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT MIN(taken_at) FROM measurement WHERE room = ? AND taken_at > ? "
                        + "AND standard_pass = 1")) {
            p.setString(1, room);
            p.setLong(2, lastFail);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long since = rs.getLong(1);
                return rs.wasNull() ? -1 : since;
            }
        }
    }

    private static final long DAY_MS = 86_400_000L;

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }
}
