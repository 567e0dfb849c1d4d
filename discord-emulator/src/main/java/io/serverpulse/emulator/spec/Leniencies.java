package io.serverpulse.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The registry of {@link Leniency leniencies}: the places where the emulator accepts what Discord's
 * OpenAPI description rejects because Discord itself accepts it. Each one is tested with a body
 * that passes only thanks to it, next to a really invalid body that still fails.
 */
public final class Leniencies {

    private static final BigInteger MAX_SNOWFLAKE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * The spec types every snowflake as a decimal string ({@code SnowflakeType}), but Discord parses a
     * JSON integer as a snowflake too. JDA sends the ids of new attachments ({@code attachments[].id},
     * the index of the uploaded file) as numbers. Only non-negative whole numbers that fit 64 bits
     * are excused; a negative number, a fraction or a non-numeric string still fails.
     */
    public static final Leniency SNOWFLAKE_AS_NUMBER = named("snowflake-as-number",
            "Discord accepts a JSON integer where the spec types a snowflake as a string; JDA sends attachments[].id as a number",
            violation -> violation.keyword().equals("type")
                    && "snowflake".equals(violation.schema().path("format").asText())
                    && violation.value().isIntegralNumber()
                    && violation.value().bigIntegerValue().signum() >= 0
                    && violation.value().bigIntegerValue().compareTo(MAX_SNOWFLAKE) <= 0);

    /**
     * Discord coerces a decimal string to an integer where it expects one (its own error for a
     * string that is not a number is {@code NUMBER_TYPE_COERCE}). JDA sends an application
     * command's {@code contexts} and {@code integration_types} as strings ({@code ["0"]}), and
     * {@code default_member_permissions} as a string, as Discord documents it, while the spec types
     * them as integers. Only a decimal string whose number satisfies the schema's own bounds,
     * {@code const} or {@code enum} is excused: {@code "5"} as a context or {@code "12x"} still fail.
     */
    public static final Leniency NUMERIC_STRING_AS_INTEGER = named("numeric-string-as-integer",
            "Discord coerces decimal strings to integers; JDA sends contexts, integration_types and default_member_permissions as strings",
            Leniencies::isCoercibleNumericString);

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static final Leniencies DISCORD_DEFAULTS = new Leniencies(List.of(SNOWFLAKE_AS_NUMBER, NUMERIC_STRING_AS_INTEGER));
    private static final Leniencies NONE = new Leniencies(List.of());

    private final List<Leniency> leniencies;

    private Leniencies(List<Leniency> leniencies) {
        this.leniencies = List.copyOf(leniencies);
    }

    /** Every leniency Discord is known to need for the bodies JDA and ServerPulse send. */
    public static Leniencies discordDefaults() {
        return DISCORD_DEFAULTS;
    }

    /** The spec exactly as written. */
    public static Leniencies none() {
        return NONE;
    }

    public static Leniencies of(Leniency... leniencies) {
        return new Leniencies(List.of(leniencies));
    }

    public List<Leniency> all() {
        return leniencies;
    }

    /** The first leniency that excuses this violation, if any. */
    public Optional<Leniency> excusing(Violation violation) {
        return leniencies.stream().filter(leniency -> leniency.excuses(violation)).findFirst();
    }

    private static boolean isCoercibleNumericString(Violation violation) {
        JsonNode value = violation.value();
        if (!value.isTextual() || !DECIMAL.matcher(value.asText()).matches()) {
            return false;
        }
        BigInteger number = new BigInteger(value.asText());
        JsonNode schema = violation.schema();
        return switch (violation.keyword()) {
            case "type" -> violation.arguments().contains("integer") && withinBounds(schema, number);
            case "const" -> numericEquals(schema.path("const"), number);
            case "enum" -> {
                boolean listed = false;
                for (JsonNode option : schema.path("enum")) {
                    listed |= numericEquals(option, number);
                }
                yield listed;
            }
            default -> false;
        };
    }

    private static boolean withinBounds(JsonNode schema, BigInteger number) {
        BigDecimal n = new BigDecimal(number);
        JsonNode minimum = schema.path("minimum");
        JsonNode maximum = schema.path("maximum");
        JsonNode exclusiveMinimum = schema.path("exclusiveMinimum");
        JsonNode exclusiveMaximum = schema.path("exclusiveMaximum");
        String format = schema.path("format").asText();
        return (!minimum.isNumber() || n.compareTo(minimum.decimalValue()) >= 0)
                && (!maximum.isNumber() || n.compareTo(maximum.decimalValue()) <= 0)
                && (!exclusiveMinimum.isNumber() || n.compareTo(exclusiveMinimum.decimalValue()) > 0)
                && (!exclusiveMaximum.isNumber() || n.compareTo(exclusiveMaximum.decimalValue()) < 0)
                && (!schema.has("const") || numericEquals(schema.path("const"), number))
                && (!format.equals("int32") || number.compareTo(INT32_MIN) >= 0 && number.compareTo(INT32_MAX) <= 0)
                && (!format.equals("int64") || number.compareTo(INT64_MIN) >= 0 && number.compareTo(INT64_MAX) <= 0);
    }

    private static boolean numericEquals(JsonNode expected, BigInteger number) {
        return expected.isIntegralNumber() && expected.bigIntegerValue().equals(number);
    }

    /** A leniency from its name, reason and test. */
    public static Leniency named(String name, String reason, Predicate<Violation> excuses) {
        return new Named(name, reason, excuses);
    }

    private record Named(String name, String reason, Predicate<Violation> test) implements Leniency {
        @Override
        public boolean excuses(Violation violation) {
            return test.test(violation);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
