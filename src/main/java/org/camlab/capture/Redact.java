package org.camlab.capture;

import java.util.regex.Pattern;

/** Keeps credentials in stream URLs out of logs, messages and reports. */
public final class Redact {
    /**
     * The user-info: everything between {@code ://} and the <em>last</em> {@code @} on the line, so a
     * password holding a raw {@code @}, {@code /}, {@code #} or a space is removed whole. Where other
     * text with an {@code @} follows on the same line, that is removed too: a secret shown costs more
     * than a line cut short.
     */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\n]*@");
    /** Secrets in a query or a parameter list, up to the next {@code &} (a {@code ;} may be part of one). */
    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)([?&;](?:password|passwd|pwd|pass|pw|token|"
            + "access_token|auth|apikey|api_key|key|secret|signature|sig|x-amz-credential|x-amz-signature|"
            + "x-amz-security-token)=)[^&\\s]*");

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
