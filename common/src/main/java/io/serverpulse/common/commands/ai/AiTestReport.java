package io.serverpulse.common.commands.ai;

import io.serverpulse.common.ai.ProviderCheck;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.i18n.Texts;
import java.util.List;

/** What {@code /ai-provider test} shows: one line per provider, in plain words, in the member's language. */
final class AiTestReport {

    private static final int MAX_DETAIL = 160;

    private AiTestReport() {
    }

    static String render(List<ProviderCheck.Result> results, Texts texts) {
        StringBuilder out = new StringBuilder();
        for (ProviderCheck.Result result : results) {
            String name = AiProviderCommand.providerName(result.provider(), texts);
            String model = "`" + result.model().replace("`", "") + "`";
            String line = switch (result.status()) {
                case OK -> texts.get("ai.test-ok", name, model, result.latency().toMillis());
                case NO_KEY -> texts.get("ai.test-no-key", name, model, result.provider().option());
                case KEY_UNREADABLE -> texts.get("ai.test-key-unreadable", name, model, result.provider().option());
                case FAILED -> texts.get("ai.test-failed", name, model,
                        texts.get("ai.failure." + result.failure().name(), ProviderCheck.TIMEOUT.toSeconds()))
                        + detail(result.detail(), texts);
            };
            out.append(line).append('\n');
        }
        String text = out.toString().strip();
        return text.length() > ResponseLimits.MAX_CONTENT ? text.substring(0, ResponseLimits.MAX_CONTENT - 1) + "…" : text;
    }

    private static String detail(String detail, Texts texts) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String plain = detail.replace("`", "'").replace("@", "");
        plain = plain.length() > MAX_DETAIL ? plain.substring(0, MAX_DETAIL - 1) + "…" : plain;
        return "\n   " + texts.get("ai.test-detail", "`" + plain + "`");
    }
}
