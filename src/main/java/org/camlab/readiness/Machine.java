package org.camlab.readiness;

/**
 * The computer a call runs on.
 *
 * @param physicalCores cores without hyper-threads (Webex hides HD below 4); the logical count where the platform does not tell
 * @param logicalCores  what the JDK reports
 * @param memoryGb      installed memory, NaN where unknown
 * @param busyPct       how busy the processor was with other programs while camlab waited, 0–100; NaN where unknown
 * @param cpu           the processor's name, or null
 */
public record Machine(int physicalCores, int logicalCores, double memoryGb, double busyPct, String cpu) {
}
