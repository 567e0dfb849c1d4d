package io.serverpulse.emulator.rest;

import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartParserTest {

    /** Encodes a body the way JDA's HTTP client (OkHttp) does. */
    private static byte[] encode(MultipartBody body) throws IOException {
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    @Test
    void readsPayloadJsonAndFilesAsAClientSendsThem() throws Exception {
        // GIVEN a message body as OkHttp encodes it: payload_json plus two files, one binary, one with a non-ASCII name
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, '-', '-'};
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("payload_json", "{\"content\":\"hi\"}")
                .addFormDataPart("files[0]", "chart.png", RequestBody.create(png, MediaType.get("image/png")))
                .addFormDataPart("files[1]", "résumé \"q\".txt", RequestBody.create("line1\r\nline2", MediaType.get("text/plain")))
                .build();

        // WHEN parsed
        List<MultipartParser.Part> parts = MultipartParser.parse(body.contentType().toString(), encode(body));

        // THEN every part comes back with its name, filename, type and exact bytes
        assertThat(parts).extracting(MultipartParser.Part::name).containsExactly("payload_json", "files[0]", "files[1]");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(parts.get(0).text()).isEqualTo("{\"content\":\"hi\"}");
        assertThat(parts.get(1).filename()).isEqualTo("chart.png");
        assertThat(parts.get(1).contentType()).isEqualTo("image/png");
        assertThat(parts.get(1).bytes()).isEqualTo(png);
        assertThat(parts.get(2).filename()).isEqualTo("résumé %22q%22.txt");
        assertThat(parts.get(2).text()).isEqualTo("line1\r\nline2");
    }

    @Test
    void readsRfc5987FileNames() throws Exception {
        String raw = "--b\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"x.txt\"; filename*=UTF-8''%C3%A9t%C3%A9.txt\r\n"
                + "Content-Type: text/plain\r\n\r\nsummer\r\n--b--\r\n";
        List<MultipartParser.Part> parts = MultipartParser.parse("multipart/form-data; boundary=b", raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(parts.get(0).filename()).isEqualTo("été.txt");
        assertThat(parts.get(0).text()).isEqualTo("summer");
    }

    @Test
    void aBodyWithoutBoundaryOrFieldNameIsMalformed() {
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data", new byte[0]))
                .isInstanceOf(MultipartParser.MalformedMultipartException.class);
        String raw = "--b\r\nContent-Type: text/plain\r\n\r\nno name\r\n--b--\r\n";
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data; boundary=b", raw.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MultipartParser.MalformedMultipartException.class);
    }
}
