package org.camlab.cli;

/**
 * slf4j-simple reads its configuration once, when the first logger is made, so the level is set
 * from the raw arguments before picocli (or anything else) logs. Quiet by default: a user reads
 * camlab's printed messages, not its log.
 */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            }
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.camlab", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.bytedeco", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        // JavaCPP logs its native loading through its own logger unless told to use SLF4J.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
}
