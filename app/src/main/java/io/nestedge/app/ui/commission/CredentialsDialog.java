package io.nestedge.app.ui.commission;

import io.nestedge.app.commission.Logins;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * SSH user, private key file or password, and sudo password for the real devices. Kept in memory
 * only ({@link Logins}); nothing is written to the plant or the preferences.
 */
public final class CredentialsDialog {
    private CredentialsDialog() {
    }

    /**
     * Asks for logins.
     *
     * @param owner the window
     * @return the logins, or empty when cancelled
     */
    public static Optional<Logins> ask(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Device logins");
        d.setHeaderText("SSH login for the devices (kept in memory only, never saved)");
        TextField user = new TextField();
        user.setPromptText("blank: each device's SSH user from the plant");
        TextField key = new TextField();
        key.setPromptText("~/.ssh/id_ed25519 (or leave blank for a password)");
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Private key file");
            File f = fc.showOpenDialog(owner);
            if (f != null) {
                key.setText(f.getPath());
            }
        });
        PasswordField keyPass = new PasswordField();
        keyPass.setPromptText("if the key file is encrypted");
        PasswordField password = new PasswordField();
        PasswordField sudo = new PasswordField();
        sudo.setPromptText("blank: same as the login password");
        CheckBox userKnownHosts = new CheckBox("Also trust the host keys in ~/.ssh/known_hosts (read only)");
        Label problem = new Label();
        problem.getStyleClass().add("inspector-problem");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("SSH user"), user);
        g.addRow(1, new Label("Private key file"), new HBox(4, key, browse));
        g.addRow(2, new Label("Key pass phrase"), keyPass);
        g.addRow(3, new Label("Login password"), password);
        g.addRow(4, new Label("sudo password"), sudo);
        g.add(userKnownHosts, 0, 5, 2, 1);
        g.add(problem, 0, 6, 2, 1);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Logins[] out = new Logins[1];
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Path kf = key.getText().isBlank() ? null : Path.of(key.getText().strip().replaceFirst("^~", System.getProperty("user.home")));
            Logins l = new Logins(user.getText(), kf, keyPass.getText().toCharArray(), password.getText().toCharArray(),
                    sudo.getText().toCharArray(), userKnownHosts.isSelected());
            String p = l.problem();
            if (!p.isEmpty()) {
                problem.setText(p);
                l.wipe();
                e.consume();
                return;
            }
            out[0] = l;
        });
        Optional<ButtonType> b = d.showAndWait();
        keyPass.clear();
        password.clear();
        sudo.clear();
        return b.filter(x -> x == ButtonType.OK).map(x -> out[0]);
    }
}
