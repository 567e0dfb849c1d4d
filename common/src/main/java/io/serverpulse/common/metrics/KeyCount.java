package io.serverpulse.common.metrics;

/** A total for one key (a channel id, an emoji) over a window, for "busiest channels" and "top emoji". */
public record KeyCount(String key, long count) {
}
