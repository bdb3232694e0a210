package io.nestedge.commissioning.virtualplant.runtime;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Conversions between octal modes ("0644"), symbolic strings ("rw-r--r--") and permission sets. */
public final class Modes {
    private static final PosixFilePermission[] ORDER = {
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};

    private Modes() {
    }

    /**
     * Parses an octal mode (3 or 4 digits; setuid/setgid/sticky are ignored) or a 9-char symbolic mode.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Set<PosixFilePermission> parse(String mode) {
        if (mode.matches("[0-7]{3,4}")) {
            return fromBits(Integer.parseInt(mode, 8) & 0777);
        }
        if (mode.matches("[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]")) {
            return PosixFilePermissions.fromString(mode.replaceAll("[sSt]", "x").replace('T', '-'));
        }
        throw new IllegalArgumentException("invalid mode: '" + mode + "'");
    }

    /** The set for the low 9 bits of {@code bits}. */
    public static Set<PosixFilePermission> fromBits(int bits) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < 9; i++) {
            if ((bits & (1 << (8 - i))) != 0) {
                s.add(ORDER[i]);
            }
        }
        return s;
    }

    /** Mode bits of a set. */
    public static int bits(Set<PosixFilePermission> perms) {
        int b = 0;
        for (int i = 0; i < 9; i++) {
            if (perms.contains(ORDER[i])) {
                b |= 1 << (8 - i);
            }
        }
        return b;
    }

    /** Three octal digits ("644"). */
    public static String octal(Set<PosixFilePermission> perms) {
        return String.format("%03o", bits(perms));
    }
}
