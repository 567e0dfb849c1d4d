package io.serverpulse.emulator.spec;

import java.util.List;

/**
 * A {@link Violation} with the schema path that was evaluated to reach it, and whether a leniency
 * excused it. Synthetic findings summarise a failed {@code oneOf}/{@code anyOf} (see
 * {@link CombinatorReducer}).
 */
record Finding(Violation violation, List<String> evaluationPath, String excusedBy) {

    static final String CHOICES = "x-choices";
    static final String UNION_CHOICES = "x-union-choices";
    static final String NO_TYPE = "x-no-type";

    Finding {
        evaluationPath = List.copyOf(evaluationPath);
    }

    boolean excused() {
        return excusedBy != null;
    }

    String keyword() {
        return violation.keyword();
    }

    List<String> instancePath() {
        return violation.instancePath();
    }
}
