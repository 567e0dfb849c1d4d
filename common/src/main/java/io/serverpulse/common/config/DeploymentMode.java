package io.serverpulse.common.config;

/** How ServerPulse runs (docs/ARCHITECTURE.md, "Modules"): one self-hosted process, or the AWS serverless split. */
public enum DeploymentMode {
    /** The collector process is the whole bot: collects, answers commands, runs digests, posts alerts. */
    SELF_HOSTED,
    /** The collector collects and hands alerts to Lambda; commands and digests run in Lambda functions. */
    AWS
}
