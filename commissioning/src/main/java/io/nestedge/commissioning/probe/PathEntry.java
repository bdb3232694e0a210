package io.nestedge.commissioning.probe;

/**
 * One component of a path as {@code namei -l} lists it: every parent directory, then the file.
 *
 * @param mode the ten-character mode ({@code drwxr-xr-x}, {@code -rw-------})
 * @param owner owning user
 * @param group owning group
 * @param name the component name ({@code /}, {@code var}, {@code certs}, {@code edge-ca.pem})
 * @param path the absolute path up to and including this component
 */
public record PathEntry(String mode, String owner, String group, String name, String path) {
    /** True for a directory. */
    public boolean isDirectory() {
        return mode.charAt(0) == 'd';
    }

    /**
     * Whether {@code user} (with no supplementary group knowledge: group bits count only when the
     * group has the user's name, as service users' private groups do) has the permission.
     *
     * @param user user name, e.g. {@code aziotcs}
     * @param perm 'r', 'w' or 'x'
     */
    public boolean allows(String user, char perm) {
        if ("root".equals(user)) {
            return perm != 'x' || isDirectory() || mode.indexOf('x') >= 0;
        }
        int offset = perm == 'r' ? 1 : perm == 'w' ? 2 : 3;
        if (owner.equals(user)) {
            return bit(offset, perm);
        }
        if (group.equals(user)) {
            return bit(offset + 3, perm);
        }
        return bit(offset + 6, perm);
    }

    private boolean bit(int index, char perm) {
        char c = mode.charAt(index);
        return perm == 'x' ? c == 'x' || c == 's' || c == 't' : c == perm;
    }
}
