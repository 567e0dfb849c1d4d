package io.serverpulse.common.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the reference files that live beside the repository, never in it: Discord's OpenAPI spec
 * and the AWS SAM schema. Each is looked up through a system property, then an environment
 * variable, then as {@code shared/reference/…} in the working directory or any of its parents
 * (so {@code ../shared/reference/…} of a checkout is found from every module).
 *
 * <p>Code that validates against one of them and finds none must say so in one clear line (see
 * {@link #missingNotice}) and skip that validation — never pass silently.
 */
public final class ReferenceFiles {

    public static final String OPENAPI_PROPERTY = "serverpulse.discord.openapi";
    public static final String OPENAPI_ENV = "DISCORD_OPENAPI_SPEC";
    public static final String OPENAPI_RELATIVE = "shared/reference/discord-api-spec/openapi.json";

    public static final String SAM_PROPERTY = "serverpulse.sam.schema";
    public static final String SAM_ENV = "SAM_SCHEMA";
    public static final String SAM_RELATIVE = "shared/reference/aws-sam/sam.schema.json";

    private ReferenceFiles() {
    }

    /** Discord's OpenAPI description of REST v10, if present. */
    public static Optional<Path> discordOpenApi() {
        return locate(OPENAPI_PROPERTY, OPENAPI_ENV, OPENAPI_RELATIVE);
    }

    /** The SAM project's JSON schema for {@code AWS::Serverless::*} resources, if present. */
    public static Optional<Path> samSchema() {
        return locate(SAM_PROPERTY, SAM_ENV, SAM_RELATIVE);
    }

    /** The one line to print when a check is skipped because the file is absent. */
    public static String missingNotice(String what, String property, String env, String relative) {
        return "SKIPPED: " + what + " not validated: reference file not found (set -D" + property + "=… or " + env
                + "=…, or place it at ../" + relative + ")";
    }

    public static String openApiMissingNotice() {
        return missingNotice("Discord REST bodies against Discord's OpenAPI spec", OPENAPI_PROPERTY, OPENAPI_ENV, OPENAPI_RELATIVE);
    }

    public static String samMissingNotice() {
        return missingNotice("template.yaml against the AWS SAM schema", SAM_PROPERTY, SAM_ENV, SAM_RELATIVE);
    }

    static Optional<Path> locate(String property, String env, String relative) {
        String explicit = System.getProperty(property);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(env);
        }
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
