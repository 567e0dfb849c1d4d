package io.serverpulse.common.commands;

import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.store.StoreException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes what the member sees: always an ephemeral, localized
 * message, never a stack trace. Input the member can fix gets its own text; an unreachable store
 * says that nothing was changed; anything else gets a short reference that is logged with the
 * exception, so an operator can find it.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    static MessageBody message(Exception failure, Texts texts, String what) {
        if (failure instanceof BadInputException bad) {
            LOG.debug("{}: bad input {}", what, bad.key());
            return MessageBody.ephemeralText(texts.get(bad.key(), bad.args()));
        }
        if (failure instanceof StoreException) {
            LOG.warn("{}: storage unavailable: {}", what, failure.getMessage());
            return MessageBody.ephemeralText(texts.get("error.storage"));
        }
        String reference = reference();
        LOG.error("{} failed, reference {}", what, reference, failure);
        return MessageBody.ephemeralText(texts.get("error.internal", reference));
    }

    /** An answer that broke Discord's limits: a bug, reported like any other. */
    static MessageBody invalidAnswer(Texts texts, String what, Object violations) {
        String reference = reference();
        LOG.error("{} produced an answer Discord would reject, reference {}: {}", what, reference, violations);
        return MessageBody.ephemeralText(texts.get("error.internal", reference));
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
