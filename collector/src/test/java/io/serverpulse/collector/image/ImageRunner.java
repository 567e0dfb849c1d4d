package io.serverpulse.collector.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a command of the image on this host from its unpacked root, as close to a container as the host allows:
 *
 * <ul>
 *   <li>{@link Mode#CONTAINER}: {@code unshare} (util-linux) makes user, mount and PID namespaces, mounts /proc and
 *       the host's /dev, and runs the command with the image's root as {@code /}, in its working directory, as the
 *       image's user (65532): only the image's files are there, so its Java, its C libraries and its permissions are
 *       what runs. The network is the host's, so it reaches the emulator and the MongoDB stand-in on loopback.</li>
 *   <li>{@link Mode#LOADER}, where unprivileged namespaces are not allowed: the image's own dynamic loader runs the
 *       image's {@code java} with the image's C libraries first on the search path, and paths of the command that point
 *       into the image are rewritten into the unpacked root.</li>
 * </ul>
 *
 * The environment is the image's {@code Env} plus what a test adds, nothing of the host's.
 */
final class ImageRunner {

    enum Mode { CONTAINER, LOADER }

    record Result(int status, String out, String err) {
        String printed() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path root;
    private final Path logs;
    private final String workingDir;
    private final String user;
    private final Mode mode;
    private final AtomicInteger runs = new AtomicInteger();

    private ImageRunner(Path root, Path logs, String workingDir, String user, Mode mode) {
        this.root = root;
        this.logs = logs;
        this.workingDir = workingDir;
        this.user = user;
        this.mode = mode;
    }

    /** A runner for the unpacked image at {@code root}, or empty with the reason when this host can run neither way. */
    static Optional<ImageRunner> on(Path root, Path logs, String workingDir, String user, StringBuilder why)
            throws IOException, InterruptedException {
        // the mount points a container runtime makes (the image itself has neither)
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        // -Dserverpulse.image.runner=loader tries that way only (to check it on a host that could do both)
        String only = System.getProperty("serverpulse.image.runner", "");
        for (Mode mode : Mode.values()) {
            if (!only.isEmpty() && !mode.name().equalsIgnoreCase(only)) {
                continue;
            }
            ImageRunner runner = new ImageRunner(root, logs, workingDir, user, mode);
            Result check = runner.run(List.of("/opt/java/bin/java", "-version"), Map.of(), Duration.ofSeconds(60));
            if (check.status() == 0) {
                return Optional.of(runner);
            }
            why.append(mode).append(": ").append(check.printed().replace('\n', ' ')).append("; ");
        }
        return Optional.empty();
    }

    Mode mode() {
        return mode;
    }

    Result run(List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        Started started = start(command, env);
        if (!started.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(started.process());
            throw new AssertionError(command + " did not end within " + timeout + "; it printed:\n" + started.printed());
        }
        return new Result(started.process().exitValue(), read(started.out()), read(started.err()));
    }

    /** A started command and the files its output goes to. */
    record Started(Process process, Path out, Path err) {
        String printed() throws IOException {
            return read(out) + read(err);
        }
    }

    /** Starts {@code command}; its output goes to files of its own. */
    Started start(List<String> command, Map<String, String> env) throws IOException {
        return start(command, env, List.of());
    }

    /** Starts {@code command} under {@code prefix} (a host program such as /usr/bin/time), output to files of its own. */
    Started start(List<String> command, Map<String, String> env, List<String> prefix) throws IOException {
        int run = runs.incrementAndGet();
        Path out = logs.resolve(run + "-out.txt");
        Path err = logs.resolve(run + "-err.txt");
        List<String> line = new ArrayList<>(prefix);
        line.addAll(commandLine(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (mode == Mode.LOADER) {
            builder.directory(root.resolve(workingDir.substring(1)).toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        return new Started(builder.start(), out, err);
    }

    /**
     * As a container runtime stops a container: SIGTERM to the command (under {@code unshare}, its child), then SIGKILL
     * to everything after 60 s. Returns whether it ended within that time.
     */
    static boolean stop(Process process) throws InterruptedException {
        List<ProcessHandle> command = process.descendants().toList();
        if (command.isEmpty()) {
            process.destroy();
        } else {
            command.forEach(ProcessHandle::destroy);
        }
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return true;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** The host's command line that runs {@code command} of the image (for {@code /usr/bin/time} in a benchmark). */
    List<String> commandLine(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (mode == Mode.CONTAINER) {
            // an outer user and mount namespace (this user as root) binds the host's /dev into the image, as a container
            // runtime provides one; the inner one runs the command as the image's user, with /proc and the image as /
            String[] ids = user.split(":");
            String unshare = host("unshare");
            full.addAll(List.of(unshare, "--user", "--map-root-user", "--mount", "--", host("sh"), "-c",
                    host("mount") + " --rbind /dev \"$1/dev\" && shift && exec \"$@\"", "sh", root.toString(),
                    unshare, "--user", "--map-user=" + ids[0], "--map-group=" + ids[1], "--pid", "--fork",
                    "--kill-child=SIGTERM", "--mount-proc", "--root=" + root, "--wd=" + workingDir));
            full.addAll(command);
            return full;
        }
        full.add(loader().toString());
        full.add("--library-path");
        full.add(String.join(":", libraryDirectories()));
        for (String arg : command) {
            full.add(arg.startsWith("/opt/") || arg.startsWith("/app/") ? root.resolve(arg.substring(1)).toString() : arg);
        }
        return full;
    }

    /** A program of this host by its absolute path (the command's environment is the image's, whose PATH has none). */
    private static String host(String program) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException(program + " is not on this host's PATH");
    }

    private Path loader() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("lib64").toFile().exists() ? root.resolve("lib64") : root.resolve("lib"))) {
            return files.filter(p -> p.getFileName().toString().matches("ld-(linux|musl).*\\.so.*")).findFirst()
                    .orElseThrow(() -> new IOException("no dynamic loader in the image"));
        }
    }

    private List<String> libraryDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("lib"))) {
            return files.filter(p -> p.getFileName().toString().contains(".so")).map(p -> p.getParent().toString()).distinct().toList();
        }
    }
}
