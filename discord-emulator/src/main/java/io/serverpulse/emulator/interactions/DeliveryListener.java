package io.serverpulse.emulator.interactions;

import java.net.URI;

/** Told about every request an {@link InteractionSender} delivered (or failed to deliver), on the sending thread. */
@FunctionalInterface
public interface DeliveryListener {

    DeliveryListener NONE = (endpoint, delivery) -> {
    };

    void delivered(URI endpoint, Delivery delivery);
}
