package io.nestedge.model.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns a file-system error into words a technician can act on. The JDK's exceptions often carry
 * only a path as their message ({@code FileAlreadyExistsException: /data/out}), which says neither
 * what went wrong nor what to do. Stateless.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * What went wrong, naming the file concerned, without a trailing period, e.g.
     * {@code /data/out exists and is a file, not a folder} or {@code /mnt/usb/x: permission denied}.
     *
     * @param e any I/O error
     * @return one line
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : f.getFile();
            if (f instanceof NoSuchFileException) {
                return file + ": no such file or folder";
            }
            if (f instanceof AccessDeniedException) {
                return file + ": permission denied";
            }
            if (f instanceof NotDirectoryException) {
                return file + " is not a folder";
            }
            if (f instanceof FileAlreadyExistsException) {
                return !file.isEmpty() && Files.isRegularFile(Path.of(file)) ? file + " exists and is a file, not a folder"
                        : file + " already exists";
            }
            String why = f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
            return file.isEmpty() ? why : file + ": " + why;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
