package io.serverpulse.emulator.state;

import io.serverpulse.emulator.interactions.Delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One interaction the emulator POSTed to an HTTP interactions endpoint, and what came of it.
 *
 * @param endpoint      where it was sent
 * @param interactionId the interaction's id as the request body carries it (0 when the body is not an interaction, e.g. a spoiled probe)
 * @param interactionType the interaction's type (1 PING, 2 APPLICATION_COMMAND, …; -1 when unknown)
 * @param delivery      status, body, headers, latency, and the answer checked against Discord's callback schema and rules
 * @param outcome       what Discord made of the answer
 * @param refusal       for {@link Outcome#REFUSED}, why (the answer's problems, or Discord's error body)
 * @param at            when it was sent (wall clock)
 */
public record InteractionDelivery(URI endpoint, long interactionId, int interactionType, Delivery delivery, Outcome outcome,
                                  Optional<String> refusal, Instant at) {

    /** What the emulator did with an answer. */
    public enum Outcome {
        /** The answer became the interaction's response: it is acknowledged, its callback recorded, its message created. */
        APPLIED,
        /** The interaction is not one the emulator issued (a PING, a probe, a hand-built payload): the answer is only recorded. */
        NOT_TRACKED,
        /** Discord would not take the answer ({@link #refusal} says why): the user sees "This interaction failed". */
        REFUSED
    }

    public InteractionDelivery {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(at, "at");
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
