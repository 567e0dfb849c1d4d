package io.serverpulse.emulator.sim;

/**
 * Relative frequencies of the everyday actions of a community (incidents come on top). A voice
 * action is one voice state change: a join, a move or a leave.
 */
public record ActivityMix(double messages, double reactions, double deletions, double voice, double joins, double leaves) {

    public ActivityMix {
        double[] all = {messages, reactions, deletions, voice, joins, leaves};
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + this);
            }
        }
        if (messages <= 0) {
            throw new IllegalArgumentException("messages must have a positive weight: every other action falls back to a message");
        }
    }

    /** 72 % messages, 17 % reactions, 3 % deletions, 6 % voice changes, 1.2 % joins, 0.8 % leaves. */
    public static ActivityMix standard() {
        return new ActivityMix(0.72, 0.17, 0.03, 0.06, 0.012, 0.008);
    }

    double[] weights() {
        return new double[] {messages, reactions, deletions, voice, joins, leaves};
    }
}
