package io.serverpulse.collector.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image tarball as {@code jib:buildTar} writes it ({@code docker load} format: {@code manifest.json}, the config,
 * one gzipped tar per layer), read as a container runtime reads it: its config, and its layers unpacked in order
 * into one directory, with each file's mode and owner as the image records them.
 */
final class ImageTarball {

    /** A file of the image: its mode bits (e.g. 0755) and owner, as recorded in its layer. */
    record Entry(String path, int mode, long uid, long gid, boolean directory) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode config;
    private final List<String> layers;
    private final Map<String, byte[]> files;

    private ImageTarball(JsonNode config, List<String> layers, Map<String, byte[]> files) {
        this.config = config;
        this.layers = layers;
        this.files = files;
    }

    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isFile()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        List<String> layers = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> layers.add(layer.asText()));
        return new ImageTarball(JSON.readTree(files.get(manifest.path("Config").asText())), layers, files);
    }

    /** The image config ({@code architecture}, {@code os}, {@code config.Entrypoint}, {@code config.User}, …). */
    JsonNode config() {
        return config;
    }

    /** {@code config.Env} as a map. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        config.path("config").path("Env").forEach(pair -> {
            String[] parts = pair.asText().split("=", 2);
            env.put(parts[0], parts[1]);
        });
        return env;
    }

    /** {@code config.Entrypoint} followed by {@code config.Cmd}: what the container runs. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(arg -> command.add(arg.asText()));
        config.path("config").path("Cmd").forEach(arg -> command.add(arg.asText()));
        return command;
    }

    /** The layers' comments in order (Jib names them: "c runtime", "java runtime", …) with their compressed sizes. */
    Map<String, Integer> layerSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            sizes.put(i + " " + config.path("history").get(i).path("comment").asText(), files.get(layers.get(i)).length);
        }
        return sizes;
    }

    /**
     * Unpacks every layer in order into {@code root} (later layers win, as in a container); returns each file's
     * entry by its absolute path in the image ({@code /opt/java/bin/java}).
     */
    Map<String, Entry> unpack(Path root) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String layer : layers) {
            try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(files.get(layer)));
                 TarArchiveInputStream in = new TarArchiveInputStream(gz)) {
                for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    String name = "/" + entry.getName().replaceAll("^/+|/+$", "");
                    Path target = root.resolve(name.substring(1)).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("layer entry outside the image root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        Files.write(target, in.readAllBytes());
                    } else {
                        throw new IOException("unexpected kind of layer entry (link or device): " + entry.getName());
                    }
                    entries.put(name, new Entry(name, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                            entry.isDirectory()));
                }
            }
        }
        // modes last: a directory's own entry may come after files were written into it
        for (Entry entry : entries.values()) {
            Files.setPosixFilePermissions(root.resolve(entry.path().substring(1)), permissions(entry.mode() | (entry.directory() ? 0700 : 0600)));
        }
        return entries;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
