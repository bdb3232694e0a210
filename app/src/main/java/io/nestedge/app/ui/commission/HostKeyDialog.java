package io.nestedge.app.ui.commission;

import io.nestedge.commissioning.ssh.HostKeyPolicy;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * First contact with a device: shows its SHA-256 host-key fingerprint and asks Accept once / Accept
 * and save / Reject (trust on first use, facts §7). Runs on the FX thread.
 */
public final class HostKeyDialog {
    /** Accept for this session only. */
    public static final ButtonType ONCE = new ButtonType("Accept once", ButtonBar.ButtonData.OTHER);
    /** Accept and write to the app's known_hosts. */
    public static final ButtonType SAVE = new ButtonType("Accept and save", ButtonBar.ButtonData.OK_DONE);
    /** Do not connect. */
    public static final ButtonType REJECT = new ButtonType("Reject", ButtonBar.ButtonData.CANCEL_CLOSE);

    private HostKeyDialog() {
    }

    /**
     * Asks.
     *
     * @param owner the window
     * @param key the unknown key
     * @return the decision (REJECT when closed)
     */
    public static HostKeyPolicy.Decision ask(Window owner, HostKeyPolicy.UnknownHostKey key) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", ONCE, SAVE, REJECT);
        a.initOwner(owner);
        a.setTitle("Unknown host key");
        a.setHeaderText("First connection to " + key.host() + ". Is this the device's key?");
        a.setContentText(key.keyType() + "\n" + key.fingerprint() + "\n\nCompare it with the fingerprint on the device's console:\n"
                + "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\nAccept only when they match.");
        a.getDialogPane().setId("host-key-dialog");
        ButtonType b = a.showAndWait().orElse(REJECT);
        return b == SAVE ? HostKeyPolicy.Decision.ACCEPT_AND_SAVE : b == ONCE ? HostKeyPolicy.Decision.ACCEPT_ONCE
                : HostKeyPolicy.Decision.REJECT;
    }
}
