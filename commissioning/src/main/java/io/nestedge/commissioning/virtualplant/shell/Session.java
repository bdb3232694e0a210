package io.nestedge.commissioning.virtualplant.shell;

import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;

/**
 * One SSH login on a virtual device.
 *
 * @param ctx the device
 * @param loginUser the logged-in user
 * @param sudoPassword the password {@code sudo -S} accepts for the login user
 * @param cwd working directory (the user's home)
 */
public record Session(EmulatorContext ctx, String loginUser, String sudoPassword, String cwd) {
    /** The device file system. */
    public DeviceFs fs() {
        return ctx.fs();
    }

    /** Names the user and directory, never the sudo password (a record's default form would print it). */
    @Override
    public String toString() {
        return "Session[" + loginUser + ", cwd " + cwd + "]";
    }

    /** Absolute device path of {@code p} (relative paths are taken from the working directory). */
    public String abs(String p) {
        return p.startsWith("/") ? p : (cwd.endsWith("/") ? cwd : cwd + "/") + p;
    }
}
