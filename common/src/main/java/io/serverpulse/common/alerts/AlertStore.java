package io.serverpulse.common.alerts;

import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;

/** Incidents; saving a record with an existing id replaces it (e.g. to mark it ended). */
public interface AlertStore {

    /**
     * Inserts the record, or replaces the one with its id, except that an ended record is never
     * replaced by one that has not ended: the stored end of an incident stays, whatever order two
     * writers' saves arrive in (the collector saves a posted alert in the background, after the post,
     * while the activity-drop check saves the incident's end itself).
     */
    void saveAlert(AlertRecord alert);

    /** A guild's alerts that started in the window, oldest first. */
    List<AlertRecord> alerts(long guildId, TimeWindow window);
}
