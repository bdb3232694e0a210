package io.nestedge.model;

/**
 * The container registry the top layer pulls from (directly, or through its registry module).
 * The password is never stored: it is entered at export time.
 *
 * @param address registry host, e.g. {@code mcr.microsoft.com} or {@code contoso.azurecr.io}
 * @param username registry user name (empty for anonymous pulls)
 */
public record RegistrySettings(String address, String username) {
    /** Normalises nulls to empty. */
    public RegistrySettings {
        address = address == null ? "" : address;
        username = username == null ? "" : username;
    }
}
