package io.serverpulse.emulator.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an interactions endpoint the way Discord does before it accepts the URL: a correctly signed
 * PING must be answered 200 with a PONG, and every {@link Probe} must be refused with 401.
 */
public final class EndpointCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InteractionSender sender;
    private final InteractionFactory factory;
    private final InteractionSigner impostor;

    public EndpointCheck(InteractionSender sender, InteractionFactory factory) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.impostor = new InteractionSigner(InteractionKeyPair.generate(), Clock.systemUTC());
    }

    public Report run(URI endpoint) {
        SignedInteraction ping = sender.signer().sign(factory.ping());
        Delivery pong = sender.deliver(endpoint, ping);
        Map<Probe, Delivery> probes = new EnumMap<>(Probe.class);
        for (Probe probe : Probe.values()) {
            SignedInteraction fresh = sender.signer().sign(factory.ping());
            probes.put(probe, sender.deliver(endpoint, probe.spoil(fresh, sender.signer(), impostor)));
        }
        return new Report(pong, probes);
    }

    /** The PING's delivery and each probe's. */
    public record Report(Delivery ping, Map<Probe, Delivery> probes) {

        public Report {
            probes = Map.copyOf(probes);
        }

        /** Whether Discord would accept the endpoint: PONG to the PING, 401 to every required probe. */
        public boolean acceptedByDiscord() {
            return failures().isEmpty();
        }

        /** Why not, one line each. */
        public List<String> failures() {
            List<String> failures = new ArrayList<>();
            ping.problems().forEach(problem -> failures.add("PING: " + problem));
            if (ping.status() == 200 && !isPong(ping.body())) {
                failures.add("PING: the answer is not a PONG ({\"type\":1})");
            }
            for (Probe probe : Probe.values()) {
                Delivery delivery = probes.get(probe);
                if (probe.mustBeRefused() && delivery != null && !delivery.rejectedAsUnauthorized()) {
                    failures.add(probe + ": answered " + (delivery.answered() ? "status " + delivery.status() : delivery.failure().get())
                            + ", expected 401");
                }
            }
            return failures;
        }

        private static boolean isPong(String body) {
            try {
                JsonNode answer = MAPPER.readTree(body);
                return answer != null && answer.path("type").isInt() && answer.path("type").asInt() == 1;
            } catch (java.io.IOException notJson) {
                return false;
            }
        }

        /** Advisory findings (e.g. a replayed request accepted), one line each. */
        public List<String> advice() {
            List<String> advice = new ArrayList<>();
            for (Probe probe : Probe.values()) {
                Delivery delivery = probes.get(probe);
                if (!probe.mustBeRefused() && delivery != null && !delivery.rejectedAsUnauthorized()) {
                    advice.add(probe + ": accepted (status " + delivery.status() + "); refusing old timestamps would stop replays");
                }
            }
            return advice;
        }
    }
}
