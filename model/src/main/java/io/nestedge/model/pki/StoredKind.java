package io.nestedge.model.pki;

import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * What the {@link PkiStore} keeps per device: Edge CAs or X.509 identity certificates — their file
 * names, the label their key's at-rest secret is derived from, their index entries, how they are
 * issued, and when a stored one must be issued again (issue #3: re-export reuses certificates unless
 * the device's identity, hostname or key settings changed or renewal is asked).
 */
enum StoredKind {
    /** The device's Edge CA (facts §4). */
    EDGE_CA,
    /** A leaf device's X.509 identity certificate. */
    IDENTITY;

    /** Store-relative path of the certificate. */
    String cert(String id) {
        return this == EDGE_CA ? PkiFileNames.edgeCaCert(id) : PkiFileNames.identityCert(id);
    }

    /** Store-relative path of the full chain (leaf first). */
    String chain(String id) {
        return this == EDGE_CA ? PkiFileNames.edgeCaFullChain(id) : PkiFileNames.identityFullChain(id);
    }

    /** Store-relative path of the key, encrypted at rest. */
    String key(String id) {
        return this == EDGE_CA ? PkiFileNames.edgeCaKey(id) : PkiFileNames.identityKey(id);
    }

    /** The label the key's secret is derived from (Edge CA keys keep the bare device ID, as before). */
    String secretLabel(String id) {
        return this == EDGE_CA ? id : "identity:" + id;
    }

    /** This kind's entries of the index, by device ID. */
    Map<String, PkiIndex.Entry> entries(PkiIndex i) {
        return this == EDGE_CA ? i.edgeCas() : i.deviceIdentities();
    }

    /** Issues a new certificate and key for the request. */
    CertifiedKey issue(CertificateIssuer issuer, CertifiedKey ca, EdgeCaRequest r) {
        return this == EDGE_CA ? issuer.edgeCa(ca, r) : issuer.deviceIdentity(ca, r.deviceId(), r.keyType(), r.validityDays());
    }

    /** Why a stored certificate must be issued again, or "" when it can be reused. */
    String reissueReason(PkiIndex.Entry old, EdgeCaRequest r, String issuerFp, boolean renew) {
        if (renew) {
            return "renewal requested";
        }
        if (this == EDGE_CA && !old.hostname().equals(r.hostname())) {
            return "hostname changed from " + old.hostname() + " to " + r.hostname();
        }
        if (!old.keyType().equals(r.keyType().name())) {
            return "key type changed from " + old.keyType() + " to " + r.keyType();
        }
        if (old.validityDays() != r.validityDays()) {
            return "validity changed from " + old.validityDays() + " to " + r.validityDays() + " days";
        }
        if (!old.issuerFingerprint().equals(issuerFp)) {
            return "issuing CA changed";
        }
        return "";
    }

    /** The index entry of a stored certificate. */
    PkiIndex.Entry entry(StoredEdgeCa s, EdgeCaRequest r, String issuerFp) {
        X509Certificate c = s.edgeCa().certificate();
        return new PkiIndex.Entry(r.deviceId(), r.hostname(), r.keyType().name(), r.validityDays(), issuerFp,
                Certificates.sha256Fingerprint(c), Certificates.commonName(c), c.getNotAfter().toInstant().toString(),
                cert(r.deviceId()), chain(r.deviceId()), key(r.deviceId()));
    }
}
