package io.serverpulse.common.discord.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.FileAttachment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPostTest {

    private static final String FOOTER = "ServerPulse digest 42 2026-W10";

    @Test
    void theBodyHasTheEmbedsPingsNobodyAndListsTheFilesTheEmbedsReferTo() {
        // GIVEN a post whose embed shows an attached chart
        FileAttachment chart = new FileAttachment("activity.png", "image/png", new byte[] {1, 2, 3}, "Messages per day");
        ChannelPost post = ChannelPost.of(FOOTER, List.of(Embed.builder().title("Weekly digest").footer(FOOTER)
                .image("attachment://activity.png").build()), List.of(chart));

        // WHEN its body is written
        ObjectNode body = post.toJson();

        // THEN embeds, no mention parsed, and the file as attachment 0 by its name
        assertThat(body.path("embeds").get(0).path("image").path("url").asText()).isEqualTo("attachment://activity.png");
        assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(body.path("attachments")).hasSize(1);
        assertThat(body.path("attachments").get(0).path("id").asInt()).isZero();
        assertThat(body.path("attachments").get(0).path("filename").asText()).isEqualTo("activity.png");
        assertThat(body.path("attachments").get(0).path("description").asText()).isEqualTo("Messages per day");
        assertThat(post.files()).containsExactly(chart);
    }

    @Test
    void withoutFilesThereIsNoAttachmentsList() {
        // GIVEN / WHEN an embed alone / THEN no attachments key (an edit without it keeps nothing to keep)
        ChannelPost post = ChannelPost.of(FOOTER, List.of(Embed.builder().title("t").footer(FOOTER).build()), List.of());
        assertThat(post.toJson().has("attachments")).isFalse();
    }

    @Test
    void aPostIsIdentifiedByTheFooterOfOneOfItsEmbeds() {
        // GIVEN / WHEN / THEN a footer no embed carries, or a blank one, is refused: it could never be found again
        List<Embed> embeds = List.of(Embed.builder().title("t").footer("something else").build());
        assertThatThrownBy(() -> ChannelPost.of(FOOTER, embeds, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("footer");
        assertThatThrownBy(() -> ChannelPost.of(" ", embeds, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePostIsNotChangedThroughTheEmbedsGivenOrReturned() {
        // GIVEN a post made of an embed that the caller changes afterwards
        ObjectNode embed = DiscordJson.object().put("title", "before");
        embed.putObject("footer").put("text", FOOTER);
        ChannelPost post = new ChannelPost(FOOTER, List.of(embed), List.of());

        // WHEN the caller's embed and a returned one are changed
        embed.put("title", "after");
        post.embeds().get(0).put("title", "changed");

        // THEN the post is as it was made
        assertThat(post.toJson().path("embeds").get(0).path("title").asText()).isEqualTo("before");
    }
}
