package io.serverpulse.common.testing.aws;

/** The LocalStack image of the Docker-gated tests (pinned: later images ask for an account token). */
public final class LocalStack {

    public static final String IMAGE = "localstack/localstack:4.4";

    private LocalStack() {
    }
}
