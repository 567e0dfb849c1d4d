package io.serverpulse.collector.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.collector.support.LogCapture;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RawPayloadLogFilterTest {

    private final Logger jda = LoggerFactory.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient");
    private final Logger other = LoggerFactory.getLogger("io.serverpulse.collector.sentiment.Elsewhere");

    @Test
    void jdaLinesWithARawPayloadAreWithheldAndOthersPass() {
        try (LogCapture logs = LogCapture.install()) {
            // GIVEN the filter installed (twice: it is idempotent) and a payload as JDA holds it
            RawPayloadLogFilter.install();
            RawPayloadLogFilter.install();
            DataObject payload = DataObject.empty().put("content", "zorblax quuxified");

            // WHEN JDA logs it at TRACE and at ERROR, logs an id without payload, and another logger logs a payload
            jda.trace("{} -> {}", "MESSAGE_CREATE", payload);
            jda.error("Got an unexpected error.\n\t{} -> {}", "MESSAGE_CREATE", payload);
            jda.info("Connected with gateway intents: {}", 42);
            other.info("not JDA: {}", "id 123");

            // THEN the payload appears nowhere; the error is replaced by a line naming it; the rest passes
            String text = logs.text();
            assertThat(text).doesNotContain("zorblax").doesNotContain("\"content\"").doesNotContain("MESSAGE_CREATE");
            assertThat(text).contains("net.dv8tion.jda.internal.requests.WebSocketClient logged a line at ERROR whose arguments hold"
                    + " a raw gateway payload, withheld because it may contain message text: Got an unexpected error.");
            assertThat(text).contains("Connected with gateway intents: 42").contains("not JDA: id 123");
        }
    }
}
