package io.nestedge.model.export;

import io.nestedge.model.Plant;
import java.util.Locale;
import java.util.Optional;

/**
 * The plant's registry when it needs credentials (a user name is set): a private registry such as
 * {@code contoso.azurecr.io}. The password is never part of the plant (facts §5: it is filled in at
 * export).
 *
 * @param address registry host, e.g. {@code contoso.azurecr.io}
 * @param username registry user name
 */
record PrivateRegistry(String address, String username) {

    /** The plant's private registry, or empty when the plant pulls anonymously. */
    static Optional<PrivateRegistry> of(Plant plant) {
        String a = plant.registry().address().trim();
        String u = plant.registry().username().trim();
        return a.isEmpty() || u.isEmpty() ? Optional.empty() : Optional.of(new PrivateRegistry(a, u));
    }

    /** True when {@code image} is pulled from this registry ({@code <address>/…}). */
    boolean serves(String image) {
        return image.toLowerCase(Locale.ROOT).startsWith(address.toLowerCase(Locale.ROOT) + "/");
    }

    /**
     * Key of this registry in {@code registryCredentials}: letters, digits, '-' and '_' only (the
     * schema forbids '.', '$', '#' and spaces), e.g. {@code contoso-azurecr-io}.
     */
    String credentialsName() {
        String n = address.replaceAll("[^A-Za-z0-9_-]", "-");
        return n.isEmpty() ? "registry" : n;
    }
}
