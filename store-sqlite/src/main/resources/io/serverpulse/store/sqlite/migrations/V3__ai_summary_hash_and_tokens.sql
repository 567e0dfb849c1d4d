-- AI summaries remember the hash of the numbers they were written from (a cached summary is reused
-- only for the same numbers) and the token counts the provider reported. Rows written before this
-- version read as hash '' (never reused) and 0 tokens.
ALTER TABLE ai_summaries ADD COLUMN input_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE ai_summaries ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ai_summaries ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0;
