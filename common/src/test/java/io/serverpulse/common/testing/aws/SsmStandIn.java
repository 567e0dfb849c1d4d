package io.serverpulse.common.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSM Parameter Store on a local port ({@code GetParameter}, {@code GetParameters}, AWS JSON 1.1):
 * parameters put by the test, returned decrypted when the request asks {@code WithDecryption}, as
 * SSM does, and listed under {@code InvalidParameters} when they do not exist.
 */
public final class SsmStandIn extends AwsJsonStandIn {

    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private final Map<String, String> secureStrings = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    public SsmStandIn() {
        super("AmazonSSM", "application/x-amz-json-1.1");
    }

    /** Creates or overwrites a SecureString (a rotation bumps its version). */
    public SsmStandIn putSecureString(String name, String value) {
        secureStrings.put(name, value);
        versions.merge(name, 1, Integer::sum);
        return this;
    }

    @Override
    protected JsonNode handle(String operation, JsonNode input) {
        switch (operation) {
            case "GetParameters": {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode found = out.putArray("Parameters");
                ArrayNode invalid = out.putArray("InvalidParameters");
                for (JsonNode name : input.path("Names")) {
                    if (secureStrings.containsKey(plain(name.asText()))) {
                        found.add(parameter(plain(name.asText()), input.path("WithDecryption").asBoolean(false)));
                    } else {
                        invalid.add(name.asText());
                    }
                }
                return out;
            }
            case "GetParameter": {
                String name = plain(input.path("Name").asText());
                if (!secureStrings.containsKey(name)) {
                    throw new ServiceError(400, "ParameterNotFound", "Parameter " + name + " not found.");
                }
                ObjectNode out = JSON.createObjectNode();
                out.set("Parameter", parameter(name, input.path("WithDecryption").asBoolean(false)));
                return out;
            }
            default:
                throw new ServiceError(400, "UnknownOperationException", operation);
        }
    }

    /** A name given as its ARN ({@code arn:aws:ssm:…:parameter/x}) is the parameter {@code /x}. */
    private static String plain(String name) {
        int at = name.startsWith("arn:") ? name.indexOf(":parameter/") : -1;
        return at < 0 ? name : name.substring(at + ":parameter".length());
    }

    private ObjectNode parameter(String name, boolean decrypt) {
        ObjectNode p = JSON.createObjectNode();
        p.put("Name", name);
        p.put("Type", "SecureString");
        // without decryption SSM returns the ciphertext (base64); never the plain value
        p.put("Value", decrypt ? secureStrings.get(name)
                : java.util.Base64.getEncoder().encodeToString(("ciphertext:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.put("Version", versions.get(name));
        p.put("ARN", "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter" + (name.startsWith("/") ? "" : "/") + name);
        p.put("DataType", "text");
        p.put("LastModifiedDate", 1.7726e9);
        return p;
    }
}
