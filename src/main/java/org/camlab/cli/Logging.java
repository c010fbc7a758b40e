package org.camlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * slf4j-simple reads its configuration once, when the first logger is made, so the level is set
 * once the arguments are parsed and before the command (or anything it starts) logs. Quiet by
 * default: a user reads camlab's printed messages, not its log.
 *
 * <p>The libraries under the history store are silenced unless {@code --verbose}: what they would
 * say (Flyway's "schema is newer" warning, its stack traces on a full disk, pgjdbc's connection
 * notices) reaches the user as the store's one {@code camlab: …} line, which a second line of theirs
 * would contradict or bury.
 */
final class Logging {
    /** pgjdbc logs through java.util.logging, which holds its loggers weakly: a level set on a collected one is lost. */
    private static final Logger PGJDBC = Logger.getLogger("org.postgresql");

    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.camlab", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.bytedeco", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.sqlite", verbose ? "debug" : "off");
        PGJDBC.setLevel(verbose ? Level.INFO : Level.OFF);
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
