package io.nestedge.commissioning.virtualplant.shell;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.Modes;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * File utilities of the virtual device with GNU coreutils' messages: {@code mkdir [-p] [-m MODE]},
 * {@code install [-m MODE] [-o OWNER] [-g GROUP] (-d DIR… | SRC DST)}, {@code chown [-R]},
 * {@code chmod [-R] OCTAL}, {@code cp [-p]}, {@code mv}, {@code rm [-rf]}, {@code tee [-a]}. Every
 * write checks the effective user's permission on the parent directory.
 */
final class FileCommands {
    private FileCommands() {
    }

    static CommandResult mkdir(Session s, String user, List<String> args) {
        boolean parents = false;
        String mode = null;
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p")) {
                parents = true;
            } else if (a.equals("-m")) {
                mode = args.get(++i);
            } else {
                dirs.add(a);
            }
        }
        StringBuilder err = new StringBuilder();
        for (String d : dirs) {
            String p = s.abs(d);
            try {
                if (Files.isDirectory(s.fs().path(p))) {
                    if (!parents) {
                        err.append("mkdir: cannot create directory '").append(d).append("': File exists\n");
                    }
                    continue;
                }
                createDirs(s, user, p, parents, mode == null ? "755" : mode, "mkdir: cannot create directory '" + d + "'");
            } catch (CmdError e) {
                err.append(e.getMessage()).append('\n');
            }
        }
        return err.length() == 0 ? CommandResult.ok("") : CommandResult.fail(1, err.toString());
    }

    private static void createDirs(Session s, String user, String p, boolean parents, String mode, String what)
            throws CmdError {
        DeviceFs fs = s.fs();
        Path path = fs.path(p);
        Path parent = path.getParent();
        if (!Files.isDirectory(parent)) {
            if (!parents) {
                throw new CmdError(what + ": No such file or directory");
            }
            createDirs(s, user, fs.devicePath(parent), true, "755", what);
        }
        if (!fs.canWriteDir(user, parent)) {
            throw new CmdError(what + ": Permission denied");
        }
        try {
            Files.createDirectory(path);
            fs.setMode(path, mode);
            fs.setOwner(path, user, user);
        } catch (IOException e) {
            throw new CmdError(what + ": " + e.getMessage());
        }
    }

    static CommandResult install(Session s, String user, List<String> args) {
        String mode = null;
        String owner = null;
        String group = null;
        boolean dirs = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-m" -> mode = args.get(++i);
                case "-o" -> owner = args.get(++i);
                case "-g" -> group = args.get(++i);
                case "-d" -> dirs = true;
                case "-D", "-p", "-v" -> { }
                default -> files.add(args.get(i));
            }
        }
        if ((owner != null || group != null) && !"root".equals(user)) {
            return CommandResult.fail(1, "install: cannot change ownership of '" + files.get(files.size() - 1)
                    + "': Operation not permitted");
        }
        try {
            if (dirs) {
                for (String d : files) {
                    String p = s.abs(d);
                    if (!Files.isDirectory(s.fs().path(p))) {
                        createDirs(s, user, p, true, "755", "install: cannot create directory '" + d + "'");
                    }
                    apply(s.fs(), s.fs().path(p), mode == null ? "755" : mode, owner, group);
                }
                return CommandResult.ok("");
            }
            if (files.size() != 2) {
                return CommandResult.fail(1, "install: missing destination file operand after '" + String.join(" ", files) + "'");
            }
            Path src = readable(s, user, files.get(0), "install");
            Path dst = s.fs().path(s.abs(files.get(1)));
            if (Files.isDirectory(dst)) {
                dst = dst.resolve(src.getFileName().toString());
            }
            writeCopy(s, user, src, dst, "install: cannot create regular file '" + files.get(1) + "'");
            apply(s.fs(), dst, mode == null ? "755" : mode, owner, group);
            return CommandResult.ok("");
        } catch (CmdError e) {
            return CommandResult.fail(1, e.getMessage());
        } catch (IOException e) {
            return CommandResult.fail(1, "install: " + e.getMessage());
        }
    }

    private static void apply(DeviceFs fs, Path p, String mode, String owner, String group) throws IOException {
        fs.setMode(p, mode);
        if (owner != null || group != null) {
            fs.setOwner(p, owner, group);
        }
    }

    static CommandResult chown(Session s, String user, List<String> args) {
        List<String> a = args.stream().filter(x -> !x.startsWith("-")).toList();
        boolean recursive = args.contains("-R");
        if (a.size() < 2) {
            return CommandResult.fail(1, "chown: missing operand");
        }
        String[] og = a.get(0).split(":", -1);
        String owner = og[0].isEmpty() ? null : og[0];
        String group = og.length > 1 && !og[1].isEmpty() ? og[1] : null;
        StringBuilder err = new StringBuilder();
        for (String f : a.subList(1, a.size())) {
            Path p = s.fs().path(s.abs(f));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                err.append("chown: cannot access '").append(f).append("': No such file or directory\n");
            } else if (!"root".equals(user)) {
                err.append("chown: changing ownership of '").append(f).append("': Operation not permitted\n");
            } else {
                try {
                    for (Path x : walk(p, recursive)) {
                        s.fs().setOwner(x, owner, group);
                    }
                } catch (IOException e) {
                    err.append("chown: ").append(e.getMessage()).append('\n');
                }
            }
        }
        return err.length() == 0 ? CommandResult.ok("") : CommandResult.fail(1, err.toString());
    }

    static CommandResult chmod(Session s, String user, List<String> args) {
        List<String> a = args.stream().filter(x -> !x.equals("-R")).toList();
        boolean recursive = args.contains("-R");
        if (a.size() < 2) {
            return CommandResult.fail(1, "chmod: missing operand");
        }
        if (!a.get(0).matches("[0-7]{3,4}")) {
            return CommandResult.fail(1, "chmod: invalid mode: '" + a.get(0) + "' (the virtual device supports octal modes)");
        }
        StringBuilder err = new StringBuilder();
        for (String f : a.subList(1, a.size())) {
            Path p = s.fs().path(s.abs(f));
            if (!Files.exists(p)) {
                err.append("chmod: cannot access '").append(f).append("': No such file or directory\n");
            } else if (!"root".equals(user) && !user.equals(s.fs().owner(p))) {
                err.append("chmod: changing permissions of '").append(f).append("': Operation not permitted\n");
            } else {
                try {
                    for (Path x : walk(p, recursive)) {
                        s.fs().setMode(x, a.get(0));
                    }
                } catch (IOException e) {
                    err.append("chmod: ").append(e.getMessage()).append('\n');
                }
            }
        }
        return err.length() == 0 ? CommandResult.ok("") : CommandResult.fail(1, err.toString());
    }

    static CommandResult cp(Session s, String user, List<String> args) {
        boolean preserve = args.contains("-p") || args.contains("-a");
        List<String> a = args.stream().filter(x -> !x.startsWith("-")).toList();
        if (a.size() != 2) {
            return CommandResult.fail(1, "cp: missing destination file operand");
        }
        try {
            Path src = readable(s, user, a.get(0), "cp");
            Path dst = s.fs().path(s.abs(a.get(1)));
            if (Files.isDirectory(dst)) {
                dst = dst.resolve(src.getFileName().toString());
            }
            boolean existed = Files.exists(dst);
            writeCopy(s, user, src, dst, "cp: cannot create regular file '" + a.get(1) + "'");
            if (preserve || !existed) {
                s.fs().setMode(dst, s.fs().octalMode(src));
            }
            if (preserve && "root".equals(user)) {
                s.fs().setOwner(dst, s.fs().owner(src), s.fs().group(src));
            }
            return CommandResult.ok("");
        } catch (CmdError e) {
            return CommandResult.fail(1, e.getMessage());
        } catch (IOException e) {
            return CommandResult.fail(1, "cp: " + e.getMessage());
        }
    }

    static CommandResult mv(Session s, String user, List<String> args) {
        List<String> a = args.stream().filter(x -> !x.startsWith("-")).toList();
        if (a.size() != 2) {
            return CommandResult.fail(1, "mv: missing destination file operand");
        }
        Path src = s.fs().path(s.abs(a.get(0)));
        Path dst = s.fs().path(s.abs(a.get(1)));
        if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
            return CommandResult.fail(1, "mv: cannot stat '" + a.get(0) + "': No such file or directory");
        }
        if (Files.isDirectory(dst)) {
            dst = dst.resolve(src.getFileName().toString());
        }
        if (!s.fs().canWriteDir(user, src.getParent()) || !s.fs().canWriteDir(user, dst.getParent())) {
            return CommandResult.fail(1, "mv: cannot move '" + a.get(0) + "' to '" + a.get(1) + "': Permission denied");
        }
        try {
            Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
            return CommandResult.ok("");
        } catch (IOException e) {
            return CommandResult.fail(1, "mv: " + e.getMessage());
        }
    }

    static CommandResult rm(Session s, String user, List<String> args) {
        boolean recursive = args.stream().anyMatch(x -> x.matches("-[a-zA-Z]*[rR][a-zA-Z]*"));
        boolean force = args.stream().anyMatch(x -> x.matches("-[a-zA-Z]*f[a-zA-Z]*"));
        StringBuilder err = new StringBuilder();
        for (String f : args.stream().filter(x -> !x.startsWith("-")).toList()) {
            Path p = s.fs().path(s.abs(f));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                if (!force) {
                    err.append("rm: cannot remove '").append(f).append("': No such file or directory\n");
                }
                continue;
            }
            if (!s.fs().canWriteDir(user, p.getParent())) {
                err.append("rm: cannot remove '").append(f).append("': Permission denied\n");
                continue;
            }
            try {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !recursive) {
                    err.append("rm: cannot remove '").append(f).append("': Is a directory\n");
                } else {
                    s.fs().deleteTree(p);
                }
            } catch (DirectoryNotEmptyException e) {
                err.append("rm: cannot remove '").append(f).append("': Directory not empty\n");
            } catch (IOException e) {
                err.append("rm: ").append(e.getMessage()).append('\n');
            }
        }
        return err.length() == 0 ? CommandResult.ok("") : CommandResult.fail(1, err.toString());
    }

    static CommandResult tee(Session s, String user, List<String> args, byte[] stdin) {
        boolean append = args.contains("-a");
        StringBuilder err = new StringBuilder();
        for (String f : args.stream().filter(x -> !x.startsWith("-")).toList()) {
            try {
                write(s, user, s.abs(f), stdin, append, "tee: " + f);
            } catch (CmdError e) {
                err.append(e.getMessage()).append('\n');
            }
        }
        return new CommandResult(err.length() == 0 ? 0 : 1, new String(stdin, java.nio.charset.StandardCharsets.UTF_8),
                err.toString());
    }

    /** Writes (or appends to) a file as {@code user}; a new file gets mode 644 and that owner. */
    static void write(Session s, String user, String abs, byte[] data, boolean append, String what) throws CmdError {
        Path p = s.fs().path(abs);
        boolean exists = Files.exists(p);
        if (exists ? !s.fs().canWriteFile(user, p) : !Files.isDirectory(p.getParent()) || !s.fs().canWriteDir(user, p.getParent())) {
            throw new CmdError(what + ": " + (Files.isDirectory(p.getParent()) ? "Permission denied" : "No such file or directory"));
        }
        try {
            if (append && exists) {
                Files.write(p, data, java.nio.file.StandardOpenOption.APPEND);
            } else {
                Files.write(p, data);
            }
            if (!exists) {
                s.fs().setMode(p, "644");
                s.fs().setOwner(p, user, user);
            }
        } catch (IOException e) {
            throw new CmdError(what + ": " + e.getMessage());
        }
    }

    static Path readable(Session s, String user, String f, String cmd) throws CmdError {
        String abs = s.abs(f);
        Path p = s.fs().path(abs);
        if (!Files.exists(p)) {
            throw new CmdError(cmd + ": cannot stat '" + f + "': No such file or directory");
        }
        if (!Files.isDirectory(p) && !s.fs().canRead(user, abs)) {
            throw new CmdError(cmd + ": cannot open '" + f + "' for reading: Permission denied");
        }
        return p;
    }

    private static void writeCopy(Session s, String user, Path src, Path dst, String what) throws CmdError, IOException {
        if (Files.isDirectory(src)) {
            throw new CmdError(what + ": source is a directory (use -r, not supported on the virtual device)");
        }
        write(s, user, s.fs().devicePath(dst), Files.readAllBytes(src), false, what);
    }

    private static List<Path> walk(Path p, boolean recursive) throws IOException {
        if (!recursive || !Files.isDirectory(p)) {
            return List.of(p);
        }
        try (var st = Files.walk(p)) {
            return st.toList();
        }
    }

    /** A command error message (already in the tool's words). */
    static final class CmdError extends Exception {
        private static final long serialVersionUID = 1L;

        CmdError(String m) {
            super(m);
        }
    }

    static String mode(Path p, DeviceFs fs) {
        return Modes.octal(fs.attributes(p).map(a -> a.permissions()).orElse(java.util.Set.of()));
    }
}
