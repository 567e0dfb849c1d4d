package io.serverpulse.emulator.interactions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which response types Discord accepts for which interaction type
 * (developers/interactions/receiving-and-responding, "Interaction Callback Type"): PONG only for a
 * PING; DEFERRED_UPDATE_MESSAGE and UPDATE_MESSAGE only for component-based interactions; MODAL not
 * for a PING or a MODAL_SUBMIT.
 */
final class CallbackRules {

    private static final Map<Integer, Set<Integer>> ALLOWED = Map.of(
            InteractionFactory.PING, Set.of(1),
            InteractionFactory.APPLICATION_COMMAND, Set.of(4, 5, 9, 10, 12),
            InteractionFactory.MESSAGE_COMPONENT, Set.of(4, 5, 6, 7, 9, 10, 12),
            4, Set.of(8),
            InteractionFactory.MODAL_SUBMIT, Set.of(4, 5, 6, 7, 10, 12));

    private CallbackRules() {
    }

    /** Why this callback type is wrong for this interaction type, if it is. */
    static Optional<String> check(int interactionType, int callbackType) {
        Set<Integer> allowed = ALLOWED.get(interactionType);
        if (allowed == null || allowed.contains(callbackType)) {
            return Optional.empty();
        }
        return Optional.of("callback type " + callbackType + " is not a valid response to interaction type " + interactionType
                + " (allowed: " + allowed.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }
}
