-- ServerPulse SQLite schema, version 8: a cached leaderboard keeps the total its shares are of
-- (CachedLeaderboard.total), so that a leaderboard read from the cache needs no scan of the period.
ALTER TABLE leaderboard_cache ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
