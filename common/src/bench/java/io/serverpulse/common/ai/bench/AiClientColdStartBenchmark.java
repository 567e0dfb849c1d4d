package io.serverpulse.common.ai.bench;

import io.serverpulse.common.ai.AiProvider.Protocol;
import io.serverpulse.common.testing.FakeAiServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What each way of speaking to the AI providers adds to a cold start and to the deployed jar: the
 * thin client (java.net.http + Jackson, already in common) against the providers' SDKs
 * (openai-java, anthropic-java, google-genai). Every run is a fresh JVM ({@link Probe}) that builds the
 * client and makes its first call to a local fake of the provider's API (in this process); "none"
 * is the same JVM doing nothing, the floor. Candidates are interleaved run by run; medians are
 * reported with the ratio against the thin client measured in the same runs. Jar size is the bytes
 * of the jars a candidate adds to common's own classpath (Maven's resolution, with the project's
 * pinned versions), written beforehand by the {@code bench-sdk-*} profiles (see BENCHMARKS.md).
 *
 * <p>Arguments: {@code <target dir> <runs> [JVM options of the measured processes…]}; by default
 * the measured processes run with the Lambda functions' options (tiered compilation stopped at C1).
 */
public final class AiClientColdStartBenchmark {

    private static final List<String> CANDIDATES = List.of("none", "ThinOpenAi", "SdkOpenAi", "ThinAnthropic",
            "SdkAnthropic", "ThinGemini", "SdkGenai", "ThinAll", "SdkAll");
    private static final Map<String, String> BASELINE = Map.of("SdkOpenAi", "ThinOpenAi", "SdkAnthropic", "ThinAnthropic",
            "SdkGenai", "ThinGemini", "SdkAll", "ThinAll");
    private static final List<String> DEFAULT_JVM = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true");

    private record Run(double wallMs, double buildMs, double firstCallMs, long classes) {
    }

    private AiClientColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<String> jvm = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : DEFAULT_JVM;
        Path bench = target.resolve("bench");
        List<String> base = classpath(bench.resolve("classpath-base.txt"));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (String sdk : List.of("openai", "anthropic", "genai")) {
            List<String> jars = new ArrayList<>(classpath(bench.resolve("classpath-" + sdk + ".txt")));
            jars.removeAll(base);
            extra.put(sdk, jars);
        }
        Map<String, List<String>> added = new LinkedHashMap<>();
        for (String candidate : CANDIDATES) {
            added.put(candidate, switch (candidate) {
                case "SdkOpenAi" -> extra.get("openai");
                case "SdkAnthropic" -> extra.get("anthropic");
                case "SdkGenai" -> extra.get("genai");
                case "SdkAll" -> union(extra.values());
                default -> List.of();
            });
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        CANDIDATES.forEach(c -> results.put(c, new ArrayList<>()));
        try (FakeAiServer openai = FakeAiServer.start(Protocol.OPENAI_CHAT);
             FakeAiServer anthropic = FakeAiServer.start(Protocol.ANTHROPIC);
             FakeAiServer gemini = FakeAiServer.start(Protocol.GEMINI)) {
            List<String> urls = List.of(openai.baseUrl(), anthropic.baseUrl(), gemini.baseUrl());
            for (int round = 0; round < runs; round++) {
                for (int i = 0; i < CANDIDATES.size(); i++) {
                    String candidate = CANDIDATES.get((i + round) % CANDIDATES.size());
                    List<String> cp = new ArrayList<>();
                    cp.add(target.resolve("test-classes").toString());
                    cp.add(target.resolve("classes").toString());
                    cp.addAll(base);
                    cp.addAll(added.get(candidate));
                    results.get(candidate).add(run(candidate, String.join(java.io.File.pathSeparator, cp), jvm, urls));
                }
                System.err.println("round " + (round + 1) + "/" + runs + " done");
            }
        }
        long thinClassBytes = classBytes(target.resolve("classes/io/serverpulse/common/ai"));
        String table = table(results, added, thinClassBytes, runs, jvm);
        System.out.println(table);
        Files.writeString(bench.resolve("ai-clients.md"), table);
    }

    private static Run run(String candidate, String classpath, List<String> jvm, List<String> urls) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpath, Probe.class.getName(), candidate));
        command.addAll(urls);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ") && result == null) {
                    result = line;
                    double wall = (System.nanoTime() - started) / 1_000_000.0;
                    output.append(line).append('\n');
                    result = wall + " " + line;
                } else if (output.length() < 4000) {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || result == null) {
            throw new IllegalStateException(candidate + " failed (exit " + process.exitValue() + "):\n" + output);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String[] parts = result.split(" ");
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new Run(Double.parseDouble(parts[0]), Double.parseDouble(fields.get("buildMs")),
                Double.parseDouble(fields.get("firstCallMs")), Long.parseLong(fields.get("classes")));
    }

    private static String table(Map<String, List<Run>> results, Map<String, List<String>> added, long thinClassBytes,
                                int runs, List<String> jvm) throws IOException {
        double floor = median(results.get("none"), Run::wallMs);
        long floorClasses = (long) median(results.get("none"), r -> r.classes());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d runs per candidate, interleaved; measured JVMs: %s%n%n", runs, String.join(" ", jvm)));
        out.append("| candidate | process start → first answer, median (min–max) | added to the JVM floor | vs the thin client |"
                + " building the client | first call | classes loaded (beyond the floor) | jars added |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Run>> entry : results.entrySet()) {
            String name = entry.getKey();
            List<Run> runsOf = entry.getValue();
            double wall = median(runsOf, Run::wallMs);
            String ratio = BASELINE.containsKey(name)
                    ? String.format(Locale.ROOT, "%.2f×", (wall - floor) / (median(results.get(BASELINE.get(name)), Run::wallMs) - floor))
                    : name.startsWith("Thin") ? "1.00×" : "";
            long bytes = name.startsWith("Thin") ? thinClassBytes : sizes(added.get(name));
            String jars = name.equals("none") ? "" : name.startsWith("Thin")
                    ? String.format(Locale.ROOT, "none (%.0f KB of ServerPulse classes)", thinClassBytes / 1024.0)
                    : String.format(Locale.ROOT, "%d jars, %.1f MB", added.get(name).size(), bytes / 1_048_576.0);
            out.append(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f–%.0f) | %s | %s | %s | %s | %s | %s |%n", name, wall,
                    min(runsOf), max(runsOf), name.equals("none") ? "" : String.format(Locale.ROOT, "%+.0f ms", wall - floor),
                    ratio, name.equals("none") ? "" : String.format(Locale.ROOT, "%.0f ms", median(runsOf, Run::buildMs)),
                    name.equals("none") ? "" : String.format(Locale.ROOT, "%.0f ms", median(runsOf, Run::firstCallMs)),
                    name.equals("none") ? Long.toString(floorClasses)
                            : String.format(Locale.ROOT, "+%d", (long) median(runsOf, r -> r.classes()) - floorClasses),
                    jars));
        }
        return out.toString();
    }

    private interface Metric {
        double of(Run run);
    }

    private static double median(List<Run> runs, Metric metric) {
        double[] values = runs.stream().mapToDouble(metric::of).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static double min(List<Run> runs) {
        return runs.stream().mapToDouble(Run::wallMs).min().orElse(0);
    }

    private static double max(List<Run> runs) {
        return runs.stream().mapToDouble(Run::wallMs).max().orElse(0);
    }

    private static List<String> classpath(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing " + file + ": write it first with the dependency:build-classpath commands"
                    + " in BENCHMARKS.md");
        }
        return Arrays.stream(Files.readString(file).strip().split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> union(java.util.Collection<List<String>> lists) {
        Set<String> all = new LinkedHashSet<>();
        lists.forEach(all::addAll);
        return new ArrayList<>(all);
    }

    private static long sizes(List<String> jars) throws IOException {
        long total = 0;
        for (String jar : jars) {
            total += Files.size(Path.of(jar));
        }
        return total;
    }

    private static long classBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
