package io.serverpulse.interactions.deferred;

import io.serverpulse.common.commands.DeferredWork;
import io.serverpulse.common.commands.FollowUp;
import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.i18n.Texts;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's job, transport-free: finish a deferred command with the command core and edit the
 * member's {@code @original} with the result. If Discord refuses that edit (a 4xx), the member is shown
 * a short error with a reference instead of a "thinking…" that never ends. Never throws. Thread-safe.
 */
public final class DeferredRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InteractionHandler handler;
    private final FollowUpSender sender;

    public DeferredRunner(InteractionHandler handler, FollowUpSender sender) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** Finishes work carried as {@link DeferredWork#toJson()} (an async invoke payload). */
    public FollowUpResult run(byte[] payload) {
        DeferredWork work;
        try {
            work = DeferredWork.fromJson(new String(payload, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.error("The worker received a payload that is not deferred work ({} bytes): {}", payload.length, e.getMessage());
            return FollowUpResult.invalidWork();
        }
        return run(work);
    }

    public FollowUpResult run(DeferredWork work) {
        long started = System.nanoTime();
        FollowUp followUp = handler.completeDeferred(work);
        FollowUpResult result = sender.send(followUp);
        if (result.status() == FollowUpResult.Status.REJECTED) {
            String reference = reference();
            LOG.error("Discord refused the answer to {}, reference {}", work, reference);
            MessageBody error = MessageBody.text(Texts.forLocale(work.locale()).get("error.internal", reference));
            FollowUpResult shown = sender.send(new FollowUp(work.applicationId(), work.token(), error.toJson(false), List.of()));
            LOG.info("Error shown in place of the refused answer: {}", shown.status());
        }
        LOG.info("Finished {}: {} (HTTP {}, {} attempt(s)) in {} ms", work, result.status(), result.httpStatus(), result.attempts(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
