package io.serverpulse.common.discord.rest;

import io.serverpulse.common.commands.message.FileAttachment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body as Discord takes a message with files (RFC 7578): the part
 * {@code payload_json} holds the JSON, and each file is the part {@code files[n]}, where {@code n} is
 * its index, matching {@code attachments[n].id} in the JSON. Used for interaction responses and for
 * webhook edits alike.
 *
 * <p>Written by hand because it is forty lines: the libraries that build such bodies (Apache
 * HttpClient's mime module, mime4j's DOM) would bring an HTTP client or a message model into a
 * Lambda package for one encoder. The tests parse what this writes with mime4j and with the
 * emulator's Discord-side parser.
 */
public final class MultipartForm {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final byte[] bytes;

    private MultipartForm(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    /** The form with {@code payload_json} and one {@code files[n]} part per file, in order. */
    public static MultipartForm of(String payloadJson, List<FileAttachment> files) {
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(files, "files");
        while (true) {
            String boundary = newBoundary();
            if (!contains(payloadJson, files, boundary)) {
                return new MultipartForm(boundary, encode(boundary, payloadJson, files));
            }
        }
    }

    public String boundary() {
        return boundary;
    }

    /** {@code multipart/form-data; boundary=…} */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] encode(String boundary, String payloadJson, List<FileAttachment> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payloadJson.length() + 512
                + files.stream().mapToInt(FileAttachment::size).sum());
        part(out, boundary, "Content-Disposition: form-data; name=\"payload_json\"", "application/json",
                payloadJson.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.size(); i++) {
            FileAttachment file = files.get(i);
            part(out, boundary, "Content-Disposition: form-data; name=\"files[" + i + "]\"; filename=\""
                    + quoted(file.filename()) + "\"", headerSafe(file.contentType()), file.bytes());
        }
        ascii(out, "--" + boundary + "--");
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String disposition, String contentType, byte[] content) {
        ascii(out, "--" + boundary);
        out.writeBytes(CRLF);
        out.writeBytes(disposition.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
        ascii(out, "Content-Type: " + contentType);
        out.writeBytes(CRLF);
        out.writeBytes(CRLF);
        out.writeBytes(content);
        out.writeBytes(CRLF);
    }

    /** RFC 7578 4.2: a file name in a quoted string; quotes, backslashes and line breaks are escaped or dropped. */
    static String quoted(String filename) {
        StringBuilder safe = new StringBuilder(filename.length());
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c == '"') {
                safe.append("%22");
            } else if (c == '\\') {
                safe.append("%5C");
            } else if (c == '\r' || c == '\n') {
                safe.append('_');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static String headerSafe(String contentType) {
        return contentType.replaceAll("[\\r\\n]", "");
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String newBoundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "serverpulse-" + HexFormat.of().formatHex(random);
    }

    /** Whether the boundary occurs in any content (vanishingly unlikely for 128 random bits, but checked). */
    private static boolean contains(String payloadJson, List<FileAttachment> files, String boundary) {
        byte[] needle = boundary.getBytes(StandardCharsets.US_ASCII);
        if (indexOf(payloadJson.getBytes(StandardCharsets.UTF_8), needle) >= 0) {
            return true;
        }
        for (FileAttachment file : files) {
            if (indexOf(file.bytes(), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "MultipartForm[" + bytes.length + " bytes]";
    }
}
