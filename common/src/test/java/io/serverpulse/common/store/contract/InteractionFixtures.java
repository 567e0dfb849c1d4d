package io.serverpulse.common.store.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The interaction fixtures of {@code common/src/test/resources/interactions} (shaped like Discord's
 * payloads, all in one guild), as the contract parts that answer commands read them.
 */
final class InteractionFixtures {

    /** The guild of every fixture; replace it to run a fixture in another guild. */
    static final String GUILD = "1176201535215009852";

    private InteractionFixtures() {
    }

    static String fixture(String name) {
        try (InputStream in = InteractionFixtures.class.getResourceAsStream("/interactions/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with its guild replaced by {@code guildId}. */
    static String inGuild(String name, long guildId) {
        return fixture(name).replace(GUILD, Long.toUnsignedString(guildId));
    }
}
