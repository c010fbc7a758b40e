-- Survey workers sharing the rooms of one PostgreSQL database (survey --all): a room is claimed for its
-- next due measurement by a lease, so that each round measures it once, and a worker that dies loses
-- the lease when it runs out. Only statements SQLite and PostgreSQL read the same way (SQLite keeps the
-- table but a survey there is a single worker).
CREATE TABLE room_lease (
    room        VARCHAR(200) NOT NULL PRIMARY KEY,
    -- when the room's next measurement is due (ms since 1970); rounds keep to a grid from the first due
    next_due    BIGINT       NOT NULL,
    -- the survey holding the lease and until when (ms); both NULL when no worker holds it
    leased_by   VARCHAR(36),
    lease_until BIGINT,
    -- the round last measured: its due time, when its measurement was stored and by which survey
    last_due    BIGINT,
    last_done   BIGINT,
    last_by     VARCHAR(36)
);
CREATE INDEX room_lease_by_due ON room_lease (next_due);

-- A round whose end has been told: the one worker whose insert succeeds tells it.
CREATE TABLE survey_round (
    due   BIGINT       NOT NULL,
    scope VARCHAR(200) NOT NULL,
    PRIMARY KEY (due, scope)
);
