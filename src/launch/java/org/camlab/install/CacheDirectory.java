package org.camlab.install;

import java.io.File;
import java.util.Locale;
import java.util.Map;

/**
 * The user's cache directory for camlab: the native libraries JavaCPP unpacks, the class-data
 * archive the launcher makes, the demo recording. Never the install directory, which may be
 * read-only. {@code $CAMLAB_CACHE} when set; else the system's convention: {@code
 * $XDG_CACHE_HOME/camlab} or {@code ~/.cache/camlab} (Linux and other Unix), {@code
 * %LOCALAPPDATA%\camlab\cache} (Windows), {@code ~/Library/Caches/camlab} (macOS).
 */
public final class CacheDirectory {
    private CacheDirectory() {
    }

    public static File get() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** The native libraries' directory, below {@link #get()}. */
    public static File natives() {
        return new File(get(), "javacpp");
    }

    /** The rule itself, given the environment, {@code os.name} and the home directory (tests fake them). */
    public static File of(Map<String, String> env, String osName, String home) {
        String own = env.get("CAMLAB_CACHE");
        if (present(own)) {
            return new File(own);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            File base = present(local) ? new File(local) : new File(new File(home, "AppData"), "Local");
            return new File(new File(base, "camlab"), "cache");
        }
        if (os.startsWith("mac")) {
            return new File(new File(new File(home, "Library"), "Caches"), "camlab");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        File base = present(xdg) && new File(xdg).isAbsolute() ? new File(xdg) : new File(home, ".cache");
        return new File(base, "camlab");
    }

    private static boolean present(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
