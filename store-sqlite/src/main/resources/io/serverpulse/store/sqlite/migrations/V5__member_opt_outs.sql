-- ServerPulse SQLite schema, version 5: members' opt-outs (/privacy opt-out), one row per guild and
-- member and nothing else about them; they do not expire (no expire_at).
CREATE TABLE member_opt_outs (
    guild_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    since     INTEGER NOT NULL,  -- epoch milliseconds
    PRIMARY KEY (guild_id, member_id)
) WITHOUT ROWID;
