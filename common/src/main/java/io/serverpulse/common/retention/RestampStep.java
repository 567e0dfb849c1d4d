package io.serverpulse.common.retention;

/**
 * What one step of re-stamping a guild's rows did ({@link io.serverpulse.common.store.GuildDataStore#restampExpiry}).
 *
 * @param examined rows looked at in this step
 * @param restamped rows whose {@code expire_at} changed
 * @param resumeAfter where the next step goes on (opaque to callers); null when the guild's last row was reached
 */
public record RestampStep(int examined, int restamped, String resumeAfter) {
}
