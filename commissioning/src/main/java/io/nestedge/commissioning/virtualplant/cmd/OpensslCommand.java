package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.tls.ChainVerifier;
import io.nestedge.commissioning.virtualplant.tls.PemFiles;
import io.nestedge.commissioning.virtualplant.tls.TlsProbe;
import io.nestedge.commissioning.virtualplant.tls.TrustStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * {@code openssl s_client -connect HOST:PORT [-CAfile F] [-servername N] [-verify_hostname N]} on a
 * virtual device, printing the lines a diagnosis needs in OpenSSL's shape (sample
 * {@code openssl-s-client-parent.txt}): {@code CONNECTED(…)}, per depth {@code depth=N CN = …} with
 * {@code verify error:num=…} where verification fails, the certificate chain with subject, issuer,
 * key and validity, and {@code Verify return code: N (text)}. Without {@code -CAfile} the device's OS
 * trust store is used. Other {@code openssl} sub-commands are not emulated.
 */
public final class OpensslCommand {
    private OpensslCommand() {
    }

    /**
     * @param ctx the device
     * @param args arguments after {@code openssl}
     */
    public static CommandResult run(EmulatorContext ctx, List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("s_client")) {
            return CommandResult.fail(1, "openssl: only 's_client' is emulated on a virtual device");
        }
        String connect = null;
        String caFile = null;
        String serverName = null;
        String verifyHost = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-connect" -> { connect = v; i++; }
                case "-CAfile" -> { caFile = v; i++; }
                case "-servername" -> { serverName = v; i++; }
                case "-verify_hostname" -> { verifyHost = v; i++; }
                default -> { }
            }
        }
        if (connect == null || connect.lastIndexOf(':') < 0) {
            return CommandResult.fail(1, "s_client: -connect HOST:PORT is required");
        }
        String host = connect.substring(0, connect.lastIndexOf(':'));
        int port = Integer.parseInt(connect.substring(connect.lastIndexOf(':') + 1));
        Optional<InetSocketAddress> addr = ctx.resolver().resolve(host, port);
        if (addr.isEmpty()) {
            return CommandResult.fail(1, "BIO_lookup_ex:system lib:Name or service not known\nconnect:errno=0");
        }
        List<X509Certificate> chain;
        try {
            chain = TlsProbe.handshake(addr.get(), serverName != null ? serverName : host, 10_000);
        } catch (ConnectException e) {
            return CommandResult.fail(1, "connect: Connection refused\nconnect:errno=111");
        } catch (IOException e) {
            return CommandResult.fail(1, "CONNECTED(00000003)\nSSL handshake failed: " + e.getMessage());
        }
        List<X509Certificate> anchors;
        try {
            anchors = caFile != null ? PemFiles.certs(ctx.fs().readBytes(caFile)) : TrustStore.anchors(ctx.fs());
        } catch (IOException e) {
            return CommandResult.fail(1, "Could not open file or uri for loading CA certificate from " + caFile);
        }
        ChainVerifier.Result v = ChainVerifier.verify(chain, anchors, verifyHost, ctx.clock().instant());
        return CommandResult.ok(render(chain, v));
    }

    private static String render(List<X509Certificate> chain, ChainVerifier.Result v) {
        StringBuilder b = new StringBuilder("CONNECTED(00000003)\n");
        List<X509Certificate> path = v.path();
        for (int d = path.size() - 1; d >= 0; d--) {
            b.append("depth=").append(d).append(' ').append(name(path.get(d), true)).append('\n');
            if (d == v.depth() && !v.ok()) {
                b.append("verify error:num=").append(v.code()).append(':').append(v.text()).append('\n');
            }
            b.append("verify return:1\n");
        }
        b.append("---\nCertificate chain\n");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            b.append(' ').append(i).append(" s:").append(name(c, true)).append('\n');
            b.append("   i:").append(name(c, false)).append('\n');
            b.append("   a:PKEY: ").append(keyText(c)).append("; sigalg: ").append(sigAlg(c)).append('\n');
            b.append("   v:NotBefore: ").append(time(c.getNotBefore())).append("; NotAfter: ").append(time(c.getNotAfter()))
                    .append('\n');
        }
        b.append("---\nVerify return code: ").append(v.code()).append(" (").append(v.text()).append(")\n---\n");
        return b.toString();
    }

    /** OpenSSL one-line name: "C = US, O = Org, CN = name" in certificate order. */
    static String name(X509Certificate c, boolean subject) {
        X500Name n = X500Name.getInstance((subject ? c.getSubjectX500Principal() : c.getIssuerX500Principal()).getEncoded());
        StringBuilder b = new StringBuilder();
        for (RDN rdn : n.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                String sym = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
                b.append(sym == null ? atv.getType().getId() : sym.toUpperCase(Locale.ROOT).replace("EMAILADDRESS", "emailAddress"))
                        .append(" = ").append(IETFUtils.valueToString(atv.getValue()));
            }
        }
        return b.toString();
    }

    private static String keyText(X509Certificate c) {
        if (c.getPublicKey() instanceof RSAPublicKey r) {
            return "rsaEncryption, " + r.getModulus().bitLength() + " (bit)";
        }
        if (c.getPublicKey() instanceof ECPublicKey e) {
            return "id-ecPublicKey, " + e.getParams().getCurve().getField().getFieldSize() + " (bit)";
        }
        return c.getPublicKey().getAlgorithm();
    }

    private static String sigAlg(X509Certificate c) {
        String a = c.getSigAlgName().toUpperCase(Locale.ROOT);
        if (a.contains("ECDSA")) {
            return "ecdsa-with-" + a.substring(0, a.indexOf("WITH"));
        }
        return "RSA-" + a.substring(0, a.indexOf("WITH"));
    }

    private static String time(java.util.Date d) {
        var z = d.toInstant().atZone(java.time.ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d %d GMT",
                z.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT), z.getDayOfMonth(), z.getHour(),
                z.getMinute(), z.getSecond(), z.getYear());
    }
}
