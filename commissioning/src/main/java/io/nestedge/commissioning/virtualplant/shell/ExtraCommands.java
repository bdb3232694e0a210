package io.nestedge.commissioning.virtualplant.shell;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Commands of the virtual device's shell beyond the basic file commands: {@code sh -c}/{@code bash -c},
 * {@code runuser -u USER -- CMD}, {@code cmp -s}, {@code touch}, {@code namei -l} (util-linux shape)
 * and {@code openssl cms -verify} (the bundle signature check, with Bouncy Castle). Used by
 * {@link ShellInterpreter}.
 */
final class ExtraCommands {
    private ExtraCommands() {
    }

    /** {@code sh -c LINE}: runs the line as the same user. */
    static CommandResult shDashC(Session s, String user, String shell, List<String> a, byte[] stdin) {
        if (a.size() < 2 || !a.get(0).equals("-c")) {
            return CommandResult.fail(2, shell + ": only '" + shell + " -c COMMAND' is supported on the virtual device");
        }
        return ShellInterpreter.execute(s, user, a.get(1), stdin);
    }

    /** {@code runuser -u USER -- CMD…}: root only, like util-linux. */
    static CommandResult runuser(Session s, String user, List<String> a, byte[] stdin) {
        if (!"root".equals(user)) {
            return CommandResult.fail(1, "runuser: may not be used by non-root users");
        }
        if (a.size() < 3 || !a.get(0).equals("-u")) {
            return CommandResult.fail(1, "runuser: usage: runuser -u USER -- COMMAND");
        }
        String target = a.get(1);
        int i = a.get(2).equals("--") ? 3 : 2;
        if (i >= a.size()) {
            return CommandResult.fail(1, "runuser: no command");
        }
        if (InfoCommands.uid(target) < 0) {
            return CommandResult.fail(1, "runuser: user " + target + " does not exist or the user entry does not contain all the required fields");
        }
        return ShellInterpreter.run(s, target, a.subList(i, a.size()), stdin);
    }

    /** {@code cmp [-s] A B}: 0 same, 1 different, 2 trouble. */
    static CommandResult cmp(Session s, String user, List<String> a) {
        boolean silent = a.contains("-s") || a.contains("--silent") || a.contains("--quiet");
        List<String> files = a.stream().filter(x -> !x.startsWith("-")).toList();
        if (files.size() != 2) {
            return CommandResult.fail(2, "cmp: missing operand");
        }
        byte[][] data = new byte[2][];
        for (int i = 0; i < 2; i++) {
            try {
                data[i] = Files.readAllBytes(FileCommands.readable(s, user, files.get(i), "cmp"));
            } catch (FileCommands.CmdError e) {
                return CommandResult.fail(2, silent ? "" : "cmp: " + files.get(i) + ": No such file or directory");
            } catch (IOException e) {
                return CommandResult.fail(2, "cmp: " + e.getMessage());
            }
        }
        if (Arrays.equals(data[0], data[1])) {
            return CommandResult.ok("");
        }
        return new CommandResult(1, silent ? "" : files.get(0) + " " + files.get(1) + " differ\n", "");
    }

    /** {@code touch FILE…}: creates missing files (empty, 644, owned by the user). */
    static CommandResult touch(Session s, String user, List<String> a) {
        for (String f : a) {
            if (f.startsWith("-")) {
                continue;
            }
            if (!s.fs().exists(s.abs(f))) {
                try {
                    FileCommands.write(s, user, s.abs(f), new byte[0], true, "touch: cannot touch '" + f + "'");
                } catch (FileCommands.CmdError e) {
                    return CommandResult.fail(1, e.getMessage());
                }
            }
        }
        return CommandResult.ok("");
    }

    /** {@code namei -l PATH…}: mode, owner, group and name of every component, as util-linux prints. */
    static CommandResult namei(Session s, List<String> a) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int rc = 0;
        for (String p : a) {
            if (p.startsWith("-")) {
                continue;
            }
            String abs = s.abs(p);
            out.append("f: ").append(abs).append('\n');
            List<String> parts = new ArrayList<>();
            parts.add("/");
            for (String x : abs.split("/")) {
                if (!x.isEmpty()) {
                    parts.add(x);
                }
            }
            String cur = "";
            for (String part : parts) {
                cur = part.equals("/") ? "/" : (cur.equals("/") ? "/" : cur + "/") + part;
                Path path = s.fs().path(cur);
                if (!Files.exists(path)) {
                    out.append("                          ").append(part).append(" - No such file or directory\n");
                    rc = 1;
                    break;
                }
                PosixFileAttributes attrs = s.fs().attributes(path).orElse(null);
                String mode = attrs == null ? "?---------" : (Files.isDirectory(path) ? "d" : "-") + perms(attrs.permissions());
                out.append(String.format("%s %-8s %-8s %s%n", mode, s.fs().owner(path), s.fs().group(path), part));
            }
        }
        return new CommandResult(rc, out.toString(), err.toString());
    }

    private static String perms(Set<PosixFilePermission> p) {
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE};
        String letters = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < order.length; i++) {
            sb.append(p.contains(order[i]) ? letters.charAt(i) : '-');
        }
        return sb.toString();
    }

    /**
     * {@code openssl cms -verify -binary -inform PEM -in SIG -content DATA -CAfile CA [-purpose any]
     * [-out FILE]}: verifies the detached signature and that the signer chains to a certificate of
     * the CA file. Prints {@code CMS Verification successful} (stderr) like openssl; exit 4 on failure.
     */
    static CommandResult cmsVerify(Session s, String user, List<String> a) {
        String in = null;
        String content = null;
        String caFile = null;
        for (int i = 1; i < a.size(); i++) {
            String v = i + 1 < a.size() ? a.get(i + 1) : null;
            switch (a.get(i)) {
                case "-in" -> { in = v; i++; }
                case "-content" -> { content = v; i++; }
                case "-CAfile" -> { caFile = v; i++; }
                case "-inform", "-purpose", "-out" -> i++;
                default -> { }
            }
        }
        if (!a.contains("-verify") || in == null || content == null || caFile == null) {
            return CommandResult.fail(1, "openssl: only 'cms -verify -in SIG -content DATA -CAfile CA' is emulated");
        }
        try {
            byte[] sig = Files.readAllBytes(FileCommands.readable(s, user, in, "openssl"));
            byte[] data = Files.readAllBytes(FileCommands.readable(s, user, content, "openssl"));
            byte[] ca = Files.readAllBytes(FileCommands.readable(s, user, caFile, "openssl"));
            byte[] der;
            try (PemReader r = new PemReader(new StringReader(new String(sig, StandardCharsets.US_ASCII)))) {
                var obj = r.readPemObject();
                if (obj == null) {
                    return CommandResult.fail(2, "Error reading S/MIME message\n");
                }
                der = obj.getContent();
            }
            CMSSignedData sd = new CMSSignedData(new CMSProcessableByteArray(data), der);
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            List<X509Certificate> included = new ArrayList<>();
            for (X509CertificateHolder h : sd.getCertificates().getMatches(null)) {
                included.add(conv.getCertificate(h));
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> anchors = cf.generateCertificates(new ByteArrayInputStream(ca));
            Set<TrustAnchor> trust = new HashSet<>();
            for (java.security.cert.Certificate c : anchors) {
                trust.add(new TrustAnchor((X509Certificate) c, null));
            }
            for (SignerInformation si : sd.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> m = sd.getCertificates().getMatches(si.getSID());
                if (m.isEmpty()) {
                    return CommandResult.fail(4, "CMS Verification failure\nsigner certificate not found\n");
                }
                X509Certificate signer = conv.getCertificate(m.iterator().next());
                if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer))) {
                    return CommandResult.fail(4, "CMS Verification failure\ncontent digest or signature mismatch\n");
                }
                List<X509Certificate> path = new ArrayList<>();
                path.add(signer);
                for (X509Certificate c : included) {
                    if (!c.equals(signer)) {
                        path.add(c);
                    }
                }
                PKIXParameters params = new PKIXParameters(trust);
                params.setRevocationEnabled(false);
                CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(orderChain(path)), params);
            }
            return new CommandResult(0, "", "CMS Verification successful\n");
        } catch (FileCommands.CmdError e) {
            return CommandResult.fail(2, e.getMessage());
        } catch (Exception e) {
            return CommandResult.fail(4, "CMS Verification failure\n" + e.getMessage() + "\n");
        }
    }

    /** Orders a signer's chain leaf-first by issuer links. */
    private static List<X509Certificate> orderChain(List<X509Certificate> certs) {
        List<X509Certificate> out = new ArrayList<>();
        out.add(certs.get(0));
        List<X509Certificate> rest = new ArrayList<>(certs.subList(1, certs.size()));
        boolean found = true;
        while (found && !rest.isEmpty()) {
            found = false;
            X509Certificate last = out.get(out.size() - 1);
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                    out.add(c);
                    rest.remove(c);
                    found = true;
                    break;
                }
            }
        }
        return out;
    }
}
