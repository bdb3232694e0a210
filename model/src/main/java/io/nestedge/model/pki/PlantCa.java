package io.nestedge.model.pki;

import io.nestedge.model.KeyType;
import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import java.io.IOException;
import java.util.List;

/**
 * Provides the plant's issuing CA for an export, the one way the CLI ({@code nestedge export}) and the
 * designer's export wizard both use: unlock the CA already in the PKI store, import an existing CA
 * into an empty store ({@link CaImport}, inspected with {@link CaInspector}), or generate a new root
 * (and intermediate). Stateless and thread-safe.
 */
public final class PlantCa {
    private PlantCa() {
    }

    /**
     * The issuing CA and what the user should see.
     *
     * @param issuingCa the unlocked issuing CA (intermediate or root) with its chain
     * @param warnings inspection warnings of an imported CA (show them; errors refuse the import)
     * @param summary one line saying what was done, e.g. {@code Imported the CA 'Contoso Intermediate' into …}
     */
    public record Opened(CertifiedKey issuingCa, List<Finding> warnings, String summary) {
        /** Copies the warnings. */
        public Opened {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Unlocks the CA in the store.
     *
     * @throws InputException if the store holds no CA, the pass phrase is wrong, or the CA fails inspection
     */
    public static Opened unlock(PkiStore store, char[] storePassphrase) throws InputException {
        return new Opened(store.unlock(storePassphrase), List.of(), "Unlocked the CA in " + store.dir());
    }

    /**
     * Imports an existing CA into an empty store; its keys are then kept encrypted under
     * {@code storePassphrase} (the imported files and their pass phrase are not kept).
     *
     * @param store an empty PKI store
     * @param source the CA's files
     * @param importPassphrase pass phrase of the PKCS#12 file or encrypted key (null when none)
     * @param storePassphrase new pass phrase of the store's CA keys
     * @throws InputException naming the file and the fix: the store already holds a CA, a file is
     *     unreadable, the pass phrase is wrong, or the CA fails inspection (see {@link CaImport#load})
     * @throws IOException if the store cannot be written
     */
    public static Opened importInto(PkiStore store, CaImport.Source source, char[] importPassphrase, char[] storePassphrase)
            throws InputException, IOException {
        checkCanImport(store, source);
        CaImport.Imported im = CaImport.load(source, importPassphrase, store.clock().instant());
        store.saveImportedCa(im, storePassphrase);
        return new Opened(im.issuingCa(), im.warnings(), "Imported the CA '" + im.issuingCa().commonName() + "' (root '"
                + Certificates.commonName(im.root()) + "') into " + store.dir());
    }

    /**
     * Checks that {@code source} can be imported into {@code store}: the store holds no CA yet and some
     * files are given (the files themselves are read by {@link #importInto}).
     *
     * @throws InputException naming the store and the fix otherwise
     */
    public static void checkCanImport(PkiStore store, CaImport.Source source) throws InputException {
        if (store.hasIssuingCa()) {
            throw new InputException(store.dir().toString(), "", "the PKI store already holds a CA; importing another would reissue "
                    + "every Edge CA and change the trust bundle of the devices already installed.",
                    "Export with the store's CA (leave the import out), or keep the new CA in another PKI store directory.");
        }
        if (source.isEmpty()) {
            throw new InputException(store.dir().toString(), "", "no CA files to import were given.",
                    "Give the root CA certificate and key, an intermediate CA certificate and key with the root certificate, "
                            + "or a PKCS#12 file.");
        }
    }

    /**
     * Generates a root CA named {@code <plant name> Root CA} and, when asked, an intermediate that signs
     * the Edge CAs: RSA-2048 under an RSA root, P-256 under an EC root (it signs every Edge CA, so a
     * small key keeps issuance fast), valid for the root's validity but at most 5 years.
     *
     * @throws IOException if the store cannot be written
     */
    public static Opened generate(PkiStore store, String plantName, KeyType rootKeyType, int rootDays, boolean intermediate,
            char[] storePassphrase) throws IOException {
        KeyType inter = intermediate ? (rootKeyType.isRsa() ? KeyType.RSA_2048 : KeyType.EC_P256) : null;
        CertifiedKey ca = store.generateCa(plantName + " Root CA", rootKeyType, rootDays, inter, Math.min(rootDays, 1825), storePassphrase);
        return new Opened(ca, List.of(), "Generated the plant's root CA (" + rootKeyType + ") in " + store.dir());
    }
}
