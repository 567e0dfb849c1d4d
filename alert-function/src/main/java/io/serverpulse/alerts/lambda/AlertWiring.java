package io.serverpulse.alerts.lambda;

import io.serverpulse.alerts.drops.DropCheck;
import io.serverpulse.alerts.post.NoticeDelivery;
import io.serverpulse.common.alerts.AlertPoster;
import io.serverpulse.common.alerts.detect.ActivityDropWatch;
import io.serverpulse.common.config.ServerPulseConfig;
import io.serverpulse.common.discord.post.UpdateChannelStore;
import io.serverpulse.common.discord.post.UpdatePoster;
import io.serverpulse.common.discord.rest.DiscordRest;
import io.serverpulse.common.store.Store;
import io.serverpulse.store.mongodb.MongoStores;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the handlers' dependencies once per container, from the configuration: DISCORD_TOKEN (the bot
 * posts with it), MONGODB_URI (both read from SSM Parameter Store in a deployment: template.yaml sets
 * their *_SSM_PARAMETER names), and DISCORD_API_BASE_URL (tests point it at the emulator). Both
 * settings are checked before anything connects, so a missing one fails the init with one line naming it.
 */
final class AlertWiring {

    private AlertWiring() {
    }

    record Parts(Store store, AlertPoster poster) {
    }

    static Parts parts(ServerPulseConfig config) {
        String token = config.requireDiscordToken();
        String mongoUri = config.requireMongoUri();
        Store store = MongoStores.connect(mongoUri, config.retentionPolicy());
        DiscordRest rest = DiscordRest.create(config.discordApiBaseUrl(), Optional.of(token));
        UpdatePoster poster = new UpdatePoster(rest, UpdateChannelStore.of(store, Clock.systemUTC()));
        return new Parts(store, new AlertPoster(poster, store::settings));
    }

    static NoticeDelivery delivery(ServerPulseConfig config) {
        return new NoticeDelivery(parts(config).poster());
    }

    static DropCheck dropCheck(ServerPulseConfig config) {
        Parts parts = parts(config);
        return new DropCheck(parts.store(), new ActivityDropWatch(parts.store(), parts.store()), parts.poster());
    }
}
