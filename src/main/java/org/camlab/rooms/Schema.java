package org.camlab.rooms;

import java.sql.Connection;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The store's tables, brought up to date by Flyway's migrations in {@code org/camlab/rooms/migration}
 * — unless a newer camlab has already taken them further. Flyway itself would only warn and carry
 * on writing rows in a shape this camlab does not know, so such a store is left as it is and opened
 * for reading only.
 */
final class Schema {
    private Schema() {
    }

    /**
     * Migrates the store (when it may be written) and says whether it may be written.
     *
     * @return why the store can be read but not written, or null when it can be written
     */
    static String prepare(String url, String shown, Connection c, boolean migrate) throws StoreException {
        try {
            Flyway flyway = Flyway.configure().dataSource(new SingleConnection(url, c))
                    .locations("classpath:org/camlab/rooms/migration").loggers("slf4j").load();
            MigrationVersion known = null;
            MigrationVersion stored = null;
            for (MigrationInfo m : flyway.info().all()) {
                MigrationVersion v = m.getVersion();
                if (v != null && m.getState().isResolved() && (known == null || v.compareTo(known) > 0)) {
                    known = v;
                }
                if (v != null && m.getState().isApplied() && (stored == null || v.compareTo(stored) > 0)) {
                    stored = v;
                }
            }
            if (known != null && stored != null && stored.compareTo(known) > 0) {
                return "this database was written by a newer camlab (schema v" + stored + "; this one knows v" + known
                        + "): it can be read, not written";
            }
            if (migrate) {
                flyway.migrate();
            }
            return null;
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the database " + shown + ": " + StoreFailure.words(e), e);
        }
    }
}
