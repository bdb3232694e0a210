package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A hosts table in {@code /etc/hosts} format ("ADDRESS NAME [ALIAS…]", {@code #} comments); IP
 * literals resolve to themselves. Names not in the table resolve through the system resolver only
 * when {@code fallbackToDns} is set.
 */
public final class HostsFileResolver implements HostResolver {
    private final Map<String, String> table = new HashMap<>();
    private final boolean fallbackToDns;

    /**
     * @param hostsText content of a hosts file
     * @param fallbackToDns ask the system resolver for names not in the table
     */
    public HostsFileResolver(String hostsText, boolean fallbackToDns) {
        this.fallbackToDns = fallbackToDns;
        for (String line : hostsText.split("\n")) {
            String l = line.replaceFirst("#.*", "").trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split("\\s+");
            for (int i = 1; i < f.length; i++) {
                table.putIfAbsent(f[i].toLowerCase(Locale.ROOT), f[0]);
            }
        }
    }

    @Override
    public Optional<InetSocketAddress> resolve(String host, int port) {
        try {
            if (HostnameRules.isIpLiteral(host)) {
                return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
            }
            String addr = table.get(host.toLowerCase(Locale.ROOT));
            if (addr != null) {
                return Optional.of(new InetSocketAddress(InetAddress.getByName(addr), port));
            }
            if (fallbackToDns) {
                return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
