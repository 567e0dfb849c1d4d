package io.serverpulse.emulator.state;

import java.nio.charset.StandardCharsets;

/** A file attached to a message, bytes included (served back by the emulator's CDN route). */
public record StoredAttachment(long id, String filename, String contentType, String description, byte[] bytes) {

    public StoredAttachment {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The bytes read as UTF-8, for text attachments in assertions. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
