package org.camlab.cli;

/**
 * slf4j-simple reads its configuration once, when the first logger is made, so the level is set
 * once the arguments are parsed and before the command (or anything it starts) logs. Quiet by
 * default: a user reads camlab's printed messages, not its log.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.camlab", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.bytedeco", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        // JavaCPP logs its native loading through its own logger unless told to use SLF4J.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        // SLF4J initialises on first use; done here, before any thread of camlab's logs, so that it
        // never has to replay calls made during its initialisation (and say so on stderr)
        org.slf4j.LoggerFactory.getILoggerFactory();
    }
}
