package io.serverpulse.aws.secrets;

import org.testcontainers.utility.DockerImageName;

/** The LocalStack image the Docker-gated tests run against (pinned: later images need an account token). */
final class LocalStackImage {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4");

    private LocalStackImage() {
    }
}
