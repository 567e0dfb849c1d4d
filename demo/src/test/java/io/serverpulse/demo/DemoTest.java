package io.serverpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a token the jar plays the demo (shortened here to a few seconds): what the server's admin
 * sees in Discord, in order and in simulated time, readable; no test-harness or engineering lines.
 * The jar's IT checks its numbers against the ground truth.
 */
class DemoTest {

    private static final Pattern TIME_COLUMN = Pattern.compile("^(Mon|Tue|Wed) (\\d\\d:\\d\\d)  .*");

    @TempDir
    Path dir;

    @Test
    void theAdminSeesTheSetupEveryAlertAsPostedAndEndedAndTheAnswersInSimulatedTimeOrder() {
        // GIVEN no DISCORD_TOKEN
        ServerPulseConfig config = ServerPulseConfig.load(EnvSource.of(Map.of("SERVERPULSE_DATA_DIR", dir.toString())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // WHEN the demo runs
        int status = Demo.run(config, new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofSeconds(10));

        // THEN it ends normally
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        // the owner's setup and ServerPulse's answers come first
        assertThat(printed).contains("Mon 00:00  The owner sets ServerPulse up", "/add-collect-channel channel:#", "/sentiment on",
                "✅ ServerPulse now counts activity in #", "✅ Sentiment counts are on for this server.");
        // each alert as posted, then as edited when it ended, in the order of the day
        List<String> alerts = List.of("🚨 Join raid", "✅ Join raid — ended", "🚨 Mass deletion", "✅ Mass deletion — ended",
                "🚨 Activity drop", "✅ Activity drop — ended", "🚨 Voice surge", "✅ Voice surge — ended");
        int at = 0;
        for (String alert : alerts) {
            int found = printed.indexOf(alert, at);
            assertThat(found).as(alert + " after position " + at + " in\n" + printed).isPositive();
            at = found;
        }
        assertThat(printed).contains("ServerPulse posted in #serverpulse-updates:", "ServerPulse edited its message in #serverpulse-updates:");
        // a raid of 12 on 40 members is critical
        assertThat(printed).containsPattern("🚨 Join raid\\R.*\\R.*Severity: critical");
        // the answers to a member's /topmessagers and the owner's /sentiment summary, with names, not markup
        assertThat(printed).contains("asks in #general: /topmessagers period:7d", "Top messagers · the last 7 days", "🥇 @",
                "The owner asks: /sentiment summary period:7d", "Positive: ", "Negative: ");
        assertThat(printed).doesNotContain("<@", "<#", "<t:", "**");
        // the time column never goes back
        String previous = "";
        for (String line : printed.lines().toList()) {
            var time = TIME_COLUMN.matcher(line);
            if (time.matches()) {
                String now = day(time.group(1)) + time.group(2);
                assertThat(now).as(line).isGreaterThanOrEqualTo(previous);
                previous = now;
            }
        }
        // and nothing from a test harness, a wall clock or the engineering side
        assertThat(printed).doesNotContain("SKIPPED", "gateway events", "bulk writes", "ENABLE_MESSAGE_CONTENT_INTENT=true", "INFO ");
        assertThat(printed).doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d");
        assertThat(Files.exists(dir.resolve("demo").resolve("serverpulse.db"))).isTrue();
    }

    private static String day(String name) {
        return switch (name) {
            case "Mon" -> "1";
            case "Tue" -> "2";
            default -> "3";
        };
    }
}
