package io.nestedge.commissioning.virtualplant.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The file system of one emulated device: absolute device paths ("/etc/aziot/config.toml") resolved
 * under a root (a Jimfs POSIX file system for virtual devices, {@code /} in the test bed), plus
 * owners, modes and the access rules the IoT Edge services are subject to (facts §4, "File access").
 *
 * <p>Permission model (deliberately simple, documented in {@code docs/emulator.md}): {@code root}
 * may do anything; the owner gets the owner bits; a user whose name equals the file's group name
 * gets the group bits (every service user has its own primary group, as the packages create them);
 * everybody else gets the other bits. Supplementary groups are not modelled.
 */
public final class DeviceFs {
    private final Path root;

    /**
     * @param root the device root; must support the {@code posix} attribute view
     */
    public DeviceFs(Path root) {
        this.root = root;
    }

    /** The device root. */
    public Path root() {
        return root;
    }

    /** The underlying Java file system. */
    public FileSystem fileSystem() {
        return root.getFileSystem();
    }

    /**
     * Resolves a device path. Relative paths are taken from {@code /}; {@code ..} never leaves the root.
     *
     * @param devicePath absolute (or relative to /) path on the device
     * @return the path under the root
     */
    public Path path(String devicePath) {
        Path p = root;
        for (String part : devicePath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!p.equals(root)) {
                    p = p.getParent();
                }
                continue;
            }
            p = p.resolve(part);
        }
        return p;
    }

    /** The device path ("/a/b") of a path under the root. */
    public String devicePath(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "/" : "/" + s;
    }

    /** True when the device path exists (without following a final symlink: false for dangling). */
    public boolean exists(String devicePath) {
        return Files.exists(path(devicePath));
    }

    /** Reads a UTF-8 text file. */
    public String read(String devicePath) throws IOException {
        return Files.readString(path(devicePath), StandardCharsets.UTF_8);
    }

    /** Reads a file's bytes. */
    public byte[] readBytes(String devicePath) throws IOException {
        return Files.readAllBytes(path(devicePath));
    }

    /**
     * Writes a file atomically (temp file in the same directory, then rename) with a mode and owner.
     * The temporary file is created anew, owner-only (a secret is never readable by others, not even
     * while it is written; on the test bed this is a real disk), and never through a link left at its
     * name; it gets its mode and owner before the rename.
     *
     * @param devicePath target path; parent directories are created (root-owned, 0755) if missing
     * @param content bytes
     * @param mode octal mode such as "600"
     * @param owner owner and group name
     */
    public void writeAtomic(String devicePath, byte[] content, String mode, String owner) throws IOException {
        Path target = path(devicePath);
        mkdirs(target.getParent(), "755", "root");
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // a crashed write's leftover, or a planted link: removed, not followed
        try (SeekableByteChannel ch = Files.newByteChannel(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        setMode(tmp, mode);
        setOwner(tmp, owner, owner);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** UTF-8 form of {@link #writeAtomic(String, byte[], String, String)}. */
    public void writeAtomic(String devicePath, String content, String mode, String owner) throws IOException {
        writeAtomic(devicePath, content.getBytes(StandardCharsets.UTF_8), mode, owner);
    }

    /** Creates missing directories up to {@code dir}, each new one with this mode and owner. */
    public void mkdirs(Path dir, String mode, String owner) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        mkdirs(dir.getParent(), mode, owner);
        Files.createDirectory(dir);
        setMode(dir, mode);
        setOwner(dir, owner, owner);
    }

    /** Device-path form of {@link #mkdirs(Path, String, String)}. */
    public void mkdirs(String devicePath, String mode, String owner) throws IOException {
        mkdirs(path(devicePath), mode, owner);
    }

    /** Sets an octal mode ("0644", "755") or a symbolic one ("rw-r--r--"). */
    public void setMode(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, Modes.parse(mode));
    }

    /**
     * Sets owner and group by name. On a real root, a user that does not exist leaves the file as
     * it is (the test bed creates the service users; see docs/emulator.md).
     *
     * @param group group name, or null to leave the group
     */
    public void setOwner(Path p, String owner, String group) throws IOException {
        var lookup = fileSystem().getUserPrincipalLookupService();
        try {
            if (owner != null && !owner.isEmpty()) {
                Files.setOwner(p, lookup.lookupPrincipalByName(owner));
            }
            if (group != null && !group.isEmpty()) {
                GroupPrincipal g = lookup.lookupPrincipalByGroupName(group);
                Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(g);
            }
        } catch (UserPrincipalNotFoundException e) {
            // real machine without this user: keep the current owner
        }
    }

    /** POSIX attributes (following links), or empty when the file does not exist. */
    public Optional<PosixFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, PosixFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Owner name, or "?" when unknown. */
    public String owner(Path p) {
        return attributes(p).map(a -> name(a.owner())).orElse("?");
    }

    /** Group name, or "?" when unknown. */
    public String group(Path p) {
        return attributes(p).map(a -> name(a.group())).orElse("?");
    }

    private static String name(UserPrincipal u) {
        return u == null ? "?" : u.getName();
    }

    /** Mode as three octal digits ("644"), or "?" when the file does not exist. */
    public String octalMode(Path p) {
        return attributes(p).map(a -> Modes.octal(a.permissions())).orElse("?");
    }

    /**
     * Explains why {@code user} cannot read the file (every parent directory must be searchable and
     * the file readable), or empty when it can (facts §4: certs readable by aziotcs, keys by aziotks).
     *
     * @param user user name
     * @param devicePath file to read
     * @return a sentence such as "directory /var/aziot/certs (drw-r--r-- aziotcs:aziotcs) is not searchable by aziotks"
     */
    public Optional<String> whyUnreadable(String user, String devicePath) {
        Path target = path(devicePath);
        if (!Files.exists(target)) {
            return Optional.of(devicePath + ": No such file or directory (os error 2)");
        }
        if ("root".equals(user)) {
            return Optional.empty();
        }
        Path dir = target.getParent();
        java.util.Deque<Path> chain = new java.util.ArrayDeque<>();
        for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
            chain.push(d);
            if (d.equals(root)) {
                break;
            }
        }
        for (Path d : chain) {
            if (!allowed(user, d, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE)) {
                return Optional.of("Permission denied (os error 13): directory " + devicePath(d) + " ("
                        + describe(d) + ") is not searchable by " + user);
            }
        }
        if (!allowed(user, target, PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ)) {
            return Optional.of("Permission denied (os error 13): " + devicePath + " (" + describe(target)
                    + ") is not readable by " + user);
        }
        return Optional.empty();
    }

    /** True when {@code user} may read the file (see {@link #whyUnreadable}). */
    public boolean canRead(String user, String devicePath) {
        return whyUnreadable(user, devicePath).isEmpty();
    }

    /** True when {@code user} may create or remove entries in the directory (w and x bits). */
    public boolean canWriteDir(String user, Path dir) {
        if ("root".equals(user)) {
            return true;
        }
        return allowed(user, dir, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE)
                && allowed(user, dir, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
    }

    /** True when {@code user} may write to the existing file. */
    public boolean canWriteFile(String user, Path file) {
        return "root".equals(user) || allowed(user, file, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    }

    /** True when the (directory) path's search bit applies to {@code user}. */
    public boolean canSearch(String user, Path dir) {
        return "root".equals(user) || allowed(user, dir, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    }

    /** Short description "drwxr-xr-x aziotcs:aziotcs" of a path. */
    public String describe(Path p) {
        return attributes(p).map(a -> (a.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions())
                + " " + name(a.owner()) + ":" + name(a.group())).orElse("missing");
    }

    private boolean allowed(String user, Path p, PosixFilePermission ownerBit, PosixFilePermission groupBit,
            PosixFilePermission otherBit) {
        Optional<PosixFileAttributes> a = attributes(p);
        if (a.isEmpty()) {
            return false;
        }
        Set<PosixFilePermission> perms = a.get().permissions();
        if (user.equals(name(a.get().owner()))) {
            return perms.contains(ownerBit);
        }
        if (user.equals(name(a.get().group()))) {
            return perms.contains(groupBit);
        }
        return perms.contains(otherBit);
    }

    /** Deletes a file or a directory tree; missing is fine. */
    public void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        try {
            Files.delete(p);
        } catch (NoSuchFileException e) {
            // raced: gone already
        }
    }
}
