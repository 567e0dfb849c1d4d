package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.state.EmulatorState;
import io.serverpulse.emulator.state.Json;
import io.serverpulse.emulator.state.StoredAttachment;
import io.serverpulse.emulator.state.StoredMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message create/edit body (JSON, or multipart {@code payload_json} plus {@code files[n]})
 * into what the message will hold: content, embeds, components, flags and attachments (bytes
 * kept). Attachment entries in the payload refer to uploaded files by their index {@code n}
 * (as a number or a string, as clients send them) and to kept attachments by their id.
 */
final class MessageComposer {

    /** The parts of a message a body sets. */
    record Draft(String content, List<JsonNode> embeds, List<StoredAttachment> attachments, List<JsonNode> components,
                 int flags, String nonce, JsonNode messageReference) {
    }

    private static final Pattern FILE_FIELD = Pattern.compile("files\\[(\\d+)]|file(\\d*)");

    private final EmulatorState state;

    MessageComposer(EmulatorState state) {
        this.state = state;
    }

    /** A new message; refuses an empty one (50006). */
    Draft forCreate(JsonNode payload, List<MultipartParser.Part> files) {
        Map<String, MultipartParser.Part> uploads = uploads(files);
        List<StoredAttachment> attachments = new ArrayList<>();
        JsonNode described = payload.path("attachments");
        Map<String, JsonNode> descriptions = new HashMap<>();
        if (described.isArray()) {
            described.forEach(a -> descriptions.put(a.path("id").asText(), a));
        }
        uploads.forEach((index, part) -> attachments.add(attachment(part, descriptions.get(index))));
        String content = textOrEmpty(payload, "content");
        List<JsonNode> embeds = list(payload.path("embeds"));
        List<JsonNode> components = list(payload.path("components"));
        boolean hasSticker = payload.path("sticker_ids").isArray() && !payload.path("sticker_ids").isEmpty();
        boolean hasPoll = payload.path("poll").isObject();
        if (content.isBlank() && embeds.isEmpty() && attachments.isEmpty() && components.isEmpty() && !hasSticker && !hasPoll) {
            throw new DiscordException(ErrorBody.emptyMessage());
        }
        JsonNode reference = payload.path("message_reference");
        return new Draft(content, embeds, attachments, components, payload.path("flags").asInt(0),
                Json.text(payload, "nonce"), reference.isObject() ? reference : null);
    }

    /** A new version of {@code current}: fields absent from the body keep their value. */
    Draft forEdit(StoredMessage current, JsonNode payload, List<MultipartParser.Part> files) {
        Map<String, MultipartParser.Part> uploads = uploads(files);
        String content = payload.has("content") ? textOrEmpty(payload, "content") : current.content();
        List<JsonNode> embeds = payload.has("embeds") ? list(payload.get("embeds")) : current.embeds();
        List<JsonNode> components = payload.has("components") ? list(payload.get("components")) : current.components();
        int flags = payload.has("flags") && !payload.get("flags").isNull() ? payload.get("flags").asInt() : current.flags();
        List<StoredAttachment> attachments = new ArrayList<>();
        JsonNode listed = payload.path("attachments");
        if (listed.isArray()) {
            for (JsonNode entry : listed) {
                String id = entry.path("id").asText();
                MultipartParser.Part upload = uploads.remove(id);
                if (upload != null) {
                    attachments.add(attachment(upload, entry));
                } else {
                    current.attachments().stream().filter(a -> Json.id(a.id()).equals(id)).findFirst().ifPresent(attachments::add);
                }
            }
        } else {
            attachments.addAll(current.attachments());
        }
        uploads.values().forEach(part -> attachments.add(attachment(part, null)));
        return new Draft(content, embeds, attachments, components, flags, current.nonce(), current.messageReference());
    }

    private StoredAttachment attachment(MultipartParser.Part part, JsonNode description) {
        String filename = description != null && description.hasNonNull("filename")
                ? description.get("filename").asText()
                : part.filename() != null ? part.filename() : "file";
        String contentType = part.contentType();
        if (contentType == null && description != null) {
            contentType = Json.text(description, "content_type");
        }
        String text = description == null ? null : Json.text(description, "description");
        return new StoredAttachment(state.ids().next(), filename, contentType, text, part.bytes());
    }

    /** File parts by their index ({@code files[3]} → "3"), in upload order. */
    private static Map<String, MultipartParser.Part> uploads(List<MultipartParser.Part> files) {
        Map<String, MultipartParser.Part> uploads = new java.util.LinkedHashMap<>();
        int next = 0;
        for (MultipartParser.Part part : files) {
            Matcher m = FILE_FIELD.matcher(part.name());
            if (!m.matches()) {
                continue;
            }
            String index = m.group(1) != null ? m.group(1) : m.group(2).isEmpty() ? Integer.toString(next) : m.group(2);
            uploads.put(index, part);
            next++;
        }
        return uploads;
    }

    private static String textOrEmpty(JsonNode node, String field) {
        String text = Json.text(node, field);
        return text == null ? "" : text;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> list.add(n.deepCopy()));
        }
        return list;
    }
}
