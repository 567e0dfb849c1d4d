package io.serverpulse.aws.secrets;

import io.serverpulse.common.config.SecretParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * {@link SecretParameters.Store} on SSM Parameter Store: {@code GetParameters} with decryption, up to
 * ten names per request (SSM's limit), so the three secrets are one request at start-up. The caller
 * needs {@code ssm:GetParameters} on the parameters and, for SecureStrings under a customer managed
 * key, {@code kms:Decrypt} (template.yaml grants both on exactly the named parameters).
 */
public final class SsmSecretStore implements SecretParameters.Store, AutoCloseable {

    /** SSM's limit of names per GetParameters request. */
    static final int NAMES_PER_REQUEST = 10;
    /** The whole read, retries included: a start-up must not hang on an unreachable endpoint. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SsmSecretStore.class);

    private final SsmClient ssm;
    private final boolean ownsClient;

    public SsmSecretStore(SsmClient ssm) {
        this(ssm, false);
    }

    private SsmSecretStore(SsmClient ssm, boolean ownsClient) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.ownsClient = ownsClient;
    }

    /**
     * A store for the process's region and credentials (AWS_REGION and the function's or task's role;
     * {@code AWS_ENDPOINT_URL_SSM} points it elsewhere, e.g. at LocalStack), on the JDK's URL connection.
     */
    public static SsmSecretStore create() {
        try {
            return new SsmSecretStore(SsmClient.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(3))
                            .socketTimeout(Duration.ofSeconds(5))
                            .build())
                    .overrideConfiguration(config -> config.apiCallTimeout(API_CALL_TIMEOUT))
                    .build(), true);
        } catch (SdkException e) {
            // typically no region: say which variable would fix it
            throw new SecretParameters.StoreException(firstLine(e) + " (set AWS_REGION)", e);
        }
    }

    @Override
    public Map<String, String> read(Set<String> names) {
        List<String> all = new ArrayList<>(names);
        Map<String, String> values = new HashMap<>();
        try {
            for (int from = 0; from < all.size(); from += NAMES_PER_REQUEST) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + NAMES_PER_REQUEST));
                GetParametersResponse response = ssm.getParameters(b -> b.names(chunk).withDecryption(true));
                for (Parameter parameter : response.parameters()) {
                    // a name given as an ARN is answered under its plain name: map the answer back to what was asked
                    for (String asked : chunk) {
                        if (asked.equals(parameter.name()) || asked.equals(parameter.arn())) {
                            values.put(asked, parameter.value());
                        }
                    }
                }
            }
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            throw new SecretParameters.StoreException(code + " (HTTP " + e.statusCode() + "): " + firstLine(e), e);
        } catch (SdkException e) {
            throw new SecretParameters.StoreException(firstLine(e), e);
        }
        LOG.info("Read {} of {} secret(s) from SSM Parameter Store", values.size(), names.size());
        return values;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null ? aws.awsErrorDetails().errorMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public void close() {
        if (ownsClient) {
            ssm.close();
        }
    }
}
