package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the {@code errors} tree of a 50035 answer. */
final class FormErrors {

    private FormErrors() {
    }

    /** Adds {@code {"code":..., "message":...}} under {@code errors.<path...>._errors}. */
    static void add(ObjectNode errors, String path, String code, String message) {
        ObjectNode node = errors;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
        }
        node.withArrayProperty("_errors").addObject().put("code", code).put("message", message);
    }
}
