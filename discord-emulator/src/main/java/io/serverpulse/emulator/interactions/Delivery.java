package io.serverpulse.emulator.interactions;

import io.serverpulse.emulator.spec.SpecValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What happened when one interaction was POSTed to an endpoint.
 *
 * @param request       what was sent
 * @param status        the HTTP status, or -1 when there was no answer (see {@code failure})
 * @param body          the response body as text
 * @param headers       the response headers (names lower-case)
 * @param latency       from sending the request to having the whole response
 * @param callbackCheck for a 200, the response body checked against the interaction callback schema
 * @param callbackRule  for a 200, why its callback type is wrong for the interaction, if it is
 * @param failure       why there was no answer (timeout, connection refused), if there was none
 */
public record Delivery(SignedInteraction request, int status, String body, Map<String, List<String>> headers, Duration latency,
                       Optional<SpecValidator.Result> callbackCheck, Optional<String> callbackRule, Optional<String> failure) {

    /** Discord gives an endpoint 3 seconds for the initial response. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);

    public Delivery {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean answered() {
        return failure.isEmpty();
    }

    public boolean withinDeadline() {
        return answered() && latency.compareTo(DEADLINE) <= 0;
    }

    /** Whether the endpoint rejected the request the way Discord expects a bad one rejected: 401. */
    public boolean rejectedAsUnauthorized() {
        return status == 401;
    }

    /** Whether Discord would take this as a valid initial response. */
    public boolean acceptable() {
        return problems().isEmpty();
    }

    /** Why Discord would not take this as a valid initial response (empty when it would). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!answered()) {
            problems.add("no response: " + failure.get());
            return problems;
        }
        if (status != 200) {
            problems.add("status " + status + ", expected 200");
            return problems;
        }
        if (!withinDeadline()) {
            problems.add("answered after " + latency.toMillis() + " ms; Discord waits " + DEADLINE.toMillis() + " ms");
        }
        String contentType = header("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add(contentType.isEmpty() ? "no Content-Type; Discord requires application/json"
                    : "Content-Type " + contentType + "; Discord requires application/json");
        }
        callbackCheck.filter(check -> !check.isValid() && check.outcome() != SpecValidator.Result.Outcome.SKIPPED)
                .ifPresent(check -> {
                    if (check.problems().isEmpty()) {
                        problems.add("response body: " + check.outcome() + (check.detail().isEmpty() ? "" : " — " + check.detail()));
                    }
                    check.readableProblems().forEach(problem -> problems.add("response body: " + problem));
                });
        callbackRule.ifPresent(problems::add);
        return problems;
    }

    @Override
    public String toString() {
        return "Delivery[" + (answered() ? "status " + status : failure.get()) + " in " + latency.toMillis() + " ms]";
    }
}
