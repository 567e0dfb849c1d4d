package io.serverpulse.store.mongodb;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MongoStandIn} for all the tests of a class, started before the first and closed after
 * the last: {@code @RegisterExtension static final SharedStandIn MONGO = new SharedStandIn();}.
 */
final class SharedStandIn implements BeforeAllCallback, AfterAllCallback {

    private MongoStandIn standIn;

    @Override
    public void beforeAll(ExtensionContext context) {
        standIn = new MongoStandIn();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        standIn.close();
    }

    MongoStandIn get() {
        return standIn;
    }
}
