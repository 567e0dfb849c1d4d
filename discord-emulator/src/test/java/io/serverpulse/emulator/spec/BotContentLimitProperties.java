package io.serverpulse.emulator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BotContentLimitProperties {

    @Provide
    Arbitrary<String> contents() {
        // lengths around the limit, with characters inside and outside the BMP (an emoji is one character, two UTF-16 units)
        Arbitrary<Integer> characters = Arbitraries.oneOf(Arbitraries.integers().between('a', 'z'),
                Arbitraries.integers().between(0x1F300, 0x1F5FF), Arbitraries.integers().between(0x00E0, 0x00FF));
        return characters.list().ofMinSize(1900).ofMaxSize(2100)
                .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Property(tries = 60)
    void contentIsAcceptedExactlyUpTo2000Characters(@ForAll("contents") String content) {
        // GIVEN the spec (skipped with its notice when absent)
        SpecValidator validator = SpecValidator.shared();
        Assume.that(validator.enabled());
        ObjectNode body = JdaBodies.MAPPER.createObjectNode().put("content", content);
        int characters = content.codePointCount(0, content.length());

        // WHEN a bot sends it
        SpecValidator.Result result = validator.validate("POST", "/api/v10/channels/1/messages", body);

        // THEN it is accepted if and only if it has at most 2000 characters
        assertThat(result.isValid()).as(characters + " characters").isEqualTo(characters <= 2000);
        if (!result.isValid()) {
            assertThat(result.readableProblems()).containsExactly("content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");
        }
    }
}
