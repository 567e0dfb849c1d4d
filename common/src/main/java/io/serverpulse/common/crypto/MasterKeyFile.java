package io.serverpulse.common.crypto;

import io.serverpulse.common.config.ConfigException;
import io.serverpulse.common.config.ServerPulseConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-hosted bot's master key when the operator sets none: 32 random bytes, in base64, in
 * {@value #FILE_NAME} in the data directory, readable and writable by the owner only. Generated on
 * the first start (and said in one log line, with where it is and that it must be backed up: without
 * it the stored AI keys cannot be opened), read on every later one.
 */
public final class MasterKeyFile {

    public static final String FILE_NAME = "master.key";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private MasterKeyFile() {
    }

    /**
     * The key in {@code dataDir}'s {@value #FILE_NAME}, generated there first if the file does not exist.
     *
     * @throws ConfigException naming the file when it cannot be written or read, or holds no valid key
     */
    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: read theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new ConfigException(ServerPulseConfig.MASTER_KEY, "Cannot use the generated master key file " + file + ": "
                    + e.getMessage() + " (or set " + ServerPulseConfig.MASTER_KEY + ")");
        }
    }

    private static byte[] create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temp);
            ownerOnly(temp.toFile());
        }
        Files.write(temp, content);
        // the key appears under its name complete or not at all
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("Generated a master key for stored AI keys in {} (readable by this user only): back it up, because without it"
                + " the stored AI keys cannot be opened; or set " + ServerPulseConfig.MASTER_KEY + " instead", file.toAbsolutePath());
        return key;
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new ConfigException(ServerPulseConfig.MASTER_KEY, file + ":1: not a master key (32 bytes in base64);"
                    + " restore it from your backup, or set " + ServerPulseConfig.MASTER_KEY);
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
            LOG.warn("The master key file {} can be read by other users: restrict it (chmod 600)", file.toAbsolutePath());
        }
        return key;
    }

    /** On file systems without POSIX permissions (Windows): readable and writable by the owner only, as far as Java can say. */
    private static void ownerOnly(java.io.File file) {
        file.setReadable(false, false);
        file.setWritable(false, false);
        file.setExecutable(false, false);
        file.setReadable(true, true);
        file.setWritable(true, true);
    }
}
