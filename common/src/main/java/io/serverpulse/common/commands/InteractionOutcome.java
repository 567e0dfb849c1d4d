package io.serverpulse.common.commands;

import java.util.Objects;

/** What {@link InteractionHandler#handle} decided: answer now, answer "thinking…" and finish later, or reject the body. */
public sealed interface InteractionOutcome {

    /** Send {@code response} as the answer (HTTP 200, or POST to the callback URL when it came over the gateway). */
    record Respond(InteractionResponse response) implements InteractionOutcome {
        public Respond {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Send {@code response} (a DEFERRED_CHANNEL_MESSAGE) now, then hand {@code work} to a worker that
     * calls {@link InteractionHandler#completeDeferred} and sends the resulting {@link FollowUp}
     * within 15 minutes (the interaction token's lifetime).
     */
    record Defer(InteractionResponse response, DeferredWork work) implements InteractionOutcome {
        public Defer {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(work, "work");
        }
    }

    /** Not an interaction at all (malformed JSON, no type/id/token): the HTTP endpoint answers 400. */
    record Rejected(String reason) implements InteractionOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
