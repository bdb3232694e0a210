package io.nestedge.commissioning.ssh;

import java.util.List;
import java.util.Objects;

/**
 * How the laptop reaches a device: directly, or through jump hosts (the device's parent chain; facts
 * §7). {@code jumps} are in the order of {@code ssh -J}: the one the laptop dials first, i.e. the top
 * layer first, ending with the device's parent. (MINA's own ProxyJump list is the reverse; this layer
 * does not use it, see ADR 0700.)
 *
 * @param jumps jump hosts, laptop side first; empty for a direct connection
 * @param target the device
 */
public record Route(List<Hop> jumps, Hop target) {
    /** Defensive copy. */
    public Route {
        jumps = List.copyOf(jumps);
        Objects.requireNonNull(target);
    }

    /** A direct connection. */
    public static Route direct(Hop target) {
        return new Route(List.of(), target);
    }

    /** Through jump hosts, laptop side first. */
    public static Route via(List<Hop> jumps, Hop target) {
        return new Route(jumps, target);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        jumps.forEach(j -> sb.append(j).append(" -> "));
        return sb.append(target).toString();
    }
}
