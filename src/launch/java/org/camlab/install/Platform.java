package org.camlab.install;

import java.util.Locale;

/** The platform name JavaCPP gives its native jars ({@code linux-x86_64}, {@code windows-x86_64}, {@code macosx-arm64} …). */
public final class Platform {
    private Platform() {
    }

    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** JavaCPP's mapping of {@code os.name} and {@code os.arch}, for the platforms camlab is built for and their neighbours. */
    public static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
        String a;
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x86-64":
                a = "x86_64";
                break;
            case "aarch64":
            case "arm64":
                a = "arm64";
                break;
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                a = "x86";
                break;
            default:
                a = arch.startsWith("arm") ? "armhf" : arch;
        }
        return o + "-" + a;
    }
}
