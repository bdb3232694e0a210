package io.nestedge.model.bundle;

import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.Signers;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Checksums and signature of a bundle: {@code SHA256SUMS} in {@code sha256sum} format, and a detached
 * CMS signature of it ({@code SHA256SUMS.p7s}, PEM) made with a bundle-signing key issued by the
 * plant's CA. On the device {@code openssl cms -verify -binary -inform PEM -in SHA256SUMS.p7s
 * -content SHA256SUMS -CAfile <root> -purpose any} checks both the signature and that the signer
 * chains to the plant's root, and {@code sha256sum --check --strict} checks every file.
 */
public final class BundleSigner {
    private BundleSigner() {
    }

    /**
     * The {@code SHA256SUMS} text: one line {@code <hex>  <path>} per file, sorted by path.
     *
     * @param files bundle-relative path to content
     * @return the file's text
     */
    public static String sums(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        files.keySet().stream().sorted().forEach(p -> sb.append(sha256Hex(files.get(p))).append("  ").append(p).append('\n'));
        return sb.toString();
    }

    /** SHA-256 of bytes as lower-case hex. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs data with a detached CMS SignedData (SHA-256), embedding the signer's certificate and its
     * issuers except the root.
     *
     * @param data the content (the SHA256SUMS bytes)
     * @param signer the bundle-signing certificate, key and issuers
     * @return PEM text ({@code -----BEGIN CMS-----})
     */
    public static String sign(byte[] data, CertifiedKey signer) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(Signers.contentSigner(signer.privateKey()), signer.certificate()));
            List<X509Certificate> certs = new ArrayList<>();
            certs.add(signer.certificate());
            for (X509Certificate c : signer.issuers()) {
                if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    certs.add(c);
                }
            }
            gen.addCertificates(new JcaCertStore(certs));
            CMSSignedData sd = gen.generate(new CMSProcessableByteArray(data), false);
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                pw.writeObject(new PemObject("CMS", sd.getEncoded()));
            }
            return w.toString();
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign the bundle: " + e.getMessage(), e);
        }
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
