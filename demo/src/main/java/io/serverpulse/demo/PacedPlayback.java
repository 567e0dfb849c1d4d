package io.serverpulse.demo;

import io.serverpulse.emulator.DiscordEmulator;
import io.serverpulse.emulator.gateway.GatewaySession;
import io.serverpulse.emulator.sim.TimelinePlayer;
import io.serverpulse.emulator.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Plays the timeline at the demo's pace, and each event only once the bot is done with the one
 * before: it handled it, ran the checks that event's time calls for (the hourly activity-drop
 * check) and posted what it had to post. So while the bot handles an event, "now" is that event's
 * time, as for a bot receiving it live, however fast the two days are played. (Played faster than
 * the bot keeps up, the clock would run ahead of the events: the bot would end a raid before its
 * last joins arrived, and an alert it takes a tenth of a second to post would be dated an hour late.)
 */
final class PacedPlayback extends ListenerAdapter {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private long handled;

    /** JDA fires the raw event after every listener, the collector's included, handled the dispatch. */
    @Override
    public void onRawGateway(RawGatewayEvent event) {
        synchronized (this) {
            handled = Math.max(handled, event.getResponseNumber());
            notifyAll();
        }
    }

    /**
     * Plays {@code events} into {@code discord} with {@code player}'s pacing; returns when all were handled.
     *
     * @param botDone whether the bot, its gateway events handled, is done with what an event at this time calls for
     */
    void play(DiscordEmulator discord, TimelinePlayer player, List<TimelineEvent> events, Predicate<Instant> botDone)
            throws InterruptedException {
        player.play(events, event -> {
            discord.apply(event);
            for (GatewaySession session : discord.sessions()) {
                if (session.owns(event.guildId())) {
                    awaitHandled(session.sequence());
                }
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!botDone.test(event.at()) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        });
    }

    private synchronized void awaitHandled(long sequence) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handled < sequence) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the bot did not handle gateway event " + sequence + " within " + WAIT.toSeconds() + " s");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
