package io.nestedge.app.ui;

import io.nestedge.app.editor.Template;
import io.nestedge.model.Device;
import io.nestedge.model.rules.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Ikonli (Material Design 2) icons of the designer, in one place. */
public final class Icons {
    private Icons() {
    }

    /** An icon. */
    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    /** A device's icon: gateway, IoT Edge device or leaf device. */
    public static FontIcon device(Device d, boolean gateway) {
        FontIcon i = new FontIcon(!d.isEdge() ? MaterialDesignC.CHIP : gateway ? MaterialDesignR.ROUTER_NETWORK : MaterialDesignS.SERVER_NETWORK);
        i.getStyleClass().add("device-icon");
        return i;
    }

    /** A palette template's icon. */
    public static FontIcon template(Template t) {
        return new FontIcon(switch (t) {
            case EDGE_DEVICE -> MaterialDesignS.SERVER_NETWORK;
            case LEAF_DEVICE -> MaterialDesignC.CHIP;
            case API_PROXY -> MaterialDesignS.SHIELD_CHECK;
            case REGISTRY -> MaterialDesignP.PACKAGE_VARIANT_CLOSED;
            case BLOB_STORAGE -> MaterialDesignD.DATABASE;
            case CUSTOM_MODULE -> MaterialDesignC.CUBE_OUTLINE;
        });
    }

    /** A severity's icon. */
    public static FontIcon severity(Severity s) {
        return new FontIcon(switch (s) {
            case ERROR -> MaterialDesignC.CLOSE_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT;
            case INFO -> MaterialDesignI.INFORMATION;
        });
    }
}
