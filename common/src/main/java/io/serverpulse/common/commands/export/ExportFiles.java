package io.serverpulse.common.commands.export;

import io.serverpulse.common.commands.ResponseLimits;
import io.serverpulse.common.commands.message.FileAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fits an export into the files of one message, none larger than the interaction's
 * {@code attachment_size_limit}: the plain file if it fits; else that file zipped; else the records
 * split into 2, 3, … parts, each a complete file of its own, zipped, up to Discord's
 * {@value ResponseLimits#MAX_FILES} files per message. Nothing when even that is too large.
 */
final class ExportFiles {

    static final String ZIP = "application/zip";

    /** How the export was carried: the files, and whether they are zipped. */
    record Fitted(List<FileAttachment> files, boolean zipped) {
    }

    private ExportFiles() {
    }

    /** @param baseName the file name without extension, e.g. {@code serverpulse-<guild>-<day>} */
    static Optional<Fitted> within(GuildExport export, ExportFormat format, String baseName, long limit) {
        byte[] whole = export.bytes(format);
        String plainName = baseName + "." + format.option();
        if (whole.length <= limit) {
            return Optional.of(new Fitted(List.of(new FileAttachment(plainName, format.contentType(), whole, null)), false));
        }
        byte[] zipped = zip(plainName, whole);
        if (zipped.length <= limit) {
            return Optional.of(new Fitted(List.of(new FileAttachment(baseName + ".zip", ZIP, zipped, null)), true));
        }
        // a first guess from the compressed size, then one more part at a time
        int parts = (int) Math.max(2, Math.min(ResponseLimits.MAX_FILES, zipped.length / Math.max(1, limit * 9 / 10) + 1));
        for (; parts <= ResponseLimits.MAX_FILES && parts <= Math.max(2, export.records()); parts++) {
            List<FileAttachment> files = new ArrayList<>(parts);
            boolean fits = true;
            for (int part = 1; part <= parts && fits; part++) {
                String name = baseName + "-part" + part + "of" + parts;
                byte[] bytes = zip(name + "." + format.option(), export.bytes(format, part, parts));
                fits = bytes.length <= limit;
                files.add(new FileAttachment(name + ".zip", ZIP, bytes, null));
            }
            if (fits) {
                return Optional.of(new Fitted(files, true));
            }
        }
        return Optional.empty();
    }

    static byte[] zip(String entryName, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("could not compress the export", e);
        }
        return out.toByteArray();
    }
}
