package io.serverpulse.common.commands.export;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /export-report <csv|json> [period]}: answers DEFERRED (ephemeral: only the admin sees it) and
 * the worker attaches what is stored for this guild, and only this guild, in the period (default:
 * everything retained): metrics, joins and leaves, alerts, AI summaries, cached leaderboards and the
 * settings (never an AI key). Members who opted out are left out. The files respect the
 * interaction's {@code attachment_size_limit} ({@link ExportFiles}: zipped, then split).
 */
public final class ExportReportCommand implements Command {

    public static final String NAME = "export-report";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.choice(NAME, "format", true, "choice.format",
                        Arrays.stream(ExportFormat.values()).map(ExportFormat::option).toList()),
                OptionDefinition.choice(NAME, "period", false, "choice.period",
                        Arrays.stream(Period.values()).map(Period::label).toList()));
    }

    private static ExportFormat format(String option) {
        return ExportFormat.fromOption(option).orElseThrow(() -> new BadInputException("error.invalid-option", "format"));
    }

    private static Period period(String label) {
        return Period.fromLabel(label).orElseThrow(() -> new BadInputException("error.invalid-option", "period"));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        ExportFormat format = format(context.requiredString("format"));
        Period period = period(context.string("period").orElse(Period.ALL_TIME.label()));
        return new InteractionOutcome.Defer(InteractionResponse.deferred(true),
                context.deferredWork(NAME, Map.of("format", format.option(), "period", period.label())));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        Texts texts = context.texts();
        ExportFormat format = format(context.work().arg("format"));
        Period period = period(Optional.ofNullable(context.work().arg("period")).orElse(Period.ALL_TIME.label()));
        GuildExport export = GuildExport.of(context.store(), context.guildId(), context.now(), period);
        String baseName = "serverpulse-" + Long.toUnsignedString(context.guildId()) + "-" + DAY.format(context.now())
                + (period == Period.ALL_TIME ? "" : "-" + period.label());
        long limit = context.work().attachmentSizeLimit();
        Optional<ExportFiles.Fitted> fitted = ExportFiles.within(export, format, baseName, limit);
        if (fitted.isEmpty()) {
            return MessageBody.text(texts.get("export.too-large", export.bytes(format).length / (1024 * 1024) + 1,
                    limit / (1024 * 1024), ResponseLimits.MAX_FILES));
        }
        List<FileAttachment> files = fitted.get().files();
        StringBuilder text = new StringBuilder(texts.get("export.ready", format.option().toUpperCase(Locale.ROOT),
                export.records(), texts.get("choice.period." + period.label())));
        if (files.size() > 1) {
            text.append('\n').append(texts.get("export.split", files.size(), format.option().toUpperCase(Locale.ROOT)));
        } else if (fitted.get().zipped()) {
            text.append('\n').append(texts.get("export.zipped"));
        }
        if (export.hiddenMembers() > 0) {
            text.append('\n').append(texts.get("export.opted-out", export.hiddenMembers()));
        }
        return MessageBody.text(text.toString()).withFiles(files);
    }
}
