package io.serverpulse.common.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestampCursorTest {

    private static final int TABLES = 3;

    @Test
    void noCursorStartsAtTheFirstTablesFirstRow() {
        // GIVEN no cursor WHEN it is read THEN re-stamping starts at table 0 with no key
        assertThat(RestampCursor.of(null, 100, TABLES)).isEqualTo(new RestampCursor(0, ""));
    }

    @Test
    void aCursorGivesItsTableAndTheStoresOwnKey() {
        // GIVEN a cursor a step wrote, whose key holds a colon of its own
        // WHEN it is read THEN the table is before the first colon and the key is the rest, as written
        assertThat(RestampCursor.of("2:[7,\"a:b\"]", 100, TABLES)).isEqualTo(new RestampCursor(2, "[7,\"a:b\"]"));
    }

    @Test
    void whatIsNotACursorOfThisStoreIsRefused() {
        // GIVEN cursors of another store, or none at all WHEN they are read THEN each is refused, naming it
        for (String bad : new String[] {"abc", "x:1", "3:", "-1:"}) {
            assertThatThrownBy(() -> RestampCursor.of(bad, 100, TABLES)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a re-stamp cursor of this store: " + bad);
        }
        assertThatThrownBy(() -> RestampCursor.of(null, 0, TABLES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive: 0");
    }

    @Test
    void aFullStepGoesOnAfterItsLastKeyAndAShortOneMovesToTheNextTable() {
        // GIVEN a step in table 1 of 3
        RestampCursor at = new RestampCursor(1, "");

        // WHEN it examined as many rows as it could, or fewer
        RestampStep full = at.step(100, 4, "[9]", 100, TABLES);
        RestampStep shorter = at.step(12, 0, "[9]", 100, TABLES);

        // THEN the full one goes on after its last key, the shorter one at the start of the next table
        assertThat(full).isEqualTo(new RestampStep(100, 4, "1:[9]"));
        assertThat(shorter).isEqualTo(new RestampStep(12, 0, "2:"));
        assertThat(RestampCursor.of(shorter.resumeAfter(), 100, TABLES)).isEqualTo(new RestampCursor(2, ""));
    }

    @Test
    void aShortStepInTheLastTableEndsTheGuild() {
        // GIVEN the last table WHEN a step examines fewer rows than it could THEN there is nothing after it
        assertThat(new RestampCursor(2, "[1]").step(3, 1, "[5]", 100, TABLES).resumeAfter()).isNull();
    }
}
