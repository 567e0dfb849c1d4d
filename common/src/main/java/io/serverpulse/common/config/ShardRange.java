package io.serverpulse.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The shard ids one collector process runs out of {@code total}, e.g. {@code SHARD_ID=0-3} with {@code SHARD_TOTAL=8}. */
public record ShardRange(List<Integer> ids, int total) {

    public ShardRange {
        ids = Collections.unmodifiableList(new ArrayList<>(ids));
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1");
        }
    }

    /** Parses {@code 3}, {@code 0-3} or {@code 0,2,4}; ids must lie in {@code 0..total-1}. */
    static ShardRange parse(String variable, String raw, int total) {
        List<Integer> ids = new ArrayList<>();
        try {
            for (String part : raw.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from > to) {
                    throw new NumberFormatException();
                }
                for (int id = from; id <= to; id++) {
                    if (id < 0 || id >= total) {
                        throw new NumberFormatException();
                    }
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(variable, "Invalid " + variable + "=" + raw
                    + ": expected shard ids like 0, 0-3 or 0,2 below SHARD_TOTAL=" + total);
        }
        Collections.sort(ids);
        return new ShardRange(ids, total);
    }

    @Override
    public String toString() {
        return ids + "/" + total;
    }
}
