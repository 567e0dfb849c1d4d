-- ServerPulse SQLite schema, version 7: Counter.DROPPED_EVENTS, the activity events of a guild's hour
-- that the collector could not count because it was overloaded. Only the guild-wide hourly row
-- (hourly_metrics, channel_id 0) holds them; every bucket table has every counter column.
ALTER TABLE hourly_metrics ADD COLUMN dropped_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_hourly ADD COLUMN dropped_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_daily ADD COLUMN dropped_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE emoji_daily ADD COLUMN dropped_events INTEGER NOT NULL DEFAULT 0;
