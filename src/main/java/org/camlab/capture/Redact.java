package org.camlab.capture;

import java.util.regex.Pattern;

/** Keeps credentials in stream URLs out of logs, messages and reports. */
public final class Redact {
    /**
     * The user-info as FFmpeg reads it: everything between {@code ://} and the <em>last</em> {@code @}
     * before the path, so a password with a raw {@code @} is removed whole.
     */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");
    private static final Pattern SECRET_QUERY =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd|pass|token|auth|key|secret|signature|sig)=)[^&;\\s]*");

    private Redact() {
    }

    /** {@code rtsp://user:pass@cam/stream?token=x} becomes {@code rtsp://***@cam/stream?token=***}. */
    public static String url(String text) {
        if (text == null) {
            return null;
        }
        String s = USERINFO.matcher(text).replaceAll("$1***@");
        return SECRET_QUERY.matcher(s).replaceAll("$1***");
    }
}
