package io.serverpulse.common.commands.export;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /export-report <csv|json>}: answers DEFERRED (ephemeral: only the admin sees it) and the
 * worker attaches a file of everything stored for this guild, and only this guild.
 */
public final class ExportReportCommand implements Command {

    public static final String NAME = "export-report";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME, OptionDefinition.choice(NAME, "format", true, "choice.format",
                Arrays.stream(ExportFormat.values()).map(ExportFormat::option).toList()));
    }

    private static ExportFormat format(String option) {
        return ExportFormat.fromOption(option).orElseThrow(() -> new BadInputException("error.invalid-option", "format"));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        ExportFormat format = format(context.requiredString("format"));
        return new InteractionOutcome.Defer(InteractionResponse.deferred(true),
                context.deferredWork(NAME, Map.of("format", format.option())));
    }

    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        ExportFormat format = format(context.work().arg("format"));
        GuildExport export = GuildExport.of(context.store(), context.guildId(), context.now());
        byte[] bytes = export.bytes(format);
        if (bytes.length > context.work().attachmentSizeLimit()) {
            return MessageBody.text(context.texts().get("export.too-large", bytes.length / (1024 * 1024) + 1,
                    context.work().attachmentSizeLimit() / (1024 * 1024)));
        }
        String filename = "serverpulse-" + Long.toUnsignedString(context.guildId()) + "-" + DAY.format(context.now()) + "."
                + format.option();
        FileAttachment file = new FileAttachment(filename, format.contentType(), bytes, null);
        return MessageBody.text(context.texts().get("export.ready", format.option().toUpperCase(java.util.Locale.ROOT),
                export.records())).withFiles(List.of(file));
    }
}
