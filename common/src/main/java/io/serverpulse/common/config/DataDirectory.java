package io.serverpulse.common.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory the embedded database lives in ({@code SERVERPULSE_DATA_DIR}), checked before
 * anything is opened in it: created if missing, and written to once (a file created and deleted),
 * so that a directory the process cannot use is one line naming the variable, not a database
 * driver's stack trace.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** {@code config.dataDir()}, created and known to be writable. */
    public static Path require(ServerPulseConfig config) {
        return require(config.dataDir(), ServerPulseConfig.DATA_DIR);
    }

    /**
     * {@code dir} (a directory under the one {@code variable} names, or that one itself), created
     * and known to be writable.
     *
     * @throws ConfigException naming {@code variable} if it cannot be created or written to
     */
    public static Path require(Path dir, String variable) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".serverpulse-write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new ConfigException(variable, "Invalid " + variable + ": cannot use " + dir.toAbsolutePath().normalize()
                    + " for the database (" + reason(e) + "); set " + variable + " to a directory this user can write");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException denied) {
            return denied.getFile() + " exists and is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
