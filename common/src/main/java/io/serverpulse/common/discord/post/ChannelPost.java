package io.serverpulse.common.discord.post;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.message.DiscordJson;
import io.serverpulse.common.commands.message.Embed;
import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.commands.message.MessageBody;
import java.util.List;
import java.util.Objects;

/**
 * A message for a guild's update channel: embeds (Discord's embed JSON) and files, identified by
 * {@link #footer()}, the footer text of one of its embeds: that is how the bot finds its message
 * again (to edit it, or to know it is already there). An embed shows an attached file with
 * {@code attachment://<filename>} (e.g. as its image); the files go as multipart parts
 * {@code files[n]}, listed in {@code attachments}. Mentions never ping ({@code allowed_mentions}
 * parses nothing).
 *
 * @param footer an alert's {@code ServerPulse alert <id>}, a digest's guild and period
 */
public record ChannelPost(String footer, List<ObjectNode> embeds, List<FileAttachment> files) {

    public ChannelPost {
        Objects.requireNonNull(footer, "footer");
        embeds = embeds.stream().map(ObjectNode::deepCopy).toList();
        files = List.copyOf(files);
        if (footer.isBlank()) {
            throw new IllegalArgumentException("a post is identified by a footer that is not blank");
        }
        if (embeds.stream().noneMatch(embed -> footer.equals(embed.path("footer").path("text").asText(null)))) {
            throw new IllegalArgumentException("no embed of the post has the footer that identifies it");
        }
    }

    /** A post of embeds built with {@link Embed}. */
    public static ChannelPost of(String footer, List<Embed> embeds, List<FileAttachment> files) {
        return new ChannelPost(footer, embeds.stream().map(DiscordJson::tree).toList(), files);
    }

    @Override
    public List<ObjectNode> embeds() {
        return embeds.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The body of a create or edit request (an edit with files replaces the message's attachments). */
    public ObjectNode toJson() {
        ObjectNode body = DiscordJson.object();
        ArrayNode array = body.putArray("embeds");
        embeds.forEach(embed -> array.add(embed.deepCopy()));
        body.putObject("allowed_mentions").putArray("parse");
        if (!files.isEmpty()) {
            body.set("attachments", MessageBody.attachmentsJson(files));
        }
        return body;
    }
}
