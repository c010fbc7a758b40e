package org.camlab.rooms;

import java.util.ArrayList;
import java.util.List;
import org.camlab.advice.Advisor;
import org.camlab.advice.Profile;
import org.camlab.advice.Requirement;
import org.camlab.report.RequirementReport;
import org.camlab.results.RequirementResult;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * The standard a room is held to: its own, else its site's, else camlab's bundled room standard —
 * a {@code --require} profile kept as JSON in the database, so that every survey machine judges a
 * room alike. Each measurement keeps its result per requirement.
 *
 * @param origin where it comes from, as the user is told: "the room's own", "site HQ's", "bundled"
 */
public record Standard(String name, String json, String origin, Profile profile) {
    /** A measurement's result: met or not, and each requirement's. */
    public record Result(boolean passed, String requirementsJson) {
    }

    public static Standard bundled(Advisor advisor) {
        String json = Profile.roomStandardJson();
        Profile p = Profile.parse(json, "the room standard", advisor);
        return new Standard(p.name(), json, "bundled", p);
    }

    /**
     * Reads a standard written by the user.
     *
     * @throws IllegalArgumentException one line for the user (what is wrong, and where)
     */
    public static Standard parse(String json, String where, String origin, Advisor advisor) {
        try {
            Profile p = Profile.parse(json, where, advisor);
            return new Standard(p.name(), json, origin, p);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith("--require: ") ? "standard: " + m.substring("--require: "
                    .length()) : m);
        }
    }

    /** The standard {@code room} is held to now. */
    public static Standard of(RoomStore store, Room room, Advisor advisor) throws StoreException {
        String own = store.roomStandard(room.name());
        if (own != null) {
            return parse(own, "room " + room.name() + "'s standard", "the room's own", advisor);
        }
        String site = store.siteStandard(room.site());
        if (site != null) {
            return parse(site, "site " + room.site() + "'s standard", "site " + room.site() + "'s", advisor);
        }
        return bundled(advisor);
    }

    public Result judge(SessionReport r, Verdict v) {
        List<RequirementResult> each = new ArrayList<>();
        for (Requirement q : profile.requirements()) {
            each.add(q.judge(r, v));
        }
        return new Result(each.stream().allMatch(RequirementResult::met), RequirementReport.json(each));
    }
}
