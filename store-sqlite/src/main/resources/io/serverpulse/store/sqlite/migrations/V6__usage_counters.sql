-- ServerPulse SQLite schema, version 6: counters of uses per fixed window (what limits /askpulse per member
-- and per guild), one row per guild, member (0 for the guild-wide counter), counter name and window start.
CREATE TABLE usage_counters (
    guild_id     INTEGER NOT NULL,
    member_id    INTEGER NOT NULL,
    counter      TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    expire_at    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, member_id, counter, window_start)
) WITHOUT ROWID;
CREATE INDEX usage_counters_expire ON usage_counters (expire_at);
