/**
 * The plant's PKI (facts file §4): key generation, root/intermediate/Edge CA issuance, leaf and
 * IoT Edge device identity certificates, edgeHub-style server certificates, PEM/PKCS#12 import,
 * the PKI store beside the plant, and inspection of imported CAs with the rules issuance follows.
 *
 * <p>Every public class here is immutable or thread-safe; callers may issue from many threads.
 * Bouncy Castle does the ASN.1, X.509 and PEM work; key generation uses the JDK providers
 * (measured faster than BC's for RSA, see {@code PkiBenchmark}).
 */
package io.nestedge.model.pki;
