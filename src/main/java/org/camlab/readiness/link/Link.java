package org.camlab.readiness.link;

/**
 * The network link that carries this computer's traffic to the internet, as far as the system tells.
 *
 * @param iface        the interface of the default route ({@code null}: no network, or the system does not say)
 * @param kind         cable, Wi-Fi, tunnel, none or unknown
 * @param frequencyMhz Wi-Fi channel frequency (NaN: not Wi-Fi, or not told)
 * @param band         Wi-Fi band from the frequency
 * @param signalDbm    Wi-Fi signal strength (NaN: not told)
 * @param rateMbps     link rate: a cable's negotiated speed, Wi-Fi's transmit bit rate (NaN: not told)
 * @param source       where these facts came from, for the report, e.g. {@code "/proc/net/route, iw"}
 */
public record Link(String iface, Kind kind, double frequencyMhz, Band band, double signalDbm, double rateMbps,
        String source) {

    public Link {
        kind = kind == null ? Kind.UNKNOWN : kind;
        band = band == null ? Band.UNKNOWN : band;
        source = source == null ? "" : source;
    }

    /** No default route: nothing will reach a meeting server. */
    static Link none(String source) {
        return new Link(null, Kind.NONE, Double.NaN, Band.UNKNOWN, Double.NaN, Double.NaN, source);
    }

    static Link unknown(String iface, String source) {
        return new Link(iface, Kind.UNKNOWN, Double.NaN, Band.UNKNOWN, Double.NaN, Double.NaN, source);
    }

    public enum Kind {
        WIRED("wired"),
        WIFI("wifi"),
        /** A tunnel, VPN or other software interface: the physical link underneath is not visible from here. */
        VIRTUAL("virtual"),
        NONE("none"),
        UNKNOWN("unknown");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public enum Band {
        GHZ_2_4("2.4"),
        GHZ_5("5"),
        GHZ_6("6"),
        /** Not Wi-Fi, or the frequency is not told; {@code json()} gives "unknown" rather than null so reports need no null check. */
        UNKNOWN("unknown");

        private final String json;

        Band(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        /** The band of a channel's centre frequency; UNKNOWN for NaN and anything outside the three Wi-Fi bands (e.g. 60 GHz). */
        public static Band of(double mhz) {
            if (mhz >= 2400 && mhz <= 2500) return GHZ_2_4;
            if (mhz >= 5150 && mhz <= 5895) return GHZ_5;
            if (mhz >= 5925 && mhz <= 7125) return GHZ_6;
            return UNKNOWN;
        }
    }
}
