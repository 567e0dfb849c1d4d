package io.serverpulse.collector.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The health check that template.yaml gives the Fargate collector's container, as ECS runs it. */
final class TemplateHealthCheck {

    private TemplateHealthCheck() {
    }

    /** Its command after {@code CMD} (ECS runs it directly, without a shell). */
    static List<String> command() throws IOException {
        Path template = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && template == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                template = dir.resolve("template.yaml");
            }
        }
        if (template == null) {
            throw new IOException("template.yaml not found at the repository root");
        }
        JsonNode container = new YAMLMapper().readTree(template.toFile()).path("Resources").path("CollectorTaskDefinition")
                .path("Properties").path("ContainerDefinitions").get(0);
        List<String> command = new ArrayList<>();
        container.path("HealthCheck").path("Command").forEach(arg -> command.add(arg.asText()));
        if (command.isEmpty() || !command.get(0).equals("CMD")) {
            throw new IOException("the collector's HealthCheck command in template.yaml is not a CMD: " + command);
        }
        return List.copyOf(command.subList(1, command.size()));
    }
}
