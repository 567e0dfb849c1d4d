-- ServerPulse SQLite schema, version 4: the digest ledger, one row per guild and period (for example
-- "weekly:2026-03-02"), so that a digest is claimed before it is posted and never posted twice.
CREATE TABLE digests (
    guild_id   INTEGER NOT NULL,
    period_key TEXT    NOT NULL,
    owner      TEXT    NOT NULL,
    claimed_at INTEGER NOT NULL,
    posted_at  INTEGER,
    channel_id INTEGER,
    message_id INTEGER,
    expire_at  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period_key)
) WITHOUT ROWID;
CREATE INDEX digests_expire ON digests (expire_at);
