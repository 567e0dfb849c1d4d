package io.serverpulse.store.mongodb;

/** Field names shared by several collections (snake_case, as in the seed). */
final class Fields {

    static final String ID = "_id";
    static final String GUILD_ID = "guild_id";
    static final String CHANNEL_ID = "channel_id";
    static final String MEMBER_ID = "member_id";
    static final String EMOJI = "emoji";
    static final String START = "start";
    static final String EXPIRE_AT = "expire_at";
    /** The bounded list of batch ids recently applied to a bucket document. */
    static final String BATCHES = "batches";

    private Fields() {
    }
}
