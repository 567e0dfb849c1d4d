package io.serverpulse.interactions.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml read as CloudFormation reads it, for the checks the SAM schema cannot make: what each
 * intrinsic function refers to ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variables), under which
 * {@code Fn::If} conditions, and which resources exist for given parameter values (conditions evaluated).
 */
final class TemplateTree {

    /** A reference from somewhere in the template to a parameter, resource or pseudo parameter. */
    record Reference(String name, String path, Set<String> underConditions) {
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final JsonNode template;

    private TemplateTree(JsonNode template) {
        this.template = template;
    }

    static TemplateTree read() {
        try {
            return new TemplateTree(new YAMLMapper().readTree(SamTemplateTest.templatePath().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return template;
    }

    JsonNode resource(String name) {
        return template.path("Resources").path(name);
    }

    Map<String, JsonNode> resources() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if (resource.path("Type").asText().equals(type)) {
                found.put(name, resource);
            }
        });
        return found;
    }

    /** Every reference made inside {@code node}. */
    static List<Reference> references(JsonNode node, String path) {
        List<Reference> found = new ArrayList<>();
        collect(node, path, Set.of(), found);
        return found;
    }

    private static void collect(JsonNode node, String path, Set<String> conditions, List<Reference> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", conditions, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("Ref")) {
            found.add(new Reference(node.get("Ref").asText(), path, conditions));
            return;
        }
        if (node.size() == 1 && node.has("Fn::GetAtt")) {
            JsonNode att = node.get("Fn::GetAtt");
            String target = att.isArray() ? att.get(0).asText() : att.asText().substring(0, att.asText().indexOf('.'));
            found.add(new Reference(target, path, conditions));
            return;
        }
        if (node.size() == 1 && node.has("Fn::Sub") && node.get("Fn::Sub").isTextual()) {
            Matcher matcher = SUB_VARIABLE.matcher(node.get("Fn::Sub").asText());
            while (matcher.find()) {
                String variable = matcher.group(1);
                int dot = variable.indexOf('.');
                found.add(new Reference(dot < 0 || variable.startsWith("AWS::") ? variable : variable.substring(0, dot), path,
                        conditions));
            }
            return;
        }
        if (node.size() == 1 && node.has("Fn::If")) {
            JsonNode branches = node.get("Fn::If");
            Set<String> then = new LinkedHashSet<>(conditions);
            then.add(branches.get(0).asText());
            collect(branches.get(1), path + "/then", then, found);
            collect(branches.get(2), path + "/else", conditions, found);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            collect(field.getValue(), path + "/" + field.getKey(), conditions, found);
        }
    }

    /** The value a parameter takes: {@code values}' if given, else its default. */
    private String parameter(String name, Map<String, String> values) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        JsonNode parameter = template.path("Parameters").path(name);
        if (parameter.isMissingNode()) {
            throw new AssertionError("no parameter " + name);
        }
        return parameter.path("Default").asText();
    }

    boolean condition(String name, Map<String, String> values) {
        JsonNode condition = template.path("Conditions").path(name);
        if (condition.isMissingNode()) {
            throw new AssertionError("no condition " + name);
        }
        return evaluate(condition, values);
    }

    private boolean evaluate(JsonNode node, Map<String, String> values) {
        if (node.has("Fn::Equals")) {
            return value(node.get("Fn::Equals").get(0), values).equals(value(node.get("Fn::Equals").get(1), values));
        }
        if (node.has("Fn::Not")) {
            return !evaluate(node.get("Fn::Not").get(0), values);
        }
        if (node.has("Fn::And")) {
            boolean all = true;
            for (JsonNode part : node.get("Fn::And")) {
                all &= evaluate(part, values);
            }
            return all;
        }
        if (node.has("Fn::Or")) {
            boolean any = false;
            for (JsonNode part : node.get("Fn::Or")) {
                any |= evaluate(part, values);
            }
            return any;
        }
        if (node.has("Condition")) {
            return condition(node.get("Condition").asText(), values);
        }
        throw new AssertionError("condition function not understood: " + node);
    }

    private String value(JsonNode node, Map<String, String> values) {
        if (node.isObject() && node.has("Ref")) {
            return parameter(node.get("Ref").asText(), values);
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw new AssertionError("value not understood in a condition: " + node);
    }

    /** The resources CloudFormation creates with these parameter values (the others' defaults). */
    Set<String> existing(Map<String, String> values) {
        Set<String> existing = new LinkedHashSet<>();
        resources().forEach((name, resource) -> {
            if (!resource.has("Condition") || condition(resource.get("Condition").asText(), values)) {
                existing.add(name);
            }
        });
        return existing;
    }
}
