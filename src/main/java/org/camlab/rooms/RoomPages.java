package org.camlab.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file each room's page is written to. A room may be named anything ({@code /}, {@code ..}, a
 * space, Chinese, {@code CON}), so the name is never the file name: the Latin letters and digits of
 * it, to read, then a hash of the whole name, so that names which read alike ("Board room", "board
 * room", "会议室 1" and "会议室 2") keep their own files, on a file system that ignores case too.
 */
public final class RoomPages {
    private static final int READABLE = 40;

    private RoomPages() {
    }

    /** Each room's file name (ending {@code .html}), in the rooms' order; no two alike in any case. */
    public static Map<String, String> fileNames(List<String> rooms) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String room : rooms) {
            String hash = sha256(room);
            String name;
            int digits = 10;
            do {
                name = readable(room) + "-" + hash.substring(0, digits) + ".html";
                digits += 6;
            } while (!taken.add(name.toLowerCase(Locale.ROOT)) && digits <= hash.length());
            out.put(room, name);
        }
        return out;
    }

    /** "board-room" of "Board room", "cafe" of "Café", "room" where none of the name is Latin. */
    static String readable(String room) {
        String ascii = Normalizer.normalize(room, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > READABLE) {
            slug = slug.substring(0, READABLE).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "room" : slug;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
