package io.serverpulse.emulator.sim;

/**
 * Relative frequencies of the everyday events of a community (incidents come on top). {@code voice}
 * is the share of voice state changes: one in ten is a move between channels, the others come in
 * pairs, a join and the matching leave after a log-normal session length (median 40 minutes).
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

    /** 73 % messages, 17 % reactions, 3 % deletions, 6 % voice changes, 0.5 % joins, 0.4 % leaves. */
    public static ActivityMix standard() {
        return new ActivityMix(0.731, 0.17, 0.03, 0.06, 0.005, 0.004);
    }

    double[] weights() {
        return new double[] {messages, reactions, deletions, voice, joins, leaves};
    }
}
