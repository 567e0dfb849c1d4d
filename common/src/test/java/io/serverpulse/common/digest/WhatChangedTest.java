package io.serverpulse.common.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.digest.DigestReport.ChannelCount;
import io.serverpulse.common.digest.DigestReport.NewMembers;
import io.serverpulse.common.digest.DigestReport.Totals;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.store.memory.InMemoryStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhatChangedTest {

    private static final Texts EN = Texts.english();

    private static DigestReport report(Totals now, Totals before, List<ChannelCount> channels, NewMembers newMembers) {
        DigestReport base = new DigestBuilder(new InMemoryStore(), new InMemoryStore(), new InMemoryStore(), new InMemoryStore())
                .build(BerlinWeek.settings().withSentiment(false, java.time.Instant.EPOCH), BerlinWeek.week());
        return new DigestReport(base.guildId(), base.period(), now, before, List.of(), channels, List.of(), List.of(),
                base.heatmap(), Optional.empty(), base.activity(), base.previousActivity(), newMembers, List.of(), Optional.empty());
    }

    @Test
    void theBerlinWeekReadsAsItHappened() {
        // GIVEN the digest of BerlinWeek
        InMemoryStore store = BerlinWeek.store();
        DigestReport report = new DigestBuilder(store, store, store, store).build(BerlinWeek.settings(), BerlinWeek.week());

        // WHEN the paragraph is written in English, German and French
        // THEN it says what changed, in four sentences at most, in each language
        assertThat(WhatChanged.paragraph(report, EN)).isEqualTo("Messages rose 120 % to 11. 1 alert was raised: Join raid. "
                + "Active members rose from 3 to 6. As many members joined as left (1).");
        assertThat(WhatChanged.paragraph(report, Texts.forLocale("de"))).startsWith("Die Nachrichten stiegen um 120 % auf 11.");
        assertThat(WhatChanged.paragraph(report, Texts.forLocale("fr"))).startsWith("Les messages ont augmenté de 120 %");
    }

    @Test
    void aQuietPeriodSaysWhatIsCounted() {
        // GIVEN nothing counted
        DigestReport quiet = report(Totals.NONE, Totals.NONE, List.of(), NewMembers.NONE);

        // WHEN / THEN
        assertThat(WhatChanged.paragraph(quiet, EN)).startsWith("Nothing was counted in this period.").contains("/add-collect-channel");
    }

    @Test
    void aFirstPeriodHasNothingToCompareWith() {
        // GIVEN activity now and none last week
        DigestReport first = report(new Totals(40, 3, 7, 0, 0, 0), Totals.NONE, List.of(), NewMembers.NONE);

        // WHEN / THEN
        assertThat(WhatChanged.paragraph(first, EN)).isEqualTo(
                "No activity was counted last week, so there is nothing to compare with yet: 40 messages from 7 active members this time.");
    }

    @Test
    void smallChangesHoldSteadyAndTheBiggestChannelMoveIsNamed() {
        // GIVEN 102 messages after 100, the same members, #a up 30, #b down 25, #c up 5
        List<ChannelCount> channels = List.of(new ChannelCount(11, 60, 30), new ChannelCount(12, 25, 50), new ChannelCount(13, 17, 12));
        DigestReport report = report(new Totals(102, 0, 10, 0, 0, 0), new Totals(100, 0, 10, 0, 0, 0), channels, NewMembers.NONE);

        // WHEN / THEN messages held steady, members are not mentioned, #a grew the most
        assertThat(WhatChanged.sentences(report, EN)).containsExactly("Messages held steady at 102.",
                "<#11> grew the most (+30 messages).");
    }

    @Test
    void fallsAndGrowthAndRetentionAndVoiceAreNamedAtMostFourTimes() {
        // GIVEN fewer messages and members, a shrinking server, two of five newcomers back, much less voice
        DigestReport report = report(new Totals(50, 0, 8, 600, 2, 5), new Totals(100, 0, 10, 6_000, 0, 0),
                List.of(new ChannelCount(11, 10, 60)), new NewMembers(5, 2));

        // WHEN the sentences are written
        List<String> sentences = WhatChanged.sentences(report, EN);

        // THEN the four most important are kept, in order
        assertThat(sentences).containsExactly("Messages fell 50 % to 50.", "Active members fell from 10 to 8.",
                "<#11> quietened the most (−50 messages).", "The server shrank by 3 members (2 joined, 5 left).");
    }
}
