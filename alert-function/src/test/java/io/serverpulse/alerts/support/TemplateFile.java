package io.serverpulse.alerts.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** template.yaml at the repository root, as a tree, and the alert queue's settings the queue tests run with. */
public final class TemplateFile {

    private static JsonNode template;

    private TemplateFile() {
    }

    public static synchronized JsonNode read() {
        if (template == null) {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    try {
                        template = new YAMLMapper().readTree(dir.resolve("template.yaml").toFile());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return template;
                }
            }
            throw new AssertionError("template.yaml not found at the repository root");
        }
        return template;
    }

    public static JsonNode resource(String name) {
        return read().path("Resources").path(name);
    }

    /** The alert queue's visibility timeout. */
    public static Duration queueVisibilityTimeout() {
        return Duration.ofSeconds(resource("AlertQueue").path("Properties").path("VisibilityTimeout").asInt());
    }

    /** How many receives a notice gets before SQS moves it to the dead-letter queue. */
    public static int maxReceiveCount() {
        return resource("AlertQueue").path("Properties").path("RedrivePolicy").path("maxReceiveCount").asInt();
    }

    /** The batch size of the alert function's SQS event source. */
    public static int batchSize() {
        return resource("AlertFunction").path("Properties").path("Events").path("Notices").path("Properties").path("BatchSize").asInt();
    }
}
