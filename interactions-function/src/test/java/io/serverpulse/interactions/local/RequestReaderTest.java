package io.serverpulse.interactions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.serverpulse.interactions.local.RequestReader.Complete;
import io.serverpulse.interactions.local.RequestReader.Outcome;
import io.serverpulse.interactions.local.RequestReader.Refused;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static final String BODY = "{\"type\":1,\"id\":\"1180151035315077201\"}";
    private static final String PING = "POST /interactions HTTP/1.1\r\nHost: bot.example\r\nContent-Type: application/json\r\n"
            + "X-Signature-Ed25519: ab\r\nX-Signature-Timestamp: 1700000000\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY;

    /**
     * Feeds the bytes in the given pieces, collecting every outcome, as the front does: after a refusal that does not
     * keep the connection, nothing more is read.
     */
    private static List<Outcome> feed(RequestReader reader, byte[] bytes, List<Integer> cuts) {
        List<Outcome> outcomes = new ArrayList<>();
        int at = 0;
        List<Integer> pieces = new ArrayList<>(cuts);
        pieces.add(bytes.length);
        for (int cut : pieces) {
            int end = Math.min(bytes.length, at + cut);
            reader.add(ByteBuffer.wrap(bytes, at, end - at));
            at = end;
            for (Outcome outcome = reader.next(); outcome != null; outcome = reader.next()) {
                outcomes.add(outcome);
                if (outcome instanceof Refused refused && !refused.keepAlive()) {
                    return outcomes;
                }
            }
        }
        return outcomes;
    }

    private static RequestReader reader() {
        return new RequestReader(FrontLimits.MAX_BODY_BYTES, 4L * 1024 * 1024);
    }

    @Test
    void twoPipelinedRequestsAreReadWholeHowSoeverTheBytesAreSplit() {
        byte[] two = (PING + PING.replace("1180151035315077201", "1180151035315077202")).getBytes(StandardCharsets.US_ASCII);
        qt().withFixedSeed(0x4774_0001L).withExamples(300)
                .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 30))
                .checkAssert(cuts -> {
                    // GIVEN two requests on one connection, arriving in arbitrary pieces
                    // WHEN they are read
                    List<Outcome> outcomes = feed(reader(), two, cuts);

                    // THEN exactly two whole requests, with their headers (any case) and exact bodies
                    assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
                        assertThat(outcome).isInstanceOf(Complete.class);
                        Complete request = (Complete) outcome;
                        assertThat(request.method()).isEqualTo("POST");
                        assertThat(request.target()).isEqualTo("/interactions");
                        assertThat(request.headers().get("x-signature-timestamp")).isEqualTo("1700000000");
                        assertThat(request.keepAlive()).isTrue();
                    });
                    assertThat(new String(((Complete) outcomes.get(0)).body(), StandardCharsets.US_ASCII)).isEqualTo(BODY);
                    assertThat(new String(((Complete) outcomes.get(1)).body(), StandardCharsets.US_ASCII)).endsWith("202\"}");
                });
    }

    @Test
    void aChunkedBodyIsRefusedWith411() {
        // GIVEN a request with Transfer-Encoding (no Content-Length)
        byte[] chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        // WHEN it is read / THEN 411, and the connection is not kept
        Outcome outcome = feed(reader(), chunked, List.of()).get(0);
        assertThat(outcome).isEqualTo(new Refused(411, "send the body with a Content-Length", false));
    }

    @Test
    void headersThatNeverEndAreRefusedWith431() {
        // GIVEN 20 KB of header without the blank line
        String endless = "POST / HTTP/1.1\r\nX-Pad: " + "a".repeat(20 * 1024);

        // WHEN read / THEN 431
        List<Outcome> outcomes = feed(reader(), endless.getBytes(StandardCharsets.US_ASCII), List.of());
        assertThat(outcomes).singleElement().isEqualTo(new Refused(431, "request head too large", false));
    }

    @Test
    void aBodyOverTheLimitIsDroppedAndRefusedWith413AndTheNextRequestIsReadWhole() {
        // GIVEN a 2 KB body where 1 KB is allowed, then a ping
        RequestReader small = new RequestReader(1024, 4096);
        String big = "POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n" + "x".repeat(2048);
        byte[] bytes = (big + PING).getBytes(StandardCharsets.US_ASCII);

        // WHEN read in pieces
        List<Outcome> outcomes = feed(small, bytes, List.of(10, 100, 500, 700, 1000));

        // THEN 413 (the connection may stay), then the ping
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).isEqualTo(new Refused(413, "body too large", true));
        assertThat(outcomes.get(1)).isInstanceOf(Complete.class);
    }

    @Test
    void expectContinueIsAskedForOnlyOnceTheHeadIsRead() {
        // GIVEN a client that waits for 100 Continue
        RequestReader reader = reader();
        String head = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";

        // WHEN the head has arrived
        reader.add(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        Outcome before = reader.next();

        // THEN the body is awaited and 100 Continue is due
        assertThat(before).isNull();
        assertThat(reader.wantsContinue()).isTrue();
        reader.continueSent();
        reader.add(ByteBuffer.wrap("{}{}".getBytes(StandardCharsets.US_ASCII)));
        assertThat(reader.next()).isInstanceOf(Complete.class);
    }

    @Test
    void malformedHeadsAreRefusedWith400() {
        for (String bad : List.of("GARBAGE\r\n\r\n", "POST / HTTP/1.1\r\nno colon here\r\n\r\n",
                "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                "POST / HTTP/1.1\r\n folded: header\r\n\r\n")) {
            Outcome outcome = feed(reader(), bad.getBytes(StandardCharsets.US_ASCII), List.of()).get(0);
            assertThat(outcome).as(bad).isInstanceOf(Refused.class);
            assertThat(((Refused) outcome).status()).as(bad).isEqualTo(400);
        }
    }
}
