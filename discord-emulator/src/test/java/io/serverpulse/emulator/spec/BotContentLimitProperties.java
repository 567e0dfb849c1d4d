package io.serverpulse.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties checked with QuickTheories: a fixed seed, so every run checks the same cases. */
class BotContentLimitProperties {

    /** Lengths around the limit, with characters inside and outside the BMP (an emoji is one character, two UTF-16 units). */
    private static Gen<String> contents() {
        Gen<Integer> characters = oneOf(integers().between('a', 'z'), integers().between(0x1F300, 0x1F5FF),
                integers().between(0x00E0, 0x00FF));
        // the lengths at the limit are mixed in (a quarter of the draws), as edge cases
        Gen<Integer> lengths = integers().between(1900, 2100).mix(pick(List.of(1900, 1999, 2000, 2001, 2100)), 25);
        return lists().of(characters).ofSizes(lengths)
                .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Test
    void contentIsAcceptedExactlyUpTo2000Characters() {
        // GIVEN the spec (skipped with its notice when absent)
        SpecValidator validator = SpecFixtures.validator();

        AtomicInteger tries = new AtomicInteger();
        qt().withFixedSeed(20260311L).withExamples(65).withShrinkCycles(200).forAll(contents()).checkAssert(content -> {
            tries.incrementAndGet();
            ObjectNode body = JdaBodies.MAPPER.createObjectNode().put("content", content);
            int characters = content.codePointCount(0, content.length());

            // WHEN a bot sends it
            SpecValidator.Result result = validator.validate("POST", "/api/v10/channels/1/messages", body);

            // THEN it is accepted if and only if it has at most 2000 characters
            assertThat(result.isValid()).as(characters + " characters").isEqualTo(characters <= 2000);
            if (!result.isValid()) {
                assertThat(result.readableProblems()).containsExactly("content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");
            }
        });
        // QuickTheories skips a draw it has already tried (so it asks for a few more): at least as many cases as before
        assertThat(tries.get()).isGreaterThanOrEqualTo(60);
    }
}
