package io.serverpulse.emulator.sim;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Generated names: usernames (unique within one generator), guild, channel and emoji names. */
final class Names {

    private static final String[] ADJECTIVES = {
        "silent", "crimson", "lucky", "tiny", "neon", "cosmic", "lazy", "fuzzy", "swift", "mellow", "salty", "sleepy",
        "brave", "quiet", "rusty", "golden", "frosty", "wild", "gentle", "spicy", "misty", "clever", "odd", "sunny"
    };
    private static final String[] NOUNS = {
        "fox", "otter", "pixel", "comet", "maple", "raven", "taco", "wizard", "panda", "byte", "badger", "lynx",
        "noodle", "falcon", "moth", "cactus", "kettle", "walrus", "glitch", "pebble", "heron", "mango", "orbit", "quill"
    };
    private static final String[] BOT_NAMES = {
        "Pulsebeat", "ModHelper", "MusicBox", "TicketTron", "RoleKeeper", "DiceRoller", "WelcomeBot", "LevelUp"
    };
    private static final String[] TEXT_CHANNELS = {
        "general", "memes", "help", "off-topic", "announcements", "gaming", "art", "music", "introductions",
        "bot-commands", "dev-chat", "pets", "food", "screenshots", "events", "feedback"
    };
    private static final String[] VOICE_CHANNELS = {"General Voice", "Lounge", "Gaming", "Music", "Study Room", "AFK"};
    private static final String[] EMOJIS = {
        "blob_wave", "cat_nod", "duck_dance", "pixel_heart", "tea_time", "party_otter", "sad_moth", "big_brain",
        "thumbs_taco", "sparkle_fox", "derp", "yeet", "hype", "salute", "facepalm", "zzz"
    };
    private static final String[] GUILD_WORDS = {
        "Lounge", "Guild", "Collective", "Hangout", "Club", "Den", "Hub", "Workshop", "Society", "Crew"
    };

    private final SplittableRandom random;
    private final Set<String> usernames = new HashSet<>();

    Names(SplittableRandom random) {
        this.random = random;
    }

    String username() {
        for (int attempt = 0; ; attempt++) {
            String base = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + (random.nextBoolean() ? "_" : "")
                    + NOUNS[random.nextInt(NOUNS.length)];
            String name = attempt < 3 && random.nextInt(3) > 0 ? base : base + random.nextInt(10, 10_000);
            if (usernames.add(name)) {
                return name;
            }
        }
    }

    /** Throwaway-looking accounts of a raid. */
    String raidUsername() {
        for (;;) {
            String name = "free_gift_" + Integer.toString(random.nextInt(36 * 36 * 36 * 36), 36);
            if (usernames.add(name)) {
                return name;
            }
        }
    }

    String botName(int index) {
        String name = index < BOT_NAMES.length ? BOT_NAMES[index] : "Bot" + index;
        usernames.add(name);
        return name;
    }

    String guildName() {
        String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
        return "The " + Character.toUpperCase(adjective.charAt(0)) + adjective.substring(1) + " "
                + capitalize(NOUNS[random.nextInt(NOUNS.length)]) + " " + GUILD_WORDS[random.nextInt(GUILD_WORDS.length)];
    }

    static String textChannel(int index) {
        return index < TEXT_CHANNELS.length ? TEXT_CHANNELS[index] : "channel-" + (index + 1);
    }

    static String voiceChannel(int index) {
        return index < VOICE_CHANNELS.length ? VOICE_CHANNELS[index] : "Voice " + (index + 1);
    }

    static String emoji(int index) {
        return index < EMOJIS.length ? EMOJIS[index] : "emoji_" + (index + 1);
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
