package io.serverpulse.store.sqlite;

import io.serverpulse.common.metrics.ActivityEvent.MessagePosted;
import io.serverpulse.common.metrics.ActivityEvent.ReactionAdded;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.common.metrics.Increment;
import io.serverpulse.common.metrics.MetricAggregator;
import io.serverpulse.common.metrics.MetricBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Which part of the SQLite write path costs what (not a test): the same batches, from the ingestion
 * benchmark's load (1,000 guilds x 1,000 members, Zipf authors, 10 channels, 90 % messages; one batch
 * per 5-second flush, all in one hour), are written by raw JDBC into the bucket tables of the store's
 * schema, once per variant, each on a fresh file, and the writing thread's CPU time per row is
 * printed per flush. Variants are {@code +}-joined options:
 * <ul>
 *   <li>{@code sorted}: rows in primary-key order (else the batch's insertion order);</li>
 *   <li>{@code batch}: {@code addBatch}/{@code executeBatch} by 1,000 (else one {@code executeUpdate} per row);</li>
 *   <li>{@code multi32}: 32 rows per {@code INSERT … VALUES (…), (…)} statement;</li>
 *   <li>{@code narrow}: each table's statement binds only the counters the batch carries for it
 *       (as {@link MetricWriter} does), else all ten;</li>
 *   <li>{@code normal}: {@code synchronous=NORMAL} (else {@code FULL}); {@code cache}: a 64 MB page cache;
 *       {@code mmap}: 1 GB memory-mapped reads;</li>
 *   <li>{@code noindex}: without the member index of the member tables; {@code timefirst}: the
 *       primary key begins with the bucket start.</li>
 * </ul>
 * Run with the test classpath:
 * {@code java -cp … io.serverpulse.store.sqlite.SqliteWritePathBench [events per flush] [flushes] [variants, comma-separated]}.
 */
public final class SqliteWritePathBench {

    /** The counter columns of schema version 1, which the variants' tables have. */
    private static final Set<Counter> V1_COUNTERS = java.util.EnumSet.range(Counter.MESSAGES, Counter.SENTIMENT_NEGATIVE);

    private SqliteWritePathBench() {
    }

    public static void main(String[] args) throws Exception {
        int eventsPerFlush = Integer.parseInt(args.length > 0 ? args[0] : "40000");
        int flushes = Integer.parseInt(args.length > 1 ? args[1] : "6");
        String[] variants = (args.length > 2 ? args[2]
                : "base,sorted,batch,sorted+batch,sorted+batch+narrow,sorted+multi32,sorted+batch+normal,sorted+batch+cache,"
                        + "sorted+batch+mmap,sorted+batch+noindex,sorted+batch+timefirst").split(",");
        System.out.printf("load average %.2f; %,d events per flush, %d flushes%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), eventsPerFlush, flushes);
        List<MetricBatch> batches = batches(eventsPerFlush, flushes);
        for (String variant : variants) {
            run(variant, batches);
        }
    }

    /** One batch per flush of the ingestion benchmark's load, all in one hour. */
    static List<MetricBatch> batches(int eventsPerFlush, int flushes) {
        Random random = new Random(7);
        double[] zipf = new double[1000];
        double sum = 0;
        for (int i = 0; i < zipf.length; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.1);
            zipf[i] = sum;
        }
        Instant hour = Instant.parse("2026-06-15T10:00:00Z");
        List<MetricBatch> list = new ArrayList<>();
        for (int f = 0; f < flushes; f++) {
            MetricAggregator aggregator = new MetricAggregator();
            for (int e = 0; e < eventsPerFlush; e++) {
                long guild = 1_000_000L + random.nextInt(1000);
                int rank = java.util.Arrays.binarySearch(zipf, random.nextDouble() * sum);
                long member = 5_000_000L + (rank >= 0 ? rank : -rank - 1);
                long channel = 100 + random.nextInt(10);
                Instant at = hour.plusSeconds(f * 5L + random.nextInt(5));
                aggregator.add(random.nextInt(10) == 0 ? new ReactionAdded(guild, channel, member, "e" + random.nextInt(20), at)
                        : new MessagePosted(guild, channel, member, at));
            }
            list.add(aggregator.drain());
        }
        return list;
    }

    static void run(String variant, List<MetricBatch> batches) throws Exception {
        Set<String> options = Set.of(variant.split("\\+"));
        Path dir = Files.createTempDirectory("write-path");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(options.contains("normal") ? SQLiteConfig.SynchronousMode.NORMAL : SQLiteConfig.SynchronousMode.FULL);
        if (options.contains("cache")) {
            config.setCacheSize(-65536);
        }
        if (options.contains("mmap")) {
            config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(1L << 30));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Connection c = config.createConnection("jdbc:sqlite:" + dir.resolve("bench.db"))) {
            try (Statement s = c.createStatement()) {
                for (String sql : Migrations.statements("V1__initial_schema.sql")) {
                    if (options.contains("noindex") && sql.contains("_member ON")) {
                        continue;
                    }
                    if (options.contains("timefirst")) {
                        sql = sql.replace("PRIMARY KEY (guild_id, channel_id, start, member_id, emoji)",
                                "PRIMARY KEY (start, guild_id, channel_id, member_id, emoji)");
                    }
                    s.executeUpdate(sql);
                }
            }
            Map<BucketKind, PreparedStatement> upserts = new EnumMap<>(BucketKind.class);
            Map<BucketKind, List<Counter>> bound = new EnumMap<>(BucketKind.class);
            for (BucketKind kind : BucketKind.values()) {
                Set<Counter> counters = options.contains("narrow") ? carried(batches, kind) : V1_COUNTERS;
                bound.put(kind, List.copyOf(counters));
                upserts.put(kind, c.prepareStatement(BucketSql.upsert(kind, counters)));
            }
            StringBuilder line = new StringBuilder(String.format("%-26s", variant));
            double totalCpu = 0;
            long totalRows = 0;
            for (MetricBatch batch : batches) {
                List<Increment> increments = new ArrayList<>(batch.increments());
                if (options.contains("sorted")) {
                    increments.sort(options.contains("timefirst")
                            ? java.util.Comparator.comparing((Increment i) -> i.key().kind()).thenComparing(i -> i.key().start())
                                    .thenComparing(MetricWriter.KEY_ORDER)
                            : MetricWriter.KEY_ORDER);
                }
                long cpu = threads.getCurrentThreadCpuTime();
                execute(c, "BEGIN IMMEDIATE");
                if (options.stream().anyMatch(o -> o.startsWith("multi"))) {
                    multiRow(c, increments, 32);
                } else {
                    write(upserts, bound, increments, options.contains("batch"));
                }
                execute(c, "COMMIT");
                double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3;
                totalCpu += cpuMicros;
                totalRows += increments.size();
                line.append(String.format("  %.1f", cpuMicros / increments.size()));
            }
            System.out.println(line.append(String.format("   -> %.1f CPU µs per row over %,d rows", totalCpu / totalRows, totalRows)));
            for (PreparedStatement statement : upserts.values()) {
                statement.close();
            }
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The counters the batches carry for a kind (at least one). */
    private static Set<Counter> carried(List<MetricBatch> batches, BucketKind kind) {
        Set<Counter> counters = java.util.EnumSet.noneOf(Counter.class);
        batches.forEach(b -> b.increments().stream().filter(i -> i.key().kind() == kind).forEach(i -> counters.addAll(i.deltas().keySet())));
        return counters.isEmpty() ? java.util.EnumSet.of(Counter.MESSAGES) : counters;
    }

    private static void write(Map<BucketKind, PreparedStatement> upserts, Map<BucketKind, List<Counter>> bound,
                              List<Increment> increments, boolean batched) throws SQLException {
        BucketKind last = null;
        int pending = 0;
        for (Increment increment : increments) {
            BucketKey key = increment.key();
            PreparedStatement upsert = upserts.get(key.kind());
            if (batched && last != null && last != key.kind() && pending > 0) {
                upserts.get(last).executeBatch();
                pending = 0;
            }
            last = key.kind();
            bind(upsert, increment, 1, bound.get(key.kind()));
            if (batched) {
                upsert.addBatch();
                if (++pending == 1000) {
                    upsert.executeBatch();
                    pending = 0;
                }
            } else {
                upsert.executeUpdate();
            }
        }
        if (batched && last != null && pending > 0) {
            upserts.get(last).executeBatch();
        }
    }

    /** Binds the key, expire_at and {@code counters} from {@code first}; returns the next index. */
    private static int bind(PreparedStatement statement, Increment increment, int first, List<Counter> counters) throws SQLException {
        BucketKey key = increment.key();
        int p = first;
        statement.setLong(p++, key.guildId());
        statement.setLong(p++, key.channelId());
        statement.setLong(p++, key.start().toEpochMilli());
        statement.setLong(p++, key.memberId());
        statement.setString(p++, key.emoji());
        statement.setLong(p++, key.start().toEpochMilli() + 90L * 86_400_000L);
        for (Counter counter : counters) {
            statement.setLong(p++, increment.delta(counter));
        }
        return p;
    }

    private static void multiRow(Connection c, List<Increment> increments, int rows) throws SQLException {
        Map<String, PreparedStatement> statements = new HashMap<>();
        int i = 0;
        while (i < increments.size()) {
            BucketKind kind = increments.get(i).key().kind();
            int j = i;
            while (j < increments.size() && j - i < rows && increments.get(j).key().kind() == kind) {
                j++;
            }
            int n = j - i;
            PreparedStatement statement = statements.get(kind + ":" + n);
            if (statement == null) {
                String one = BucketSql.upsert(kind, V1_COUNTERS);
                int values = one.indexOf("VALUES (");
                int close = one.indexOf(") ON CONFLICT");
                String tuple = one.substring(values + 7, close + 1);
                StringBuilder sql = new StringBuilder(one.substring(0, values + 7));
                for (int r = 0; r < n; r++) {
                    sql.append(r == 0 ? "" : ", ").append(tuple);
                }
                statement = c.prepareStatement(sql.append(one.substring(close + 1)).toString());
                statements.put(kind + ":" + n, statement);
            }
            int p = 1;
            for (int r = i; r < j; r++) {
                p = bind(statement, increments.get(r), p, List.copyOf(V1_COUNTERS));
            }
            statement.executeUpdate();
            i = j;
        }
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
