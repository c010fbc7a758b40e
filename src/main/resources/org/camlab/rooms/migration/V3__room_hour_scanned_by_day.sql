-- The fleet report reads room_hour by day range and groups by room: SQLite took the (room, day)
-- index for the grouping's order and paid a table look-up per row (the year's heat map 4.3 s,
-- benchmarks/RESULTS.md). Without it both databases scan the table or the (day, room, hour) key;
-- a room's history reads that key's day range.
DROP INDEX room_hour_by_room;
