package io.serverpulse.common.commands.digest;

import io.serverpulse.common.commands.BadInputException;
import io.serverpulse.common.commands.Command;
import io.serverpulse.common.commands.CommandContext;
import io.serverpulse.common.commands.DeferredContext;
import io.serverpulse.common.commands.InteractionOutcome;
import io.serverpulse.common.commands.InteractionResponse;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import io.serverpulse.common.commands.registration.OptionDefinition;
import io.serverpulse.common.digest.DigestSchedule;
import io.serverpulse.common.digest.DigestSchedules;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import io.serverpulse.common.settings.TimeZones;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /set-digest [frequency:daily|weekly|none] [timezone:<tz database name>]}. Stores how often the
 * guild's digest is posted and the zone it is written in, and says when it will be posted. Hourly digests
 * are not offered (an hour is too little to compare, and a post every hour buries the channel); a member
 * who still sees the old choice is told so and nothing changes. Self-hosted, the collector's timer reads the
 * settings; in the AWS mode the answer is deferred and the worker creates, updates or deletes the guild's
 * EventBridge Scheduler schedule ({@link DigestSchedules}) before saying when the digest comes (if that fails,
 * the daily reconciliation catches up, and the answer says so).
 */
public final class SetDigestCommand implements Command {

    public static final String NAME = "set-digest";

    private static final Logger LOG = LoggerFactory.getLogger(SetDigestCommand.class);

    private final Optional<DigestSchedules> schedules;

    /**
     * @param schedules where the guild's schedule is kept (AWS mode): the command then finishes in the deferred worker;
     *                  empty self-hosted, where the collector's own timer reads the settings
     */
    public SetDigestCommand(Optional<DigestSchedules> schedules) {
        this.schedules = schedules;
    }

    @Override
    public CommandDefinition definition() {
        return CommandDefinition.admin(NAME,
                OptionDefinition.choice(NAME, "frequency", false, "choice.digest",
                        DigestFrequency.OFFERED.stream().map(DigestFrequency::option).toList()),
                OptionDefinition.string(NAME, "timezone", false, 1, TimeZones.MAX_LENGTH));
    }

    @Override
    public InteractionOutcome execute(CommandContext context) {
        Optional<String> frequencyOption = context.string("frequency");
        Optional<String> zoneOption = context.string("timezone");
        if (frequencyOption.isEmpty() && zoneOption.isEmpty()) {
            throw new BadInputException("digest.nothing", context.label("frequency"), context.label("timezone"));
        }
        Optional<DigestFrequency> frequency = frequencyOption.map(option -> DigestFrequency.fromOption(option)
                .orElseThrow(() -> new BadInputException("error.invalid-option", context.label("frequency"))));
        if (frequency.filter(f -> !DigestFrequency.OFFERED.contains(f)).isPresent()) {
            throw new BadInputException("digest.hourly-not-offered");
        }
        Optional<String> zone = zoneOption.map(typed -> TimeZones.parse(typed)
                .orElseThrow(() -> new BadInputException("digest.timezone-invalid", shorten(typed))));
        GuildSettings settings = context.updateSettings(current -> {
            GuildSettings changed = current;
            if (frequency.isPresent() && frequency.get() != current.digest()) {
                changed = changed.withDigest(frequency.get(), context.now());
            }
            if (zone.isPresent() && !zone.get().equals(current.timeZone())) {
                changed = changed.withTimeZone(zone.get(), context.now());
            }
            return changed;
        }).after();
        if (schedules.isPresent()) {
            // the schedule is kept outside (EventBridge Scheduler): a call that may take longer than the answer may
            return new InteractionOutcome.Defer(InteractionResponse.deferred(true),
                    context.deferredWork(NAME, zone.map(id -> Map.of("timezone", id)).orElse(Map.of())));
        }
        return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.ephemeralText(answer(settings, zone,
                context.texts()))));
    }

    /** The AWS mode's second half: the guild's schedule made to match what was saved, then the same answer. */
    @Override
    public MessageBody completeDeferred(DeferredContext context) {
        GuildSettings settings = context.store().settings(context.guildId());
        String text = answer(settings, Optional.ofNullable(context.work().arg("timezone")), context.texts());
        try {
            schedules.orElseThrow().sync(settings);
        } catch (RuntimeException e) {
            LOG.warn("Digest schedule of guild {} not updated: {}", context.guildId(), e.toString());
            text = text + "\n" + context.texts().get("digest.schedule-later");
        }
        return MessageBody.text(text);
    }

    private static String answer(GuildSettings settings, Optional<String> zone, Texts texts) {
        StringBuilder text = new StringBuilder();
        zone.ifPresent(id -> text.append(texts.get("digest.timezone-set", id)).append('\n'));
        return text.append(describe(settings, texts)).toString();
    }

    /** When the guild's digest is posted, in words. */
    private static String describe(GuildSettings settings, Texts texts) {
        if (settings.digest() == DigestFrequency.HOURLY) {
            return texts.get("digest.hourly-stored");
        }
        return DigestSchedule.of(settings.digest(), settings.zone())
                .map(schedule -> texts.get("digest.set." + settings.digest().option(),
                        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(texts.locale()).format(schedule.time()),
                        settings.zone().getId()))
                .orElseGet(() -> texts.get("digest.off"));
    }

    /** Member-typed text quoted back: short, on one line, without markup. */
    private static String shorten(String typed) {
        String line = typed.strip().replaceAll("[\\p{Cntrl}`*_~|<>@]", "");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
