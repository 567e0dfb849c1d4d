package io.serverpulse.common.store.contract;

import static io.serverpulse.common.store.contract.ContractFixtures.EVERYTHING;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_A;
import static io.serverpulse.common.store.contract.ContractFixtures.GUILD_B;
import static io.serverpulse.common.store.contract.ContractFixtures.at;
import static io.serverpulse.common.store.contract.ContractFixtures.raid;
import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertRecord;
import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.alerts.Severity;
import io.serverpulse.common.metrics.TimeWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link io.serverpulse.common.alerts.AlertStore} part of the storage contract: alerts are
 * upserted by id and read oldest first (then by id), filtered by their start. An alert expires at
 * {@link io.serverpulse.common.alerts.AlertRecord#startedAt()} plus the guild's metrics retention.
 */
public interface AlertStoreContract extends StoreContractPart {

    @Test
    default void alertsUpsertByIdAndReadOldestFirst() {
        // GIVEN an ongoing raid, and an earlier deletion alert
        AlertRecord raid = raid(GUILD_A, at("2026-06-15T10:00:00.250Z"));
        AlertRecord deletion = new AlertRecord(AlertRecord.idFor(GUILD_A, AlertType.MASS_DELETION, at("2026-06-15T09:00:00Z")),
                GUILD_A, AlertType.MASS_DELETION, Severity.WARNING, at("2026-06-15T09:00:00Z"), at("2026-06-15T09:01:00Z"),
                List.of(), 40, 0.5, "");
        store().saveAlert(raid);
        store().saveAlert(deletion);

        // WHEN the raid ends and is saved again
        AlertRecord ended = raid.ended(at("2026-06-15T10:05:00.750Z"));
        store().saveAlert(ended);

        // THEN there is still one raid, now ended, and windows filter by start
        assertThat(store().alerts(GUILD_A, EVERYTHING)).containsExactly(deletion, ended);
        assertThat(store().alerts(GUILD_A, new TimeWindow(at("2026-06-15T09:00:00.001Z"), at("2026-06-16T00:00:00Z"))))
                .containsExactly(ended);
        assertThat(store().alerts(GUILD_B, EVERYTHING)).isEmpty();
    }

    @Test
    default void anEndedAlertIsNotReopenedByALateSaveOfItsOpening() {
        // GIVEN a raid whose end is stored
        AlertRecord opened = raid(GUILD_A, at("2026-06-15T10:00:00Z"));
        AlertRecord ended = opened.ended(at("2026-06-15T10:05:00Z"));
        store().saveAlert(opened);
        store().saveAlert(ended);

        // WHEN a slower writer saves the opening again (the collector stores a posted alert after the post)
        store().saveAlert(opened);

        // THEN the incident stays ended; a later end still replaces it
        assertThat(store().alerts(GUILD_A, EVERYTHING)).containsExactly(ended);
        AlertRecord endedLater = opened.ended(at("2026-06-15T10:07:00Z"));
        store().saveAlert(endedLater);
        assertThat(store().alerts(GUILD_A, EVERYTHING)).containsExactly(endedLater);

        // AND a save of an opening with no stored record inserts it
        AlertRecord other = raid(GUILD_B, at("2026-06-15T11:00:00Z"));
        store().saveAlert(other);
        assertThat(store().alerts(GUILD_B, EVERYTHING)).containsExactly(other);
    }
}
