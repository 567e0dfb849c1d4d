package io.serverpulse.common.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertNoticeJsonTest {

    private static final long GUILD = 1217456348762181632L;

    private static String fixture(String name) throws IOException {
        try (InputStream in = AlertNoticeJsonTest.class.getResourceAsStream("/alerts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AlertRecord deletion() {
        Instant start = Instant.parse("2026-03-04T16:12:00Z");
        return new AlertRecord(AlertRecord.idFor(GUILD, AlertType.MASS_DELETION, start), GUILD, AlertType.MASS_DELETION,
                Severity.WARNING, start, null, List.of(1217456348762181700L, 1217456348762181701L), 12, 0.0,
                "12 messages deleted in 30 s in <#1217456348762181700>, <#1217456348762181701>");
    }

    @Test
    void anOpenedNoticeIsWrittenAsTheDocumentedPayload() throws IOException {
        // GIVEN an ongoing mass-deletion alert
        AlertNotice notice = AlertNotice.opened(deletion());

        // WHEN it is written as JSON
        String json = AlertNoticeJson.toJson(notice);

        // THEN it is the fixture, field for field
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree(fixture("notice-opened.json")));
    }

    @Test
    void theFixtureAndAnEndedNoticeReadBackEqual() throws IOException {
        // GIVEN the documented payload and an ENDED notice
        AlertNotice ended = AlertNotice.ended(deletion().ended(Instant.parse("2026-03-04T16:13:05Z")));

        // WHEN read back
        AlertNotice fromFixture = AlertNoticeJson.fromJson(fixture("notice-opened.json"));
        AlertNotice roundTrip = AlertNoticeJson.fromJson(AlertNoticeJson.toJson(ended));

        // THEN they are the same notices
        assertThat(fromFixture).isEqualTo(AlertNotice.opened(deletion()));
        assertThat(roundTrip).isEqualTo(ended);
    }

    @Test
    void malformedPayloadsAreRefusedWithAReason() {
        // GIVEN / WHEN / THEN bodies that are not notices are refused, saying what is wrong
        assertThatThrownBy(() -> AlertNoticeJson.fromJson("nope")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> AlertNoticeJson.fromJson("{\"format\":2}")).hasMessageContaining("format");
        assertThatThrownBy(() -> AlertNoticeJson.fromJson("{\"format\":1,\"kind\":\"OPENED\"}")).hasMessageContaining("'alert'");
        assertThatThrownBy(() -> AlertNoticeJson.fromJson(
                "{\"format\":1,\"kind\":\"OPENED\",\"alert\":{\"id\":\"x\",\"guild_id\":\"abc\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
