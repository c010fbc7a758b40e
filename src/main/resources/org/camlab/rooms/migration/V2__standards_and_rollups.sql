-- Room standards, each measurement's pass/fail, and the rollups the history and the fleet report
-- read instead of the raw rows (a year of 500 rooms every 15 minutes is 17.5 million rows; the
-- rollups hold one row per room and hour). Only statements SQLite and PostgreSQL read the same way.

-- A room's own standard, and a site's: the JSON of a --require profile, kept in the database so
-- that every survey machine judges a room alike.
ALTER TABLE room ADD COLUMN standard TEXT;
CREATE TABLE site_standard (
    site     VARCHAR(200) NOT NULL PRIMARY KEY,
    standard TEXT         NOT NULL
);

-- When it was taken, in the surveying machine's time zone (the afternoon sun is local): days since
-- 1970-01-01, hour 0-23, ISO weekday 1 (Monday) - 7.
ALTER TABLE measurement ADD COLUMN local_day INTEGER;
ALTER TABLE measurement ADD COLUMN local_hour SMALLINT;
ALTER TABLE measurement ADD COLUMN weekday SMALLINT;
ALTER TABLE measurement ADD COLUMN mtf50 DOUBLE PRECISION;
-- the kind of fix the top problem asks for: lighting, camera, placement
ALTER TABLE measurement ADD COLUMN fix VARCHAR(16);
ALTER TABLE measurement ADD COLUMN standard VARCHAR(200);
-- 1 met, 0 not met; NULL for a failed capture
ALTER TABLE measurement ADD COLUMN standard_pass SMALLINT;
-- each requirement's result: [{"require": "...", "passed": true, "value": 0.3}, ...]
ALTER TABLE measurement ADD COLUMN requirements TEXT;

-- Rows of V1 were taken before zones were kept: read as UTC.
UPDATE measurement SET local_day = taken_at / 86400000, local_hour = (taken_at / 3600000) % 24,
    weekday = ((taken_at / 86400000) + 3) % 7 + 1;

CREATE TABLE room_hour (
    day           INTEGER          NOT NULL,
    room          VARCHAR(200)     NOT NULL,
    hour          SMALLINT         NOT NULL,
    weekday       SMALLINT         NOT NULL,
    n             INTEGER          NOT NULL,
    failed        INTEGER          NOT NULL,
    scored        INTEGER          NOT NULL,
    score_sum     DOUBLE PRECISION NOT NULL,
    backlight_n   INTEGER          NOT NULL,
    backlight_sum DOUBLE PRECISION NOT NULL,
    light_n       INTEGER          NOT NULL,
    light_sum     DOUBLE PRECISION NOT NULL,
    judged        INTEGER          NOT NULL,
    passed        INTEGER          NOT NULL,
    PRIMARY KEY (day, room, hour)
);
CREATE INDEX room_hour_by_room ON room_hour (room, day);

CREATE TABLE room_problem_day (
    day     INTEGER      NOT NULL,
    room    VARCHAR(200) NOT NULL,
    problem VARCHAR(64)  NOT NULL,
    n       INTEGER      NOT NULL,
    PRIMARY KEY (day, room, problem)
);

INSERT INTO room_hour (day, room, hour, weekday, n, failed, scored, score_sum, backlight_n, backlight_sum, light_n,
                       light_sum, judged, passed)
SELECT local_day, room, local_hour, MIN(weekday), COUNT(*), SUM(1 - ok), SUM(CASE WHEN score IS NULL THEN 0 ELSE 1 END),
       COALESCE(SUM(score), 0), COUNT(backlight_stops), COALESCE(SUM(backlight_stops), 0), COUNT(light_level),
       COALESCE(SUM(light_level), 0), 0, 0
FROM measurement GROUP BY local_day, room, local_hour;

INSERT INTO room_problem_day (day, room, problem, n)
SELECT local_day, room, top_problem, COUNT(*) FROM measurement WHERE top_problem IS NOT NULL
GROUP BY local_day, room, top_problem;

-- Only with survey --snapshots: one JPEG per measurement. (BYTEA is PostgreSQL's; SQLite keeps the
-- bytes as given under any type name.)
CREATE TABLE snapshot (
    room     VARCHAR(200) NOT NULL,
    taken_at BIGINT       NOT NULL,
    survey   VARCHAR(36)  NOT NULL,
    jpeg     BYTEA        NOT NULL,
    PRIMARY KEY (room, taken_at, survey)
);
