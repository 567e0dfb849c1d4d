-- ServerPulse SQLite schema, version 2: a version per guild's settings, so that every change is a
-- compare-and-set (UPDATE ... WHERE version = ?) and no writer loses another's change. Rows written
-- before this version read as version 0.
ALTER TABLE guild_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
