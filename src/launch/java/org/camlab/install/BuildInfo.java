package org.camlab.install;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What build this is: version, commit and the commit's date, written into the jar by Maven. */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return get("version", "dev");
    }

    /** The commit's short id, with "+changes" when the tree had uncommitted changes; "unknown" outside git. */
    public static String commit() {
        String id = get("commit", "unknown");
        return "true".equals(get("dirty", "false")) ? id + "+changes" : id;
    }

    /** The commit's date (UTC, yyyy-MM-dd), or "unknown". */
    public static String date() {
        String d = get("date", "unknown");
        return d.length() >= 10 ? d.substring(0, 10) : d;
    }

    /** One line: version, commit and date, platform, Java runtime. */
    public static String line() {
        String vendor = System.getProperty("java.vendor", "");
        return "camlab " + version() + " (commit " + commit() + ", " + date() + ") · " + Platform.current() + " · Java "
                + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"))
                + (vendor.isEmpty() ? "" : " " + vendor) + " (" + System.getProperty("java.home", "?") + ")";
    }

    private static String get(String key, String otherwise) {
        String v = PROPERTIES.getProperty(key);
        // unfiltered (a build outside git, or classes not built by Maven): the placeholder is left in
        return v == null || v.isEmpty() || v.startsWith("${") ? otherwise : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: "unknown" is shown
        }
        return p;
    }
}
