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

}
