package io.nestedge.commissioning.probe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code openssl s_client -connect host:port -CAfile root} showed (facts §6).
 *
 * @param connected a {@code CONNECTED(…)} line was printed
 * @param chain the {@code Certificate chain} entries, leaf first (empty when not printed)
 * @param verifyErrors {@code verify error:num=N:text} lines, as "N:text"
 * @param sans Subject Alternative Names when printed ({@code DNS:x}, {@code IP Address:y}), else empty
 * @param verifyCode {@code Verify return code: N}, or -1 when not printed
 * @param verifyText the text in parentheses after the code ("ok", "unable to get local issuer certificate")
 * @param errors OpenSSL error lines ({@code …:error:…}) and connect errors
 */
public record TlsProbe(boolean connected, List<ChainEntry> chain, List<String> verifyErrors, List<String> sans,
        int verifyCode, String verifyText, List<String> errors) {
    /** Defensive copies. */
    public TlsProbe {
        chain = List.copyOf(chain);
        verifyErrors = List.copyOf(verifyErrors);
        sans = List.copyOf(sans);
        errors = List.copyOf(errors);
    }

    /** One certificate of the presented chain: depth, subject and issuer as printed. */
    public record ChainEntry(int depth, String subject, String issuer) {
        /** The CN of the subject, if any. */
        public Optional<String> subjectCn() {
            return cn(subject);
        }

        /** The CN of the issuer, if any. */
        public Optional<String> issuerCn() {
            return cn(issuer);
        }
    }

    /** The server certificate's subject CN (chain entry 0), if printed. */
    public Optional<String> subjectCn() {
        return chain.isEmpty() ? Optional.empty() : chain.get(0).subjectCn();
    }

    /** The server certificate's issuer CN, if printed. */
    public Optional<String> issuerCn() {
        return chain.isEmpty() ? Optional.empty() : chain.get(0).issuerCn();
    }

    /** {@code Verify return code: 0 (ok)}. */
    public boolean verified() {
        return verifyCode == 0;
    }

    /**
     * Whether the presented server certificate names this host: in the SANs when they were printed
     * (DNS or IP entry, case-insensitive), otherwise in the subject CN.
     */
    public boolean namesHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!sans.isEmpty()) {
            return sans.stream().map(s -> s.substring(s.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT))
                    .anyMatch(h::equals);
        }
        return subjectCn().map(cn -> cn.equalsIgnoreCase(host)).orElse(false);
    }

    /**
     * Extracts the CN from an OpenSSL one-line DN in either spelling ({@code CN = x, O = y} of OpenSSL
     * 1.1+/3, or {@code /O=y/CN=x} of older releases).
     */
    static Optional<String> cn(String dn) {
        if (dn == null) {
            return Optional.empty();
        }
        String sep = dn.startsWith("/") ? "/" : ",";
        for (String part : dn.split(sep)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equals("CN")) {
                return Optional.of(p.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }
}
