package io.nestedge.commissioning.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code echo | openssl s_client -connect host:port -CAfile root 2>&1} (facts §6): the
 * {@code depth=}/{@code verify} lines, the {@code Certificate chain} block, SANs when an
 * {@code X509v3 Subject Alternative Name} block is included, the PEM block, the handshake summary and
 * {@code Verify return code: N (text)}. Lines of the handshake summary are recognised by their known
 * prefixes; any other line is a {@link ProbeParseException}.
 */
public final class OpenSslSClientParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "openssl s_client";

    private static final Pattern CONNECTED = Pattern.compile("^CONNECTED\\([0-9A-Fa-f]+\\)$");
    private static final Pattern DEPTH = Pattern.compile("^depth=(\\d{1,3}) (.*)$");
    private static final Pattern VERIFY_ERROR = Pattern.compile("^verify error:num=(\\d{1,5}):(.*)$");
    private static final Pattern VERIFY_RETURN = Pattern.compile("^verify return:\\d{1,5}$");
    private static final Pattern CHAIN_SUBJECT = Pattern.compile("^ {0,2}(\\d{1,3}) s:(.*)$");
    private static final Pattern CHAIN_ISSUER = Pattern.compile("^ {2,6}i:(.*)$");
    private static final Pattern CHAIN_OTHER = Pattern.compile("^ {2,6}[av]:.*$");
    private static final Pattern VERIFY_CODE = Pattern.compile("^ *Verify return code: (\\d{1,5}) \\((.*)\\)$");
    private static final Pattern ERROR = Pattern.compile("^[0-9A-Fa-f]*:?error:.*$|^connect:errno=\\d+$|^connect: .*$"
            + "|^s_client: .*$|^[^ ]*:[^ ]*: *(Connection refused|Name or service not known|No route to host|Connection timed out).*$");
    private static final String[] KNOWN_PREFIXES = {
        "---", "Certificate chain", "Server certificate", "subject=", "issuer=", "No client certificate CA names sent",
        "Acceptable client certificate CA names", "Client Certificate Types", "Requested Signature Algorithms",
        "Shared Requested Signature Algorithms", "Peer signing digest", "Peer signature type", "Server Temp Key",
        "Negotiated TLS1.3 group", "SSL handshake has read", "Verification: OK", "Verification error", "Verified peername",
        "New, ", "Server public key is", "Secure Renegotiation", "Compression:", "Expansion:", "No ALPN negotiated",
        "ALPN protocol", "Early data was not sent", "SSL-Session:", "Post-Handshake New Session Ticket", "read R BLOCK",
        "DONE", "closed", "Protocol version", "Ciphersuite", "Cipher is", "This TLS version forbids renegotiation",
        "X509v3 Subject Alternative Name", "Timeout   :", "Start Time:", "Extended master secret:",
        "Max Early Data:", "RENEGOTIATING", "KEYUPDATE"
    };

    private OpenSslSClientParser() {
    }

    /**
     * @param output stdout and stderr of the command, in order
     * @return what the handshake showed
     * @throws ProbeParseException on a line that is not part of s_client's output shape, a chain issuer
     *     line without its subject line, or output that shows neither a connection nor an error
     */
    public static TlsProbe parse(String output) throws ProbeParseException {
        List<String> lines = Lines.of(output);
        boolean connected = false;
        List<TlsProbe.ChainEntry> chain = new ArrayList<>();
        List<String> verifyErrors = new ArrayList<>();
        List<String> sans = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int code = -1;
        String codeText = "";
        boolean inPem = false;
        boolean inSession = false;
        boolean sanNext = false;
        Integer pendingDepth = null;
        String pendingSubject = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (inPem) {
                if (line.startsWith("-----END ")) {
                    inPem = false;
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("-----BEGIN ")) {
                inPem = true;
                continue;
            }
            if (sanNext) {
                sanNext = false;
                for (String s : line.strip().split(",")) {
                    String e = s.strip();
                    if (!(e.startsWith("DNS:") || e.startsWith("IP Address:") || e.startsWith("IP:")
                            || e.startsWith("email:") || e.startsWith("URI:"))) {
                        throw new ProbeParseException(COMMAND, n, line, "expected Subject Alternative Names (DNS:…, IP Address:…)");
                    }
                    sans.add(e);
                }
                continue;
            }
            Matcher m;
            if (CONNECTED.matcher(line).matches()) {
                connected = true;
            } else if ((m = DEPTH.matcher(line)).matches() || VERIFY_RETURN.matcher(line).matches()) {
                continue;
            } else if ((m = VERIFY_ERROR.matcher(line)).matches()) {
                verifyErrors.add(m.group(1) + ":" + m.group(2));
            } else if ((m = CHAIN_SUBJECT.matcher(line)).matches()) {
                if (pendingSubject != null) {
                    chain.add(new TlsProbe.ChainEntry(pendingDepth, pendingSubject, ""));
                }
                pendingDepth = Integer.parseInt(m.group(1));
                pendingSubject = m.group(2);
            } else if ((m = CHAIN_ISSUER.matcher(line)).matches()) {
                if (pendingSubject == null) {
                    throw new ProbeParseException(COMMAND, n, line, "an issuer line (i:) without its subject line (s:)");
                }
                chain.add(new TlsProbe.ChainEntry(pendingDepth, pendingSubject, m.group(1)));
                pendingSubject = null;
            } else if (CHAIN_OTHER.matcher(line).matches() && !inSession) {
                continue;
            } else if ((m = VERIFY_CODE.matcher(line)).matches()) {
                code = Integer.parseInt(m.group(1));
                codeText = m.group(2);
            } else if (line.strip().startsWith("X509v3 Subject Alternative Name")) {
                sanNext = true;
            } else if (ERROR.matcher(line).matches()) {
                errors.add(line.strip());
            } else if (line.startsWith("SSL-Session:")) {
                inSession = true;
            } else if (inSession && line.startsWith("    ")) {
                continue;
            } else if (knownPrefix(line)) {
                inSession = inSession && line.startsWith(" ");
            } else {
                throw new ProbeParseException(COMMAND, n, line, "not a line openssl s_client prints");
            }
        }
        if (pendingSubject != null) {
            chain.add(new TlsProbe.ChainEntry(pendingDepth, pendingSubject, ""));
        }
        if (!connected && errors.isEmpty() && code < 0 && chain.isEmpty() && verifyErrors.isEmpty()) {
            throw new ProbeParseException(COMMAND, 0, "", "neither a connection, a certificate, a verify result nor an error was printed");
        }
        return new TlsProbe(connected, chain, verifyErrors, sans, code, codeText, errors);
    }

    private static boolean knownPrefix(String line) {
        String s = line.strip();
        for (String p : KNOWN_PREFIXES) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
