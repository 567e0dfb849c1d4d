package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/** A small guild to invoke things in, a fixed clock, and JSON fixtures. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final long APPLICATION_ID = 1_300_000_000_000_000_001L;
    static final long MANAGE_GUILD = 1L << 5;
    static final long VIEW_AND_SEND = (1L << 10) | (1L << 11);

    static final Entities.Guild GUILD = new Entities.Guild(1_200_000_000_000_000_001L, "en-US");
    static final Entities.Channel GENERAL = Entities.Channel.text(1_200_000_000_000_000_101L, "general", GUILD.id());
    static final Entities.Channel ALERTS = new Entities.Channel(1_200_000_000_000_000_102L, "alerts", Entities.Channel.GUILD_TEXT,
            GUILD.id(), 1_200_000_000_000_000_100L, 3);
    static final Entities.User ADA = Entities.User.human(1_100_000_000_000_000_001L, "ada");
    static final Entities.User BOB = Entities.User.human(1_100_000_000_000_000_002L, "bob");
    static final Entities.Member ADMIN = new Entities.Member(ADA, MANAGE_GUILD | VIEW_AND_SEND,
            List.of(1_200_000_000_000_000_201L), Instant.parse("2025-06-01T12:00:00Z"), null);
    static final Entities.Member MEMBER = Entities.Member.of(BOB, VIEW_AND_SEND, Instant.parse("2025-09-15T08:00:00Z"));
    static final Entities.User BOT = new Entities.User(APPLICATION_ID, "ServerPulse", null, true);
    static final Invoker ADMIN_IN_GENERAL = new Invoker(GUILD, GENERAL, ADMIN, "en-GB", VIEW_AND_SEND | (1L << 14));

    /** The payload factory with a fixed clock and seeded tokens: the same JSON every run. */
    static InteractionFactory factory() {
        return new InteractionFactory(APPLICATION_ID, CLOCK, new Random(7));
    }

    /** The node as it arrives after going over the wire (serialised and parsed again). */
    static JsonNode wire(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fixtures() {
    }
}
