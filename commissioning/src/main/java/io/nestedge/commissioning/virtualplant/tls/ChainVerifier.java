package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a presented TLS chain the way OpenSSL does for {@code s_client} and the runtime's
 * connectivity checks: build a path from the leaf through the presented certificates to a trust
 * anchor, then check validity periods and (optionally) the hostname. Results use OpenSSL's
 * verify codes and texts (20 unable to get local issuer certificate, 19 self-signed certificate in
 * certificate chain, 18 self-signed certificate, 10 expired, 9 not yet valid, 62 hostname mismatch,
 * 7 signature failure).
 */
public final class ChainVerifier {
    private ChainVerifier() {
    }

    /**
     * @param code OpenSSL verify code (0 = ok)
     * @param text OpenSSL text ("ok", "unable to get local issuer certificate", …)
     * @param depth depth of the certificate the error concerns (0 = leaf), -1 when none
     * @param path the verified path, leaf first (ends with the anchor when one was found)
     */
    public record Result(int code, String text, int depth, List<X509Certificate> path) {
        /** True when the chain verified. */
        public boolean ok() {
            return code == 0;
        }
    }

    /**
     * @param presented chain sent by the server, leaf first
     * @param anchors trusted CA certificates
     * @param hostname name to check against the leaf's SAN/CN, or null to skip the check
     * @param now verification time
     */
    public static Result verify(List<X509Certificate> presented, Collection<X509Certificate> anchors, String hostname,
            Instant now) {
        if (presented.isEmpty()) {
            return new Result(20, "unable to get local issuer certificate", 0, List.of());
        }
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate cur = presented.get(0);
        path.add(cur);
        Result failure = null;
        while (true) {
            X509Certificate anchor = findIssuer(cur, anchors);
            if (anchor != null) {
                if (!anchor.equals(cur)) {
                    path.add(anchor);
                }
                break;
            }
            if (selfSigned(cur)) {
                int d = path.size() - 1;
                failure = d == 0 ? new Result(18, "self-signed certificate", 0, path)
                        : new Result(19, "self-signed certificate in certificate chain", d, path);
                break;
            }
            X509Certificate next = findIssuer(cur, presented.subList(1, presented.size()));
            if (next == null || path.contains(next)) {
                failure = new Result(20, "unable to get local issuer certificate", path.size() - 1, path);
                break;
            }
            path.add(next);
            cur = next;
        }
        if (failure != null) {
            return failure;
        }
        for (int d = path.size() - 1; d >= 0; d--) {
            X509Certificate c = path.get(d);
            if (now.isBefore(c.getNotBefore().toInstant())) {
                return new Result(9, "certificate is not yet valid", d, path);
            }
            if (now.isAfter(c.getNotAfter().toInstant())) {
                return new Result(10, "certificate has expired", d, path);
            }
        }
        if (hostname != null && !matchesHost(path.get(0), hostname)) {
            return new Result(62, "hostname mismatch", 0, path);
        }
        return new Result(0, "ok", -1, path);
    }

    private static X509Certificate findIssuer(X509Certificate c, Collection<X509Certificate> candidates) {
        for (X509Certificate i : candidates) {
            if (i.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                try {
                    c.verify(i.getPublicKey());
                    return i;
                } catch (Exception e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** True when the certificate's SAN (or CN when there is no SAN) covers the hostname or IP. */
    public static boolean matchesHost(X509Certificate leaf, String hostname) {
        boolean ip = HostnameRules.isIpLiteral(hostname);
        String want = hostname.toLowerCase(Locale.ROOT);
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null && !sans.isEmpty()) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String v = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                    if (!ip && type == 2 && (v.equals(want) || wildcard(v, want))) {
                        return true;
                    }
                    if (ip && type == 7 && sameIp(v, want)) {
                        return true;
                    }
                }
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return !ip && want.equals(commonName(leaf).toLowerCase(Locale.ROOT));
    }

    private static boolean wildcard(String pattern, String host) {
        return pattern.startsWith("*.") && host.indexOf('.') > 0 && host.substring(host.indexOf('.')).equals(pattern.substring(1));
    }

    private static boolean sameIp(String a, String b) {
        try {
            return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The subject CN of a certificate ("" when none). */
    public static String commonName(X509Certificate c) {
        org.bouncycastle.asn1.x500.X500Name n = org.bouncycastle.asn1.x500.X500Name.getInstance(
                c.getSubjectX500Principal().getEncoded());
        var rdns = n.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return rdns.length == 0 ? "" : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    /** Issuer CN of a certificate. */
    public static String issuerCommonName(X509Certificate c) {
        org.bouncycastle.asn1.x500.X500Name n = org.bouncycastle.asn1.x500.X500Name.getInstance(
                c.getIssuerX500Principal().getEncoded());
        var rdns = n.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return rdns.length == 0 ? "" : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
