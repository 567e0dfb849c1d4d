package io.serverpulse.interactions.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.commands.message.FileAttachment;
import io.serverpulse.common.discord.rest.MultipartForm;
import io.serverpulse.emulator.rest.MultipartParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What {@link MultipartForm} writes, read back by the emulator's Discord-side parser (Apache James mime4j). */
class MultipartFormTest {

    @Test
    void payloadJsonAndEveryFileArriveIntactAndInOrder() throws Exception {
        // GIVEN a JSON payload with non-ASCII text and two files, one of them binary with CR/LF and dashes inside
        String payload = "{\"content\":\"Résumé — 📈\",\"attachments\":[{\"id\":0,\"filename\":\"a.csv\"},{\"id\":1,\"filename\":\"b.png\"}]}";
        byte[] csv = "guild_id,count\r\n1,2\r\n--not-a-boundary\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = new byte[4096];
        new Random(42).nextBytes(png);

        // WHEN they are encoded
        MultipartForm form = MultipartForm.of(payload, List.of(new FileAttachment("a.csv", "text/csv", csv, null),
                new FileAttachment("b.png", "image/png", png, "chart")));

        // THEN a multipart parser finds payload_json, files[0] and files[1] with their names, types and exact bytes
        List<MultipartParser.Part> parts = MultipartParser.parse(form.contentType(), form.bytes());
        assertThat(parts).extracting(MultipartParser.Part::name).containsExactly("payload_json", "files[0]", "files[1]");
        assertThat(parts.get(0).text()).isEqualTo(payload);
        assertThat(parts.get(0).contentType()).isEqualTo("application/json");
        assertThat(parts.get(1).filename()).isEqualTo("a.csv");
        assertThat(parts.get(1).contentType()).isEqualTo("text/csv");
        assertThat(parts.get(1).bytes()).isEqualTo(csv);
        assertThat(parts.get(2).filename()).isEqualTo("b.png");
        assertThat(parts.get(2).bytes()).isEqualTo(png);
        assertThat(form.contentType()).isEqualTo("multipart/form-data; boundary=" + form.boundary());
    }

    @Test
    void eachFormHasItsOwnBoundary() {
        // GIVEN / WHEN two forms of the same content
        MultipartForm first = MultipartForm.of("{}", List.of());
        MultipartForm second = MultipartForm.of("{}", List.of());

        // THEN their boundaries differ (a fixed boundary could be forged inside a file)
        assertThat(first.boundary()).isNotEqualTo(second.boundary()).startsWith("serverpulse-");
    }

    @Test
    void aFilenameCannotBreakOutOfItsHeader() throws Exception {
        // GIVEN a file name with a quote, a backslash and a line break
        FileAttachment odd = new FileAttachment("evil\"\r\nX-Injected: 1\\.txt", "text/plain", new byte[] {'x'}, null);

        // WHEN it is encoded
        MultipartForm form = MultipartForm.of("{}", List.of(odd));

        // THEN the part is still one file part, with the dangerous characters neutralised
        List<MultipartParser.Part> parts = MultipartParser.parse(form.contentType(), form.bytes());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).filename()).isEqualTo("evil%22__X-Injected: 1%5C.txt");
        assertThat(parts.get(1).text()).isEqualTo("x");
    }
}
