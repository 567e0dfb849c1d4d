-- ServerPulse SQLite schema, version 1.
-- Metric buckets live in one table per BucketKind (named by BucketKind.collection()). Their primary
-- key starts with (guild_id, channel_id, start): a leaderboard or an hourly chart is one range scan
-- of the rows of one guild and channel in a window, so its cost grows with active members and
-- hours, never with messages. Every row carries guild_id; every query is scoped by it.
-- Statements end with a semicolon at the end of a line.

-- per guild, channel (0 = guild-wide: joins, leaves) and UTC hour
CREATE TABLE hourly_metrics (
    guild_id           INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,
    start              INTEGER NOT NULL,  -- bucket start, epoch milliseconds (UTC hour or day)
    member_id          INTEGER NOT NULL,
    emoji              TEXT    NOT NULL,
    expire_at          INTEGER NOT NULL,  -- epoch milliseconds
    messages           INTEGER NOT NULL DEFAULT 0,
    reactions          INTEGER NOT NULL DEFAULT 0,
    deletions          INTEGER NOT NULL DEFAULT 0,
    joins              INTEGER NOT NULL DEFAULT 0,
    leaves             INTEGER NOT NULL DEFAULT 0,
    voice_joins        INTEGER NOT NULL DEFAULT 0,
    voice_seconds      INTEGER NOT NULL DEFAULT 0,
    sentiment_positive INTEGER NOT NULL DEFAULT 0,
    sentiment_neutral  INTEGER NOT NULL DEFAULT 0,
    sentiment_negative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, channel_id, start, member_id, emoji)
) WITHOUT ROWID;

CREATE INDEX hourly_metrics_expire ON hourly_metrics (expire_at);
CREATE INDEX hourly_metrics_guild_start ON hourly_metrics (guild_id, start);

-- per guild, channel (0 = all channels), member and UTC hour; serves the exact 24h leaderboards
CREATE TABLE user_hourly (
    guild_id           INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,
    start              INTEGER NOT NULL,  -- bucket start, epoch milliseconds (UTC hour or day)
    member_id          INTEGER NOT NULL,
    emoji              TEXT    NOT NULL,
    expire_at          INTEGER NOT NULL,  -- epoch milliseconds
    messages           INTEGER NOT NULL DEFAULT 0,
    reactions          INTEGER NOT NULL DEFAULT 0,
    deletions          INTEGER NOT NULL DEFAULT 0,
    joins              INTEGER NOT NULL DEFAULT 0,
    leaves             INTEGER NOT NULL DEFAULT 0,
    voice_joins        INTEGER NOT NULL DEFAULT 0,
    voice_seconds      INTEGER NOT NULL DEFAULT 0,
    sentiment_positive INTEGER NOT NULL DEFAULT 0,
    sentiment_neutral  INTEGER NOT NULL DEFAULT 0,
    sentiment_negative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, channel_id, start, member_id, emoji)
) WITHOUT ROWID;

CREATE INDEX user_hourly_expire ON user_hourly (expire_at);
CREATE INDEX user_hourly_member ON user_hourly (guild_id, member_id, start);

-- per guild, channel (0 = all channels), member and UTC day; serves 7d, 30d and all-time leaderboards
CREATE TABLE user_daily (
    guild_id           INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,
    start              INTEGER NOT NULL,  -- bucket start, epoch milliseconds (UTC hour or day)
    member_id          INTEGER NOT NULL,
    emoji              TEXT    NOT NULL,
    expire_at          INTEGER NOT NULL,  -- epoch milliseconds
    messages           INTEGER NOT NULL DEFAULT 0,
    reactions          INTEGER NOT NULL DEFAULT 0,
    deletions          INTEGER NOT NULL DEFAULT 0,
    joins              INTEGER NOT NULL DEFAULT 0,
    leaves             INTEGER NOT NULL DEFAULT 0,
    voice_joins        INTEGER NOT NULL DEFAULT 0,
    voice_seconds      INTEGER NOT NULL DEFAULT 0,
    sentiment_positive INTEGER NOT NULL DEFAULT 0,
    sentiment_neutral  INTEGER NOT NULL DEFAULT 0,
    sentiment_negative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, channel_id, start, member_id, emoji)
) WITHOUT ROWID;

CREATE INDEX user_daily_expire ON user_daily (expire_at);
CREATE INDEX user_daily_member ON user_daily (guild_id, member_id, start);

-- per guild, emoji and UTC day (channel and member are always 0)
CREATE TABLE emoji_daily (
    guild_id           INTEGER NOT NULL,
    channel_id         INTEGER NOT NULL,
    start              INTEGER NOT NULL,  -- bucket start, epoch milliseconds (UTC hour or day)
    member_id          INTEGER NOT NULL,
    emoji              TEXT    NOT NULL,
    expire_at          INTEGER NOT NULL,  -- epoch milliseconds
    messages           INTEGER NOT NULL DEFAULT 0,
    reactions          INTEGER NOT NULL DEFAULT 0,
    deletions          INTEGER NOT NULL DEFAULT 0,
    joins              INTEGER NOT NULL DEFAULT 0,
    leaves             INTEGER NOT NULL DEFAULT 0,
    voice_joins        INTEGER NOT NULL DEFAULT 0,
    voice_seconds      INTEGER NOT NULL DEFAULT 0,
    sentiment_positive INTEGER NOT NULL DEFAULT 0,
    sentiment_neutral  INTEGER NOT NULL DEFAULT 0,
    sentiment_negative INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, channel_id, start, member_id, emoji)
) WITHOUT ROWID;

CREATE INDEX emoji_daily_expire ON emoji_daily (expire_at);

-- metric batches already applied: a batch whose id is here is not applied again
CREATE TABLE applied_batches (
    batch_id   TEXT    NOT NULL PRIMARY KEY,
    applied_at INTEGER NOT NULL,
    expire_at  INTEGER NOT NULL,
    increments INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX applied_batches_expire ON applied_batches (expire_at);

CREATE TABLE guild_settings (
    guild_id   INTEGER NOT NULL PRIMARY KEY,
    json       TEXT    NOT NULL,  -- GuildSettingsJson
    updated_at INTEGER NOT NULL
);

CREATE TABLE member_events (
    guild_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    kind      TEXT    NOT NULL,  -- JOIN, LEAVE
    at        INTEGER NOT NULL,
    expire_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, member_id, kind, at)
) WITHOUT ROWID;

CREATE INDEX member_events_guild_at ON member_events (guild_id, at);

CREATE INDEX member_events_expire ON member_events (expire_at);

CREATE TABLE alerts (
    guild_id    INTEGER NOT NULL,
    id          TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    channel_ids TEXT    NOT NULL,  -- JSON array of ids
    observed    INTEGER NOT NULL,
    baseline    REAL    NOT NULL,
    context     TEXT    NOT NULL,
    expire_at   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, id)
);

CREATE INDEX alerts_guild_started ON alerts (guild_id, started_at);

CREATE INDEX alerts_expire ON alerts (expire_at);

CREATE TABLE ai_summaries (
    guild_id   INTEGER NOT NULL,
    period_key TEXT    NOT NULL,
    provider   TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expire_at  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period_key)
);

CREATE INDEX ai_summaries_expire ON ai_summaries (expire_at);

CREATE TABLE leaderboard_cache (
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    counter     TEXT    NOT NULL,  -- Counter.field()
    period      TEXT    NOT NULL,  -- Period.label()
    computed_at INTEGER NOT NULL,
    entries     TEXT    NOT NULL,  -- JSON array of [member_id, count]
    expire_at   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id, counter, period)
);

CREATE INDEX leaderboard_cache_expire ON leaderboard_cache (expire_at);
