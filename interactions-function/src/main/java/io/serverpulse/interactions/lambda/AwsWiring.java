package io.serverpulse.interactions.lambda;

import io.serverpulse.common.commands.InteractionHandler;
import io.serverpulse.common.config.EnvSource;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.crypto.Ed25519SignatureVerifier;
import io.serverpulse.common.store.Store;
import io.serverpulse.interactions.deferred.DeferredRunner;
import io.serverpulse.interactions.deferred.FollowUpSender;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.interactions.http.InteractionsEndpoint;
import io.serverpulse.store.mongodb.MongoStore;
import java.util.Optional;

/**
 * Builds the handlers' dependencies once, from the configuration (secrets read from SSM Parameter
 * Store, see {@link RestoredSecrets}), for the Lambda runtime. Every required setting is checked before
 * anything connects, so a missing one fails the init with one line naming it.
 */
final class AwsWiring {

    /** The worker function's name, ARN or {@code name:alias}; set by template.yaml. */
    static final String WORKER_FUNCTION_NAME = "WORKER_FUNCTION_NAME";

    private AwsWiring() {
    }

    /** The interactions function's endpoint, the command core behind it, the hand-off to the worker and the store. */
    record Endpoint(InteractionsEndpoint endpoint, InteractionHandler handler, LambdaDeferredDispatcher dispatcher, Store store) {
    }

    /** The worker's runner and its store. */
    record Worker(DeferredRunner runner, Store store) {
    }

    static Endpoint endpoint(ServerPulseConfig config, EnvSource env) {
        String publicKey = config.requireDiscordPublicKey();
        String worker = env.require(WORKER_FUNCTION_NAME, "the deferred worker function's name or ARN");
        String mongoUri = config.requireMongoUri();
        Ed25519SignatureVerifier verifier = new Ed25519SignatureVerifier(publicKey);
        Store store = MongoStore.connect(mongoUri);
        InteractionHandler handler = InteractionHandler.create(config, store);
        LambdaDeferredDispatcher dispatcher = new LambdaDeferredDispatcher(LambdaDeferredDispatcher::defaultClient, worker);
        return new Endpoint(new InteractionsEndpoint(verifier, handler, dispatcher), handler, dispatcher, store);
    }

    static DeferredRunner runner(ServerPulseConfig config) {
        return worker(config).runner();
    }

    static Worker worker(ServerPulseConfig config) {
        String mongoUri = config.requireMongoUri();
        Store store = MongoStore.connect(mongoUri);
        InteractionHandler handler = InteractionHandler.create(config, store);
        // webhook edits are authorised by the interaction token: the worker needs no bot token
        return new Worker(new DeferredRunner(handler, new FollowUpSender(DiscordRest.create(config.discordApiBaseUrl(),
                Optional.empty()))), store);
    }
}
