package io.serverpulse.common.commands.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A message as ServerPulse sends it: in an interaction response, or as the edit that finishes a
 * deferred one. Mentions never ping ({@code allowed_mentions.parse = []}): leaderboards mention
 * members so that Discord shows their names, not to notify them.
 *
 * @param components null leaves a message's components as they are; an empty list removes them
 * @param files sent as multipart parts {@code files[0..n-1]}, listed in {@code attachments}
 */
public record MessageBody(String content, List<Embed> embeds, List<Component> components, boolean ephemeral,
                          List<FileAttachment> files) {

    public static final int EPHEMERAL_FLAG = 1 << 6;

    public MessageBody {
        embeds = embeds == null ? List.of() : List.copyOf(embeds);
        components = components == null ? null : List.copyOf(components);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static MessageBody ephemeralText(String content) {
        return new MessageBody(content, List.of(), null, true, List.of());
    }

    public static MessageBody text(String content) {
        return new MessageBody(content, List.of(), null, false, List.of());
    }

    public static MessageBody embeds(boolean ephemeral, Embed... embeds) {
        return new MessageBody(null, List.of(embeds), null, ephemeral, List.of());
    }

    public MessageBody withFiles(List<FileAttachment> newFiles) {
        return new MessageBody(content, embeds, components, ephemeral, newFiles);
    }

    public MessageBody withComponents(List<Component> newComponents) {
        return new MessageBody(content, embeds, newComponents, ephemeral, files);
    }

    /**
     * Discord's JSON for this message. {@code withFlags} is false for edits (the ephemeral flag
     * cannot change after the first response).
     */
    public ObjectNode toJson(boolean withFlags) {
        ObjectNode json = DiscordJson.object();
        if (content != null) {
            json.put("content", content);
        }
        if (!embeds.isEmpty()) {
            json.set("embeds", DiscordJson.MAPPER.valueToTree(embeds));
        }
        if (components != null) {
            json.set("components", DiscordJson.MAPPER.valueToTree(components));
        }
        if (withFlags && ephemeral) {
            json.put("flags", EPHEMERAL_FLAG);
        }
        json.putObject("allowed_mentions").putArray("parse");
        if (!files.isEmpty()) {
            json.set("attachments", attachmentsJson(files));
        }
        return json;
    }

    /**
     * The {@code attachments} array that describes files sent as multipart parts {@code files[n]}:
     * entry {@code n} has id {@code n}, the file name (what {@code attachment://<filename>} refers to)
     * and its description.
     */
    public static ArrayNode attachmentsJson(List<FileAttachment> files) {
        ArrayNode attachments = DiscordJson.MAPPER.createArrayNode();
        for (int i = 0; i < files.size(); i++) {
            FileAttachment file = files.get(i);
            ObjectNode attachment = attachments.addObject().put("id", i).put("filename", file.filename());
            if (file.description() != null) {
                attachment.put("description", file.description());
            }
        }
        return attachments;
    }
}
