package io.nestedge.commissioning.virtualplant.shell;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Read-only utilities with GNU coreutils' output: {@code id [-un|-u]}, {@code whoami},
 * {@code hostname}, {@code cat}, {@code echo [-n]}, {@code test}/{@code [} ({@code -e -f -d -r -w -s},
 * {@code = !=}, {@code !}), {@code sha256sum [-c] FILE}, {@code stat -c FORMAT} ({@code %a %A %U %G %n
 * %s %F}), {@code df [-h] [-P] [PATH]}, {@code ls [-l] [-a] [-d]}, {@code uname [-a]}.
 */
final class InfoCommands {
    private static final DateTimeFormatter LS_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private InfoCommands() {
    }

    static CommandResult id(String user, List<String> args) {
        int uid = uid(user);
        if (args.contains("-un") || (args.contains("-u") && args.contains("-n"))) {
            return CommandResult.ok(user + "\n");
        }
        if (args.contains("-u")) {
            return CommandResult.ok(uid + "\n");
        }
        return CommandResult.ok("uid=" + uid + "(" + user + ") gid=" + uid + "(" + user + ") groups=" + uid + "(" + user
                + ")" + (uid == 1000 ? ",27(sudo)" : "") + "\n");
    }

    static int uid(String user) {
        return switch (user) {
            case "root" -> 0;
            case "aziotks" -> 990;
            case "aziotcs" -> 991;
            case "aziotid" -> 992;
            case "aziottpm" -> 993;
            case "iotedge" -> 994;
            default -> 1000;
        };
    }

    static CommandResult cat(Session s, String user, List<String> args, byte[] stdin) {
        if (args.isEmpty()) {
            return CommandResult.ok(new String(stdin, StandardCharsets.UTF_8));
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : args) {
            Path p = s.fs().path(s.abs(f));
            if (!Files.exists(p)) {
                err.append("cat: ").append(f).append(": No such file or directory\n");
            } else if (Files.isDirectory(p)) {
                err.append("cat: ").append(f).append(": Is a directory\n");
            } else if (!s.fs().canRead(user, s.abs(f))) {
                err.append("cat: ").append(f).append(": Permission denied\n");
            } else {
                try {
                    out.append(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.append("cat: ").append(f).append(": ").append(e.getMessage()).append('\n');
                }
            }
        }
        return new CommandResult(err.length() == 0 ? 0 : 1, out.toString(), err.toString());
    }

    static CommandResult echo(List<String> args) {
        boolean n = !args.isEmpty() && args.get(0).equals("-n");
        String text = String.join(" ", n ? args.subList(1, args.size()) : args);
        return CommandResult.ok(n ? text : text + "\n");
    }

    static CommandResult test(Session s, String user, List<String> args0) {
        List<String> args = args0;
        if (!args.isEmpty() && args.get(args.size() - 1).equals("]")) {
            args = args.subList(0, args.size() - 1);
        }
        boolean negate = !args.isEmpty() && args.get(0).equals("!");
        if (negate) {
            args = args.subList(1, args.size());
        }
        boolean r;
        if (args.size() == 2 && args.get(0).startsWith("-")) {
            String abs = s.abs(args.get(1));
            Path p = s.fs().path(abs);
            boolean reachable = parentsSearchable(s, user, p);
            r = reachable && switch (args.get(0)) {
                case "-e" -> Files.exists(p);
                case "-f" -> Files.isRegularFile(p);
                case "-d" -> Files.isDirectory(p);
                case "-s" -> Files.isRegularFile(p) && size(p) > 0;
                case "-r" -> Files.exists(p) && (Files.isDirectory(p) ? s.fs().canSearch(user, p) || "root".equals(user)
                        : s.fs().canRead(user, abs));
                case "-w" -> Files.exists(p) && s.fs().canWriteFile(user, p);
                case "-x" -> Files.exists(p) && s.fs().canSearch(user, p);
                default -> false;
            };
        } else if (args.size() == 3 && (args.get(1).equals("=") || args.get(1).equals("!="))) {
            r = args.get(0).equals(args.get(2)) == args.get(1).equals("=");
        } else if (args.size() == 1) {
            r = !args.get(0).isEmpty();
        } else {
            return CommandResult.fail(2, "sh: 1: test: unexpected operator");
        }
        return new CommandResult(r != negate ? 0 : 1, "", "");
    }

    private static boolean parentsSearchable(Session s, String user, Path p) {
        for (Path d = p.getParent(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d) && !s.fs().canSearch(user, d)) {
                return false;
            }
        }
        return true;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static CommandResult sha256sum(Session s, String user, List<String> args, byte[] stdin) {
        if (args.contains("-c") || args.contains("--check")) {
            String list;
            List<String> files = args.stream().filter(x -> !x.startsWith("-")).toList();
            try {
                list = files.isEmpty() ? new String(stdin, StandardCharsets.UTF_8)
                        : Files.readString(FileCommands.readable(s, user, files.get(0), "sha256sum"));
            } catch (FileCommands.CmdError e) {
                return CommandResult.fail(1, "sha256sum: " + files.get(0) + ": No such file or directory");
            } catch (IOException e) {
                return CommandResult.fail(1, "sha256sum: " + e.getMessage());
            }
            StringBuilder out = new StringBuilder();
            int failed = 0;
            for (String line : list.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+\\*?", 2);
                String got = digest(s, user, f[1]);
                boolean ok = f[0].equalsIgnoreCase(got);
                out.append(f[1]).append(ok ? ": OK\n" : got == null ? ": FAILED open or read\n" : ": FAILED\n");
                failed += ok ? 0 : 1;
            }
            String err = failed == 0 ? "" : "sha256sum: WARNING: " + failed + " computed checksum"
                    + (failed == 1 ? " did" : "s did") + " NOT match\n";
            return new CommandResult(failed == 0 ? 0 : 1, out.toString(), err);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : args) {
            String d = digest(s, user, f);
            if (d == null) {
                err.append("sha256sum: ").append(f).append(": No such file or directory\n");
            } else {
                out.append(d).append("  ").append(f).append('\n');
            }
        }
        return new CommandResult(err.length() == 0 ? 0 : 1, out.toString(), err.toString());
    }

    private static String digest(Session s, String user, String f) {
        try {
            Path p = FileCommands.readable(s, user, f, "sha256sum");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (FileCommands.CmdError | IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    static CommandResult stat(Session s, List<String> args) {
        String fmt = null;
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-c") || args.get(i).equals("--format")) {
                fmt = args.get(++i);
            } else if (args.get(i).startsWith("--format=")) {
                fmt = args.get(i).substring(9);
            } else {
                files.add(args.get(i));
            }
        }
        if (fmt == null) {
            fmt = "  File: %n\n  Size: %s\nAccess: (0%a/%A)  Uid: %U  Gid: %G";
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : files) {
            Path p = s.fs().path(s.abs(f));
            var attrs = s.fs().attributes(p);
            if (attrs.isEmpty()) {
                err.append("stat: cannot statx '").append(f).append("': No such file or directory\n");
                continue;
            }
            PosixFileAttributes a = attrs.get();
            String r = fmt.replace("%a", Integer.toOctalString(io.nestedge.commissioning.virtualplant.runtime.Modes.bits(a.permissions())))
                    .replace("%A", (a.isDirectory() ? "d" : "-") + PosixFilePermissions.toString(a.permissions()))
                    .replace("%U", a.owner().getName()).replace("%G", a.group().getName()).replace("%n", f)
                    .replace("%s", Long.toString(a.size()))
                    .replace("%F", a.isDirectory() ? "directory" : a.size() == 0 ? "regular empty file" : "regular file");
            out.append(r).append('\n');
        }
        return new CommandResult(err.length() == 0 ? 0 : 1, out.toString(), err.toString());
    }

    static CommandResult df(Session s, List<String> args) {
        try {
            var store = Files.getFileStore(s.fs().root());
            long total = store.getTotalSpace() / 1024;
            long avail = store.getUsableSpace() / 1024;
            long used = total - avail;
            long pct = total == 0 ? 0 : Math.round(100.0 * used / total);
            String target = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("/");
            return CommandResult.ok("Filesystem     1K-blocks    Used Available Use% Mounted on\n"
                    + String.format(Locale.ROOT, "%-14s %9d %7d %9d %3d%% %s%n", "/dev/vda1", total, used, avail, pct,
                            target.startsWith("/") ? "/" : target));
        } catch (IOException e) {
            return CommandResult.fail(1, "df: " + e.getMessage());
        }
    }

    static CommandResult ls(Session s, String user, List<String> args) {
        boolean longFmt = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*l[a-zA-Z]*"));
        boolean all = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*a[a-zA-Z]*"));
        boolean dirOnly = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*d[a-zA-Z]*"));
        List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (paths.isEmpty()) {
            paths = List.of(".");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String f : paths) {
            Path p = s.fs().path(s.abs(f));
            if (!Files.exists(p)) {
                err.append("ls: cannot access '").append(f).append("': No such file or directory\n");
                continue;
            }
            if (Files.isDirectory(p) && !dirOnly) {
                if (!"root".equals(user) && (!s.fs().canSearch(user, p) || !s.fs().canRead(user, s.abs(f)))) {
                    err.append("ls: cannot open directory '").append(f).append("': Permission denied\n");
                    continue;
                }
                try (var st = Files.list(p)) {
                    for (Path c : st.sorted().toList()) {
                        String name = c.getFileName().toString();
                        if (all || !name.startsWith(".")) {
                            out.append(longFmt ? longLine(s, c, name) : name).append('\n');
                        }
                    }
                } catch (IOException e) {
                    err.append("ls: ").append(e.getMessage()).append('\n');
                }
            } else {
                out.append(longFmt ? longLine(s, p, f) : f).append('\n');
            }
        }
        return new CommandResult(err.length() == 0 ? 0 : 2, out.toString(), err.toString());
    }

    private static String longLine(Session s, Path p, String name) {
        var a = s.fs().attributes(p).orElseThrow();
        return String.format(Locale.ROOT, "%s%s 1 %s %s %6d %s %s", a.isDirectory() ? "d" : "-",
                PosixFilePermissions.toString(a.permissions()), a.owner().getName(), a.group().getName(), a.size(),
                LS_TIME.format(a.lastModifiedTime().toInstant()), name);
    }
}
