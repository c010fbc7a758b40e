-- One schema for SQLite and PostgreSQL: only types both read the same way.
CREATE TABLE room (
    name       VARCHAR(200)  NOT NULL PRIMARY KEY,
    site       VARCHAR(200),
    building   VARCHAR(200),
    floor      VARCHAR(50),
    source     VARCHAR(2000) NOT NULL,
    created_at BIGINT        NOT NULL
);

-- A measurement is one row, committed as it is taken; a failed capture is a row with its error.
CREATE TABLE measurement (
    room            VARCHAR(200) NOT NULL,
    taken_at        BIGINT       NOT NULL,
    survey          VARCHAR(36)  NOT NULL,
    ok              SMALLINT     NOT NULL,
    error           VARCHAR(500),
    score           INTEGER,
    backlight_stops DOUBLE PRECISION,
    light_level     DOUBLE PRECISION,
    uniformity      DOUBLE PRECISION,
    fps             DOUBLE PRECISION,
    top_problem     VARCHAR(64),
    report          TEXT,
    PRIMARY KEY (room, taken_at, survey)
);

CREATE INDEX measurement_by_time ON measurement (taken_at);
