package io.serverpulse.collector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.serverpulse.common.metrics.BucketKey;
import io.serverpulse.common.metrics.BucketKind;
import io.serverpulse.common.metrics.Counter;
import io.serverpulse.emulator.state.StoredAttachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/** The files of an {@code /export-report} as a member downloads them, unzipped and parsed back. */
public final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFiles() {
    }

    /** The text of every file (every part of a split export), unzipped where zipped. */
    public static List<String> texts(List<StoredAttachment> attachments) {
        List<String> texts = new ArrayList<>();
        for (StoredAttachment attachment : attachments) {
            if (attachment.filename().endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(attachment.bytes()))) {
                    while (zip.getNextEntry() != null) {
                        texts.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                texts.add(new String(attachment.bytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** The buckets of JSON exports, read back: key → counters. */
    public static Map<BucketKey, Map<Counter, Long>> bucketsOfJson(long guildId, List<String> texts) {
        Map<BucketKey, Map<Counter, Long>> buckets = new HashMap<>();
        for (String text : texts) {
            JsonNode export;
            try {
                export = JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode row : export.path("metrics")) {
                BucketKey key = key(guildId, row.path("table").asText(), Instant.parse(row.path("start").asText()),
                        row.path("channel_id").asText("0"), row.path("member_id").asText("0"), row.path("emoji").asText(""));
                Map<Counter, Long> counters = new EnumMap<>(Counter.class);
                row.path("counters").properties().forEach(c -> counters.put(Counter.fromField(c.getKey()), c.getValue().asLong()));
                buckets.put(key, counters);
            }
        }
        return buckets;
    }

    /** The buckets of CSV exports, read back from their one-row-per-value form. */
    public static Map<BucketKey, Map<Counter, Long>> bucketsOfCsv(long guildId, List<String> texts) {
        Map<BucketKey, Map<Counter, Long>> buckets = new HashMap<>();
        for (String text : texts) {
            for (List<String> row : rows(text)) {
                if (!isBucketTable(row.get(0))) {
                    continue;
                }
                BucketKey key = key(guildId, row.get(0), Instant.parse(row.get(1)), or0(row.get(2)), or0(row.get(3)), row.get(6));
                buckets.computeIfAbsent(key, k -> new EnumMap<>(Counter.class)).put(Counter.fromField(row.get(4)), Long.parseLong(row.get(5)));
            }
        }
        return buckets;
    }

    /** Every row of a CSV export, its header first. */
    public static List<List<String>> rows(String csv) {
        try (MappingIterator<List<String>> iterator = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            return iterator.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBucketTable(String record) {
        for (BucketKind kind : BucketKind.values()) {
            if (kind.collection().equals(record)) {
                return true;
            }
        }
        return false;
    }

    private static String or0(String id) {
        return id.isEmpty() ? "0" : id;
    }

    private static BucketKey key(long guildId, String table, Instant start, String channel, String member, String emoji) {
        BucketKind kind = null;
        for (BucketKind candidate : BucketKind.values()) {
            if (candidate.collection().equals(table)) {
                kind = candidate;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("not a bucket table: " + table);
        }
        return new BucketKey(kind, guildId, Long.parseUnsignedLong(channel), Long.parseUnsignedLong(member), emoji, start);
    }
}
