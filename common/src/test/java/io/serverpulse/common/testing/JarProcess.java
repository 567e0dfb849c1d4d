package io.serverpulse.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged jar run as a user runs it: {@code java [jvm options] -jar JAR [args]} in a working
 * directory, with a clean environment (only {@code PATH}, {@code HOME}, {@code TMPDIR} of whoever
 * runs the build, plus what the test sets: never their {@code DISCORD_TOKEN} or {@code MONGODB_URI}).
 */
public final class JarProcess {

    private final Path jar;
    private final Path workdir;
    private final List<String> jvmOptions = new ArrayList<>();

    /** What a finished run printed and its exit status. */
    public record Result(int status, String out, String err) {

        /** Everything printed, for assertion messages. */
        public String printed() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** Asserts the run ended with {@code expectedStatus} after one line on stderr starting with {@code startsWith}, and no stack trace. */
        public void assertOneLine(int expectedStatus, String startsWith) {
            assertThat(status).as(printed()).isEqualTo(expectedStatus);
            assertThat(err.strip().lines()).as(printed()).singleElement().asString().startsWith(startsWith);
            assertThat(out + err).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
        }
    }

    private JarProcess(Path jar, Path workdir) {
        this.jar = jar.toAbsolutePath();
        this.workdir = workdir;
    }

    /** The jar named by a system property the build sets (failsafe's {@code systemPropertyVariables}), else {@code fallback}. */
    public static JarProcess of(String property, String fallback, Path workdir) {
        return new JarProcess(Paths.get(System.getProperty(property, fallback)), workdir);
    }

    public Path jar() {
        return jar;
    }

    /** Adds JVM options before {@code -jar}. */
    public JarProcess jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts the jar; its output goes to files in the working directory (read them with {@link #finish}). */
    public Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workdir.toFile())
                .redirectOutput(workdir.resolve("out.txt").toFile())
                .redirectError(workdir.resolve("err.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME") && !key.equals("TMPDIR"));
        environment.putAll(env);
        return builder.start();
    }

    /** Runs the jar to its end (killed and failed after {@code timeout}). */
    public Result run(Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
        return finish(start(env, args), timeout);
    }

    /** Waits for a started process to end and reads what it printed. */
    public Result finish(Process process, Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("java -jar " + jar.getFileName() + " did not end within " + timeout.toSeconds() + " s; output:\n"
                    + Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8)
                    + Files.readString(workdir.resolve("err.txt"), StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(workdir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** What the running process has printed to standard output so far. */
    public String outSoFar() throws IOException {
        return Files.readString(workdir.resolve("out.txt"), StandardCharsets.UTF_8);
    }
}
