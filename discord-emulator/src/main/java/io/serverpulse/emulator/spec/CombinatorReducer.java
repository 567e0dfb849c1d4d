package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the validator's raw output for {@code oneOf}/{@code anyOf} (one message per failed keyword in
 * every alternative) into what a person, or Discord, would say:
 * <ul>
 *   <li>an alternative that fails only because the value has another JSON type (the {@code null}
 *       branch of a nullable field) or another {@code type} discriminator (a button is not a select
 *       menu) is not what the sender meant, and is dropped;</li>
 *   <li>of the alternatives left, the one with the fewest problems is reported;</li>
 *   <li>if none is left, one summary: the allowed values ("Value must be one of (1, 2, 3)."), the
 *       allowed discriminators ('Value of field "type" must be one of (1, 17).'), or the allowed
 *       types;</li>
 *   <li>an alternative whose only problems a leniency excused counts as passing.</li>
 * </ul>
 */
final class CombinatorReducer {

    private CombinatorReducer() {
    }

    static List<Finding> reduce(List<Finding> findings) {
        return withoutNoiseBesideTypeErrors(reduce(findings, 0));
    }

    /** A value of the wrong type is all there is to say about it: drop its failed bounds or choices. */
    private static List<Finding> withoutNoiseBesideTypeErrors(List<Finding> findings) {
        Set<List<String>> wrongType = new java.util.HashSet<>();
        for (Finding finding : findings) {
            if (finding.keyword().equals("type") || finding.keyword().equals(Finding.NO_TYPE)) {
                wrongType.add(finding.instancePath());
            }
        }
        return findings.stream()
                .filter(finding -> finding.keyword().equals("type") || finding.keyword().equals(Finding.NO_TYPE)
                        || finding.keyword().equals("required") || !wrongType.contains(finding.instancePath()))
                .toList();
    }

    private static List<Finding> reduce(List<Finding> findings, int depth) {
        List<Finding> result = new ArrayList<>();
        // one group per combinator AND per place in the body: array items share their evaluation path
        Map<List<List<String>>, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            int combinator = firstCombinator(finding.evaluationPath(), depth);
            if (combinator < 0) {
                if (!finding.excused()) {
                    result.add(finding);
                }
            } else {
                List<List<String>> key = List.of(finding.evaluationPath().subList(0, combinator + 1), combinatorLocation(finding, combinator));
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
            }
        }
        for (Map.Entry<List<List<String>>, List<Finding>> group : groups.entrySet()) {
            result.addAll(reduceGroup(group.getKey().get(0).size() - 1, group.getKey().get(1), group.getValue()));
        }
        return result;
    }

    private static List<Finding> reduceGroup(int combinator, List<String> location, List<Finding> group) {
        List<Finding> summaries = new ArrayList<>();
        Map<String, List<Finding>> branches = new LinkedHashMap<>();
        for (Finding finding : group) {
            if (finding.evaluationPath().size() <= combinator + 1) {
                summaries.add(finding);
            } else {
                branches.computeIfAbsent(finding.evaluationPath().get(combinator + 1), key -> new ArrayList<>()).add(finding);
            }
        }
        if (branches.isEmpty()) {
            // e.g. "valid against more than one alternative": nothing below to choose from
            return summaries.stream().filter(summary -> !summary.excused()).toList();
        }
        List<List<Finding>> reduced = new ArrayList<>();
        for (List<Finding> branch : branches.values()) {
            List<Finding> left = reduce(branch, combinator + 2);
            if (left.isEmpty()) {
                return List.of(); // an alternative passes once its excused problems are set aside
            }
            reduced.add(left);
        }
        List<List<Finding>> meant = reduced.stream().filter(branch -> !isMismatch(branch, location)).toList();
        if (!meant.isEmpty()) {
            return meant.stream().min(Comparator.comparingInt(List::size)).orElseThrow();
        }
        return List.of(summarise(reduced, location, group.get(0)));
    }

    /** An alternative the sender did not mean: another JSON type, or another value of its "type" field. */
    private static boolean isMismatch(List<Finding> branch, List<String> location) {
        for (Finding finding : branch) {
            List<String> at = finding.instancePath();
            String keyword = finding.keyword();
            if (at.equals(location) && (keyword.equals("type") || keyword.equals(Finding.NO_TYPE) || isValueChoice(keyword))) {
                return true;
            }
            if (isDiscriminator(at, location) && (isValueChoice(keyword) || keyword.equals(Finding.UNION_CHOICES))) {
                return true;
            }
        }
        return false;
    }

    private static Finding summarise(List<List<Finding>> branches, List<String> location, Finding sample) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> discriminators = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        JsonNode value = MissingNode.getInstance();
        JsonNode discriminatorValue = MissingNode.getInstance();
        for (List<Finding> branch : branches) {
            for (Finding finding : branch) {
                String keyword = finding.keyword();
                if (finding.instancePath().equals(location)) {
                    value = finding.violation().value();
                    if (isValueChoice(keyword)) {
                        values.addAll(finding.violation().arguments());
                    } else if (keyword.equals("type") || keyword.equals(Finding.NO_TYPE)) {
                        types.addAll(finding.violation().arguments());
                    }
                } else if (isDiscriminator(finding.instancePath(), location) && (isValueChoice(keyword) || keyword.equals(Finding.UNION_CHOICES))) {
                    discriminatorValue = finding.violation().value();
                    if (keyword.equals("enum") || keyword.equals("const") || discriminators.isEmpty()) {
                        discriminators.addAll(finding.violation().arguments());
                    }
                }
            }
        }
        if (!values.isEmpty()) {
            return synthetic(Finding.CHOICES, location, value, sorted(values), sample);
        }
        if (!discriminators.isEmpty()) {
            List<String> at = new ArrayList<>(location);
            at.add("type");
            return synthetic(Finding.UNION_CHOICES, at, discriminatorValue, sorted(discriminators), sample);
        }
        types.remove("null");
        Finding typed = sample;
        for (List<Finding> branch : branches) {
            for (Finding finding : branch) {
                if (finding.keyword().equals("type") && finding.instancePath().equals(location)
                        && finding.violation().arguments().stream().anyMatch(type -> !type.equals("null"))) {
                    typed = finding;
                }
            }
        }
        return synthetic(Finding.NO_TYPE, location, value, List.copyOf(types), typed);
    }

    private static Finding synthetic(String keyword, List<String> at, JsonNode value, List<String> arguments, Finding sample) {
        Violation v = sample.violation();
        return new Finding(new Violation(v.operationId(), keyword, at, value, v.schemaLocation(), v.schema(), arguments),
                sample.evaluationPath(), null);
    }

    /** Allowed values in their natural order: numbers numerically, then the rest as given. */
    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort((a, b) -> {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
            return x != null ? -1 : y != null ? 1 : 0;
        });
        return list;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static boolean isValueChoice(String keyword) {
        return keyword.equals("const") || keyword.equals("enum") || keyword.equals(Finding.CHOICES);
    }

    private static boolean isDiscriminator(List<String> at, List<String> location) {
        return at.size() == location.size() + 1 && at.subList(0, location.size()).equals(location) && at.get(location.size()).equals("type");
    }

    private static int firstCombinator(List<String> evaluationPath, int from) {
        for (int i = Math.max(from, 0); i < evaluationPath.size(); i++) {
            String segment = evaluationPath.get(i);
            if ((segment.equals("oneOf") || segment.equals("anyOf")) && !isPropertyName(evaluationPath, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPropertyName(List<String> evaluationPath, int index) {
        if (index == 0) {
            return false;
        }
        String before = evaluationPath.get(index - 1);
        return (before.equals("properties") || before.equals("patternProperties")) && !isPropertyName(evaluationPath, index - 1);
    }

    /**
     * Where in the body the combinator applied: the finding's location less the steps the
     * evaluation took into the body after the combinator ({@code properties/x}, {@code items}, …).
     */
    private static List<String> combinatorLocation(Finding finding, int combinator) {
        List<String> path = finding.evaluationPath();
        int descents = 0;
        for (int i = combinator + 2; i < path.size() - 1; i++) {
            switch (path.get(i)) {
                case "properties", "patternProperties", "prefixItems" -> {
                    descents++;
                    i++;
                }
                case "items", "additionalProperties", "unevaluatedProperties", "contains", "unevaluatedItems" -> descents++;
                case "allOf", "oneOf", "anyOf", "dependentSchemas" -> i++;
                default -> {
                }
            }
        }
        List<String> at = finding.instancePath();
        return at.subList(0, Math.max(0, at.size() - descents));
    }
}
