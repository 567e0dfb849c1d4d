package io.serverpulse.common.ai.bench;

import java.lang.management.ManagementFactory;

/**
 * The measured process of {@link AiClientColdStartBenchmark}: a fresh JVM that builds one client
 * (the thin one or a provider's SDK) and makes its first call to a local fake, then prints one
 * {@code RESULT} line. Each candidate is its own class, loaded by name, so that a candidate's
 * classes are never touched by another's run.
 *
 * <p>Arguments: candidate, then the fakes' base URLs (chat completions, messages, generateContent).
 */
public final class Probe {

    /** One candidate: builds its client, then makes its first call; returns the answer's text. */
    public interface Candidate {
        Object build(String openAiBase, String anthropicBase, String geminiBase) throws Exception;

        String firstCall(Object client) throws Exception;
    }

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.nanoTime();
        String name = args[0];
        String answer = "";
        long built = mainStarted;
        if (!name.equals("none")) {
            Candidate candidate = (Candidate) Class.forName(Probe.class.getPackageName() + "." + name)
                    .getDeclaredConstructor().newInstance();
            Object client = candidate.build(args[1], args[2], args[3]);
            built = System.nanoTime();
            answer = candidate.firstCall(client);
        }
        long done = System.nanoTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("RESULT candidate=" + name + " buildMs=" + (built - mainStarted) / 1_000_000.0
                + " firstCallMs=" + (done - built) / 1_000_000.0 + " classes=" + classes
                + " jvmStartToDoneMs=" + (System.currentTimeMillis() - jvmStart) + " answerChars=" + answer.length());
        System.out.flush();
        System.exit(answer.isEmpty() && !name.equals("none") ? 3 : 0);
    }
}
