package io.serverpulse.emulator.state;

import java.time.Instant;

/** One REST request as answered: {@code route} is the matched template (e.g. {@code POST /channels/{channel_id}/messages}). */
public record RequestLog(String method, String path, String route, int status, Instant at) {
}
