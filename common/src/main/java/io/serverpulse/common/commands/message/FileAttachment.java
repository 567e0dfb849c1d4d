package io.serverpulse.common.commands.message;

import java.util.Objects;

/**
 * A file sent with a message (a chart, an export). The transport sends it as the multipart part
 * {@code files[n]}, where {@code n} is its index in the message's file list, which is also the
 * {@code id} of its entry in the JSON {@code attachments} array.
 */
public record FileAttachment(String filename, String contentType, byte[] bytes, String description) {

    public FileAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "FileAttachment[" + filename + ", " + contentType + ", " + bytes.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileAttachment other && filename.equals(other.filename) && contentType.equals(other.contentType)
                && java.util.Arrays.equals(bytes, other.bytes) && Objects.equals(description, other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, contentType, java.util.Arrays.hashCode(bytes), description);
    }
}
