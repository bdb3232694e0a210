package io.nestedge.model.rules.engine;

import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Hostnames;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.rules.SettingsRule;
import java.util.List;

/**
 * NE-ENGINE-DNS: every DNS server of the container-engine settings is an IPv4 or IPv6 address. The
 * settings go into {@code "dns"} of {@code /etc/docker/daemon.json}, which dockerd reads as IP
 * addresses only: a name there stops the container engine from starting, and with it every module
 * (facts §6, check {@code container-engine-dns}; Microsoft's IoT Edge production checklist).
 */
public final class ContainerDnsRule extends SettingsRule {
    /** Creates the rule. */
    public ContainerDnsRule() {
        super("NE-ENGINE-DNS", Severity.ERROR, "facts §6",
                "The container engine's DNS servers (daemon.json \"dns\") are IP addresses.");
    }

    @Override
    public void check(Plant plant, List<Finding> out) {
        List<String> dns = plant.containerEngine().dns();
        for (int i = 0; i < dns.size(); i++) {
            String s = dns.get(i);
            if (!Hostnames.isValidIp(s)) {
                out.add(plantFinding("containerEngine.dns[" + i + "]",
                        "DNS server '" + s + "' is not an IP address; the container engine accepts only IP addresses "
                                + "in daemon.json and would not start.",
                        "Enter the IP address of a resolver the IoT Edge devices reach (e.g. the plant's own DNS server, "
                                + "10.0.3.53), not its name."));
            }
        }
    }
}
