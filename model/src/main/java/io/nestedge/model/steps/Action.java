package io.nestedge.model.steps;

import java.util.List;

/**
 * One action of an install step. Actions are data: {@code install.sh} renders them as bash
 * ({@link BashRenderer}) and the SSH commissioning engine executes them remotely, so the bundle and
 * the commissioning run perform the same steps from one description. All actions run as root in
 * the bundle's directory (relative {@code source} paths are relative to it).
 */
public sealed interface Action {

    /**
     * Runs a command; a non-zero exit fails the step unless {@code mayFail}.
     *
     * @param argv program and arguments (quoted by {@code ShellQuote} when rendered)
     * @param mayFail true when a non-zero exit is expected and harmless (e.g. removing a container
     *     that does not exist)
     */
    record Command(List<String> argv, boolean mayFail) implements Action {
        /** Copies the list. */
        public Command {
            argv = List.copyOf(argv);
        }
    }

    /**
     * Creates (or fixes) a directory with an exact owner, group and mode
     * ({@code install -d -m MODE -o OWNER -g GROUP PATH}).
     */
    record MakeDir(String path, int mode, String owner, String group) implements Action { }

    /**
     * Installs a bundle file at its device path with an exact owner, group and mode, atomically
     * (installed next to the target, then renamed over it: never a half-written file).
     *
     * @param source path relative to the bundle directory
     * @param target absolute device path
     */
    record PutFile(String source, String target, int mode, String owner, String group) implements Action { }

    /**
     * Verifies that {@code user} can read {@code path}, which requires execute permission on every
     * parent directory (facts §4; field cases F19, F20). Fails the step otherwise.
     */
    record CheckReadable(String user, String path) implements Action { }

    /** Copies {@code path} to {@code backup} (keeping mode and owner) when it exists. */
    record BackupIfPresent(String path, String backup) implements Action { }

    /**
     * Sets the named flag when the bundle file differs from the installed device file (or the device
     * file is missing). Must run before the file is replaced.
     */
    record MarkIfDiffers(String source, String target, String flag) implements Action { }

    /**
     * Sets top-level keys of a JSON object file on the device and keeps every other key where it is
     * ({@link JsonMerge}: a key's whole value is replaced). The file is written only when a key is
     * missing or differs; the previous file is first copied to {@code backup}; the new file is
     * 0644 root:root and replaces the old one atomically. A file that is not a JSON object is never
     * overwritten. How each path merges (ADR 0420): the SSH engine reads the file, merges with Jackson
     * on the laptop and uploads the result; the Ansible playbook uses {@code slurp}, {@code combine}
     * and {@code copy}; {@code install.sh}, which has no JSON tool on the device, writes the file only
     * when it is absent or empty, reports it unchanged when it already holds the keys, and otherwise
     * leaves it alone with a warning that prints the exact JSON to add.
     *
     * @param target absolute device path, e.g. {@code /etc/docker/daemon.json}
     * @param patch the keys to set, as a JSON object text
     * @param backup device path for the copy of the previous file
     */
    record MergeJson(String target, String patch, String backup) implements Action {
        /** Checks that the patch is a JSON object. */
        public MergeJson {
            JsonMerge.patch(patch);
        }
    }

    /** Runs {@code actions} only when {@code flag} was set earlier in this device's run. */
    record WhenFlag(String flag, List<Action> actions) implements Action {
        /** Copies the list. */
        public WhenFlag {
            actions = List.copyOf(actions);
        }
    }

    /**
     * Checks that the machine's hostname is the planned one: equal ignoring case, or the planned
     * name's first label followed by {@code .}, or an IP literal (facts §2, the device's own
     * {@code hostname} check).
     */
    record CheckHostname(String planned) implements Action { }

    /**
     * Runs {@code iotedge config apply -c CONFIG}; when it fails, copies {@code backup} back (if a
     * backup was made), applies it again, and fails the step with the original error (facts §3).
     */
    record ApplyConfig(String config, String backup) implements Action { }

    /**
     * Runs a read-only command whose output the commissioning engine parses; its exit code does not
     * fail the step by itself (the parsed result does).
     *
     * @param argv command
     * @param kind what the output is, for the parser
     * @param fallback the same probe in a form every runtime version understands, run instead when the
     *     device refuses {@code argv} or prints something that is not {@code kind}'s shape (e.g. an
     *     iotedge older than 1.0.8 has no {@code check --output json}, facts §6); null for none. A
     *     fallback has no fallback of its own.
     */
    record Probe(List<String> argv, ProbeKind kind, Probe fallback) implements Action {
        /** Copies the list; refuses a fallback chain longer than one. */
        public Probe {
            argv = List.copyOf(argv);
            if (fallback != null && fallback.fallback() != null) {
                throw new IllegalArgumentException("a probe's fallback has no fallback of its own: " + argv);
            }
        }

        /** A probe without fallback. */
        public Probe(List<String> argv, ProbeKind kind) {
            this(argv, kind, null);
        }
    }

    /** What a probe prints (facts §6). */
    enum ProbeKind {
        /** {@code id -un}. */
        USER,
        /** {@code cat /etc/os-release}. */
        OS_RELEASE,
        /** {@code iotedge version}. */
        IOTEDGE_VERSION,
        /** {@code df -Pk DIR}: free space where the bundle is staged. */
        FREE_SPACE,
        /** {@code iotedge check --output json}. */
        CHECK_JSON,
        /** {@code iotedge check --verbose}: the text form, which every runtime version prints. */
        CHECK_TEXT,
        /** {@code iotedge list}. */
        LIST,
        /** {@code docker inspect edgeHub}. */
        INSPECT_EDGEHUB,
        /** {@code openssl s_client} to the parent. */
        S_CLIENT
    }
}
