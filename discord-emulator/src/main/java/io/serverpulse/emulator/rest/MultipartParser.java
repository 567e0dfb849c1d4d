package io.serverpulse.emulator.rest;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a {@code multipart/form-data} body (RFC 7578) into its parts, with Apache James mime4j. */
public final class MultipartParser {

    /** One form part: its field {@code name}, the {@code filename} of a file part (else null), its content type and bytes. */
    public record Part(String name, String filename, String contentType, byte[] bytes) {
        public Part {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The body is not a well-formed multipart/form-data body. */
    public static final class MalformedMultipartException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedMultipartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MultipartParser() {
    }

    /**
     * @param contentType the request's {@code Content-Type} header, with its {@code boundary}
     */
    public static List<Part> parse(String contentType, byte[] body) throws MalformedMultipartException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw new MalformedMultipartException("multipart body without a boundary", null);
        }
        MimeConfig config = MimeConfig.custom()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(-1)
                .setMaxHeaderCount(100)
                .setMaxContentLen(-1)
                .build();
        MimeTokenStream stream = new MimeTokenStream(config);
        List<Part> parts = new ArrayList<>();
        try {
            stream.parseHeadless(new ByteArrayInputStream(body), contentType);
            String name = null;
            String filename = null;
            String partType = null;
            byte[] bytes = null;
            boolean inPart = false;
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        inPart = true;
                        name = null;
                        filename = null;
                        partType = null;
                        bytes = null;
                    }
                    case T_FIELD -> {
                        if (!inPart) {
                            break;
                        }
                        Field field = stream.getField();
                        String fieldName = field.getName().toLowerCase(Locale.ROOT);
                        if (fieldName.equals("content-disposition")) {
                            RawBody disposition = RawFieldParser.DEFAULT.parseRawBody(RawFieldParser.DEFAULT.parseField(field.getRaw()));
                            for (NameValuePair param : disposition.getParams()) {
                                String key = param.getName().toLowerCase(Locale.ROOT);
                                if (key.equals("name")) {
                                    name = utf8(param.getValue());
                                } else if (key.equals("filename") && filename == null) {
                                    filename = utf8(param.getValue());
                                } else if (key.equals("filename*")) {
                                    filename = extendedValue(param.getValue());
                                }
                            }
                        } else if (fieldName.equals("content-type")) {
                            partType = field.getBody().trim();
                        }
                    }
                    case T_BODY -> {
                        if (inPart) {
                            bytes = stream.getDecodedInputStream().readAllBytes();
                        }
                    }
                    case T_END_BODYPART -> {
                        if (name == null) {
                            throw new MalformedMultipartException("a part has no form field name", null);
                        }
                        parts.add(new Part(name, filename, partType, bytes == null ? new byte[0] : bytes));
                        inPart = false;
                    }
                    default -> {
                        // preamble, epilogue and multipart markers carry nothing for a form
                    }
                }
            }
        } catch (MimeException | IOException | RuntimeException e) {
            throw new MalformedMultipartException("malformed multipart/form-data body: " + e.getMessage(), e);
        }
        return parts;
    }

    /** Header parameters are read as ISO-8859-1; clients send UTF-8 names raw, so re-decode when that is valid UTF-8. */
    private static String utf8(String latin1) {
        if (latin1 == null) {
            return null;
        }
        byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    /** RFC 5987 {@code charset'lang'percent-encoded}. */
    private static String extendedValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return value;
        }
        String encoded = value.substring(second + 1).replace("+", "%2B");
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
