package io.serverpulse.common.alerts;

import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;

/** Incidents; saving a record with an existing id replaces it (e.g. to mark it ended). */
public interface AlertStore {

    void saveAlert(AlertRecord alert);

    /** A guild's alerts that started in the window, oldest first. */
    List<AlertRecord> alerts(long guildId, TimeWindow window);
}
