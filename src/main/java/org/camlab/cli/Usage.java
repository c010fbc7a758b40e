package org.camlab.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A command-line mistake, said in the user's terms rather than picocli's. */
final class Usage {
    private Usage() {
    }

    static String message(ParameterException ex, String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-") && !a.startsWith("--") && a.contains(".") && a.length() > 2) {
                return "'" + a + "' reads as an option; to analyse a file whose name starts with '-', put '--' "
                        + "before it: camlab analyze -- " + a;
            }
        }
        if (ex instanceof UnmatchedArgumentException u && u.getCommandLine().getParent() == null && args.length > 0
                && !args[0].startsWith("-")) {
            List<String> near = u.getSuggestions();
            // picocli suggests by shared letters: 'frobnicate' → 'devices'; only a near spelling is a typo
            String closest = near.isEmpty() || !typo(args[0], near.get(0)) ? closest(args[0], u.getCommandLine())
                    : near.get(0);
            return "unknown command '" + args[0] + "'" + (closest != null ? "; did you mean '" + closest + "'?"
                    : " (commands: " + String.join(", ", u.getCommandLine().getSubcommands().keySet()) + ")");
        }
        return ex.getMessage();
    }

    private static boolean typo(String typed, String name) {
        return distance(typed.toLowerCase(Locale.ROOT), name) <= Math.max(2, typed.length() / 3);
    }

    /** The subcommand nearest by edit distance, if near enough to be a typo. */
    private static String closest(String typed, CommandLine root) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String name : root.getSubcommands().keySet()) {
            int d = distance(typed.toLowerCase(Locale.ROOT), name);
            if (d < bestD) {
                bestD = d;
                best = name;
            }
        }
        return best != null && typo(typed, best) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
