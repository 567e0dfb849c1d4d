package io.serverpulse.common.commands.setup;

import io.serverpulse.common.alerts.AlertType;
import io.serverpulse.common.commands.ChannelTypes;
import io.serverpulse.common.commands.message.Component;
import io.serverpulse.common.commands.message.Component.ActionRow;
import io.serverpulse.common.commands.message.Component.Button;
import io.serverpulse.common.commands.message.Component.ChannelSelect;
import io.serverpulse.common.commands.message.Component.DefaultValue;
import io.serverpulse.common.commands.message.Component.SelectOption;
import io.serverpulse.common.commands.message.Component.StringSelect;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.settings.DigestFrequency;
import io.serverpulse.common.settings.GuildSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code /setup} wizard as a message: a summary of the settings and up to four rows of
 * components. The custom ids are stable (old wizard messages keep working after an update):
 *
 * <ul>
 *   <li>{@code setup:update-channel}: channel select (text, announcement), one channel</li>
 *   <li>{@code setup:collect-channels}: channel select (text, voice, announcement), 0-25 channels; it
 *       replaces the whole list, so it is left out when more than 25 channels are collected</li>
 *   <li>{@code setup:digest}: string select daily/weekly/none</li>
 *   <li>{@code setup:alerts-on}, {@code setup:alerts-off}: buttons for all alert types</li>
 *   <li>{@code setup:done}: closes the wizard (removes the components)</li>
 * </ul>
 */
public final class SetupWizard {

    public static final String PREFIX = SetupCommand.NAME + ":";
    public static final String UPDATE_CHANNEL = "update-channel";
    public static final String COLLECT_CHANNELS = "collect-channels";
    public static final String DIGEST = "digest";
    public static final String ALERTS_ON = "alerts-on";
    public static final String ALERTS_OFF = "alerts-off";
    public static final String DONE = "done";
    public static final int MAX_SELECTED = 25;

    private SetupWizard() {
    }

    public static MessageBody render(GuildSettings settings, Texts texts, boolean ephemeral) {
        List<Component> rows = new ArrayList<>();
        rows.add(ActionRow.of(new ChannelSelect(PREFIX + UPDATE_CHANNEL, ChannelTypes.POSTABLE,
                texts.get("setup.update-channel-placeholder"),
                settings.updateChannelId() == null ? List.of() : List.of(DefaultValue.channel(settings.updateChannelId())),
                1, 1)));
        boolean fitsSelect = settings.collectChannels().size() <= MAX_SELECTED;
        if (fitsSelect) {
            rows.add(ActionRow.of(new ChannelSelect(PREFIX + COLLECT_CHANNELS, ChannelTypes.COLLECTABLE,
                    texts.get("setup.collect-placeholder"),
                    settings.collectChannels().stream().map(DefaultValue::channel).toList(), 0, MAX_SELECTED)));
        }
        rows.add(ActionRow.of(new StringSelect(PREFIX + DIGEST, DigestFrequency.OFFERED.stream()
                .map(f -> new SelectOption(texts.get("choice.digest." + f.option()), f.option(), null, f == settings.digest()))
                .toList(), texts.get("setup.digest-placeholder"), 1, 1)));
        long enabled = enabledAlerts(settings);
        rows.add(ActionRow.of(
                new Button(Button.SUCCESS, texts.get("setup.alerts-on"), PREFIX + ALERTS_ON, enabled == AlertType.values().length),
                new Button(Button.DANGER, texts.get("setup.alerts-off"), PREFIX + ALERTS_OFF, enabled == 0),
                new Button(Button.PRIMARY, texts.get("setup.done"), PREFIX + DONE, false)));
        String content = texts.get("setup.intro") + "\n\n" + summary(settings, texts)
                + (fitsSelect ? "" : "\n\n" + texts.get("setup.too-many-channels", settings.collectChannels().size()));
        return new MessageBody(content, List.of(), rows, ephemeral, List.of());
    }

    /** The closing message: the summary, no components. */
    public static MessageBody finished(GuildSettings settings, Texts texts) {
        return new MessageBody(texts.get("setup.finished") + "\n\n" + summary(settings, texts), List.of(), List.of(), false,
                List.of());
    }

    static String summary(GuildSettings settings, Texts texts) {
        String channel = settings.updateChannelId() == null ? texts.get("status.not-set")
                : "<#" + Long.toUnsignedString(settings.updateChannelId()) + ">";
        return texts.get("setup.summary", channel, settings.collectChannels().size(),
                texts.get("choice.digest." + settings.digest().option()), enabledAlerts(settings), AlertType.values().length);
    }

    private static long enabledAlerts(GuildSettings settings) {
        return Arrays.stream(AlertType.values()).filter(type -> settings.alert(type).enabled()).count();
    }
}
