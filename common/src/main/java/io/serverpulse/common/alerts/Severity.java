package io.serverpulse.common.alerts;

public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
