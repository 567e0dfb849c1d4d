package io.serverpulse.common.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.ai.AiEndpoints;
import io.serverpulse.common.commands.InteractionOutcome.Defer;
import io.serverpulse.common.commands.InteractionOutcome.Rejected;
import io.serverpulse.common.commands.InteractionOutcome.Respond;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.crypto.SecretSealer;
import io.serverpulse.common.metrics.ActivityEvent;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A command core wired to an in-memory store and a fixed clock, plus the interaction fixtures
 * (common/src/test/resources/interactions, shaped like Discord's payloads). Every answer that passes
 * through {@link #run} is checked against Discord's limits.
 */
final class CommandKit {

    static final long GUILD = 1176201535215009852L;
    static final long OTHER_GUILD = 1176201535215009999L;
    static final long GENERAL = 1176201535215009855L;
    static final long ANNOUNCEMENTS = 1176201535215009860L;
    static final long MEMES = 1176201535215009861L;
    static final long VOICE = 1176201535215009862L;
    static final long USER = 539082325061836800L;
    static final long APP = 1177777777777777777L;
    static final String MEMBER_PERMISSIONS = "1071698660929";
    static final Instant NOW = Instant.parse("2026-11-28T18:30:00Z");
    static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final ObjectMapper JSON = new ObjectMapper();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryStore store = new InMemoryStore(clock);
    final SecretSealer sealer = new SecretSealer(MASTER_KEY);
    final InteractionHandler handler;

    CommandKit() {
        this(true);
    }

    CommandKit(boolean withMasterKey) {
        this(withMasterKey, false);
    }

    /** @param sentimentScoring whether the deployment scores sentiment (the operator enabled message content) */
    CommandKit(boolean withMasterKey, boolean sentimentScoring) {
        this(withMasterKey, sentimentScoring, AiEndpoints.defaults());
    }

    /** With the AI providers reached at {@code aiEndpoints} (local fakes). */
    CommandKit(AiEndpoints aiEndpoints) {
        this(true, false, aiEndpoints);
    }

    private CommandKit(boolean withMasterKey, boolean sentimentScoring, AiEndpoints aiEndpoints) {
        handler = new InteractionHandler(store, CommandRegistry.standard(withMasterKey ? Optional.of(sealer) : Optional.empty(),
                sentimentScoring, aiEndpoints), clock);
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = CommandKit.class.getResourceAsStream("/interactions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode asMember(ObjectNode interaction, String permissions) {
        ((ObjectNode) interaction.get("member")).put("permissions", permissions);
        return interaction;
    }

    static ObjectNode withLocale(ObjectNode interaction, String locale) {
        interaction.put("locale", locale);
        return interaction;
    }

    static ObjectNode withOptions(ObjectNode interaction, String json) {
        try {
            ((ObjectNode) interaction.get("data")).set("options", JSON.readTree(json));
            return interaction;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer run(ObjectNode interaction) {
        return run(interaction.toString());
    }

    Answer run(String body) {
        InteractionOutcome outcome = handler.handle(body);
        assertValid(outcome);
        return new Answer(outcome);
    }

    FollowUp complete(DeferredWork work) {
        DeferredWork carried = DeferredWork.fromJson(work.toJson());
        FollowUp followUp = handler.completeDeferred(carried);
        assertThat(ResponseLimits.checkEdit(followUp.body(), followUp.files().size()))
                .as("the follow-up edit respects Discord's limits").isEmpty();
        assertThat(followUp.route().path()).isEqualTo("/webhooks/" + APP + "/" + work.token() + "/messages/@original");
        return followUp;
    }

    static void assertValid(InteractionOutcome outcome) {
        InteractionResponse response;
        if (outcome instanceof Respond respond) {
            response = respond.response();
        } else if (outcome instanceof Defer defer) {
            response = defer.response();
            assertThat(response.type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        } else {
            assertThat(outcome).isInstanceOf(Rejected.class);
            return;
        }
        assertThat(ResponseLimits.checkResponse(response.body(), response.files().size()))
                .as("answer %s respects Discord's limits", response.json()).isEmpty();
    }

    /** Members post messages in a channel at an instant (through the real aggregator). */
    void post(long guild, long channel, long member, int messages, Instant at) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int i = 0; i < messages; i++) {
            aggregator.add(new ActivityEvent.MessagePosted(guild, channel, member, at));
        }
        store.apply(aggregator.drain());
    }

    /** Messages the collector could not count (it was overloaded), stored as it stores them. */
    void dropped(long guild, long channel, int messages, Instant at) {
        MetricAggregator aggregator = new MetricAggregator();
        for (int i = 0; i < messages; i++) {
            aggregator.addDropped(new ActivityEvent.MessagePosted(guild, channel, USER, at));
        }
        store.apply(aggregator.drain());
    }

    /** An answer as a member would see it. */
    record Answer(InteractionOutcome outcome) {

        InteractionResponse response() {
            if (outcome instanceof Respond respond) {
                return respond.response();
            }
            if (outcome instanceof Defer defer) {
                return defer.response();
            }
            throw new AssertionError("no response: " + outcome);
        }

        int type() {
            return response().type();
        }

        JsonNode data() {
            return response().body().path("data");
        }

        String content() {
            return data().path("content").asText("");
        }

        boolean ephemeral() {
            return (data().path("flags").asInt() & 64) != 0;
        }

        DeferredWork work() {
            assertThat(outcome).isInstanceOf(Defer.class);
            return ((Defer) outcome).work();
        }

        List<FileAttachment> files() {
            return response().files();
        }

        /** Everything the member can read: content, embeds, components' labels. */
        String text() {
            return response().json();
        }
    }
}
