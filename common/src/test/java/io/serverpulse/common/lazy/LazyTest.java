package io.serverpulse.common.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.discord.rest.DiscordRest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void buildsTheClientOnceWhenManyThreadsAskAtOnce() throws Exception {
        // GIVEN a client that nobody asked for yet
        AtomicInteger builds = new AtomicInteger();
        Lazy<DiscordRest> lazy = Lazy.of(() -> {
            builds.incrementAndGet();
            return DiscordRest.create("http://127.0.0.1:9", Optional.empty());
        });
        assertThat(builds).hasValue(0);

        // WHEN eight threads ask for it at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DiscordRest>> asked = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            // THEN one client was built and every thread got it
            DiscordRest first = asked.get(0).get();
            for (Future<DiscordRest> each : asked) {
                assertThat(each.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void aReadyClientIsHandedOutAsItIs() {
        // GIVEN a client that exists already
        DiscordRest rest = DiscordRest.create("http://127.0.0.1:9", Optional.empty());

        // WHEN it is wrapped and asked for
        Lazy<DiscordRest> lazy = Lazy.built(rest);

        // THEN it is that client
        assertThat(lazy.get()).isSameAs(rest);
    }
}
