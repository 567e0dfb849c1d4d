package io.serverpulse.common.ai;

/**
 * Speaks to one AI provider. One implementation per wire protocol ({@link AiProvider.Protocol});
 * {@link AiClients} hands out the right one. Implementations are thread-safe, keep no key, and
 * never log the key, the prompt or the answer.
 */
public interface AiClient {

    /**
     * Sends {@code call} and returns the answer's text.
     *
     * @throws AiFailure for every way the call can go wrong (status, timeout, network, a body that is
     *     not the documented shape, an empty answer), saying which in {@link AiFailure#kind()}
     */
    AiReply complete(AiCall call) throws AiFailure;
}
