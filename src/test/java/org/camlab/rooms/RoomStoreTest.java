package org.camlab.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The history store on SQLite and on a real PostgreSQL: rooms, measurements with their NaNs, a failed capture, removal. */
class RoomStoreTest {
    static Measurement ok(String room, long at, int score, double backlight, double light, String top) {
        return new Measurement(room, at, "s1", true, null, score, backlight, light, 0.42, 29.97, 0.25, top, Fix
                .forProblem(top),
                null, -1, null, "{}");
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void roomsAndMeasurementsRoundTrip(String kind, @TempDir Path dir) throws Exception {
        String db = kind.equals("sqlite") ? dir.resolve("sub/rooms.db").toString() : TestDatabases.fresh(kind, dir);
        try (RoomStore s = RoomStore.open(db)) {
            s.add(new Room("Board room", "HQ", "A", "3", "rtsp://user:secret@10.0.0.9/s"));
            s.add(new Room("Huddle 1", "HQ", "A", "2", "camera:0"));
            StoreException dup = assertThrows(StoreException.class, () -> s.add(new Room("Huddle 1", null, null, null,
                    "x")));
            assertTrue(dup.getMessage().contains("exists already"), dup.getMessage());
            s.record(ok("Board room", 1000, 72, 1.25, 140.5, "backlight").judged("camlab room standard 1", false,
                    "[]"));
            s.record(Measurement.failed("Board room", 2000, "s1", "cannot open rtsp://***@10.0.0.9/s"));
            s.record(ok("Board room", 3000, 90, Double.NaN, 150, null), new byte[]{1, 2, 3});
        }
        try (RoomStore s = RoomStore.open(db)) { // a second open migrates nothing and finds everything
            assertEquals(List.of("Huddle 1", "Board room"), s.rooms().stream().map(Room::name).toList(),
                    "by site, building, floor");
            assertEquals("rtsp://***@10.0.0.9/s", s.room("Board room").orElseThrow().shownSource());
            List<Measurement> ms = s.measurements("Board room", 0, Long.MAX_VALUE);
            assertEquals(3, ms.size());
            assertEquals(1.25, ms.get(0).backlightStops());
            assertEquals(Fix.LIGHTING, ms.get(0).fix());
            assertEquals(0, ms.get(0).standardPass());
            assertEquals(-1, ms.get(2).standardPass(), "not judged");
            assertEquals(0.25, ms.get(0).mtf50());
            assertArrayEquals(new byte[]{1, 2, 3}, s.snapshot("Board room", 3000, "s1").orElseThrow());
            assertTrue(s.snapshot("Board room", 1000, "s1").isEmpty(), "no snapshot unless asked");
            assertEquals(1000, s.lastBefore("Board room", 3000).orElseThrow().takenAt(),
                    "the last successful one (at 2000 it failed)");
            assertFalse(ms.get(1).ok());
            assertEquals(-1, ms.get(1).score());
            assertTrue(Double.isNaN(ms.get(1).lightLevel()));
            assertTrue(Double.isNaN(ms.get(2).backlightStops()), "NaN stored as NULL and read back as NaN");
            assertEquals(1, s.measurements("Board room", 1500, 3000).size(), "from inclusive, to exclusive");
            assertTrue(s.remove("Board room"));
            assertFalse(s.remove("Board room"));
            assertEquals(0, s.measurements("Board room", 0, Long.MAX_VALUE).size(), "its history goes with it");
        }
    }

    @Test
    void badDatabasesSayWhyInOneLine(@TempDir Path dir) {
        // not a database camlab speaks: the user's argument is wrong (exit 2), not the database (exit 3)
        CamlabException e = assertThrows(CamlabException.class,
                () -> RoomStore.open("jdbc:mysql://host/db"));
        assertEquals(ExitCode.BAD_ARGUMENTS, e.exitCode());
        assertFalse(e.getMessage().contains("\n"));
        // libpq's postgres:// form is not a file name: refused (exit 2), the password not shown, nothing made
        for (String libpq : new String[]{"postgres://u:SecretG7@host/db", "postgresql://u:SecretG7@host/db"}) {
            CamlabException p = assertThrows(CamlabException.class,
                    () -> RoomStore.open(libpq));
            assertEquals(ExitCode.BAD_ARGUMENTS, p.exitCode());
            assertFalse(p.getMessage().contains("SecretG7"), p.getMessage());
            assertFalse(Files.exists(Path.of(libpq.substring(0, libpq.indexOf(':')) + ":")),
                    "no directory named after the URL");
        }
        StoreException pg = assertThrows(StoreException.class,
                () -> RoomStore.open("jdbc:postgresql://127.0.0.1:1/camlab?user=u&password=hunter2&connectTimeout=2"));
        assertFalse(pg.getMessage().contains("hunter2"), pg.getMessage());
        assertTrue(pg.getMessage().startsWith("cannot open the database"), pg.getMessage());
        StoreException notDb = assertThrows(StoreException.class, () -> {
            Files.writeString(dir.resolve("junk.db"), "this is not a database, just text ".repeat(200));
            RoomStore.open(dir.resolve("junk.db").toString());
        });
        assertFalse(notDb.getMessage().contains("\n"), notDb.getMessage());
    }
}
