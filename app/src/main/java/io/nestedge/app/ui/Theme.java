package io.nestedge.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two AtlantaFX themes of the designer (View › Dark theme). */
public enum Theme {
    /** AtlantaFX Primer Light. */
    LIGHT,
    /** AtlantaFX Primer Dark. */
    DARK;

    /** Applies the theme to the whole application (user-agent stylesheet). */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** The designer's own stylesheet (theme-independent; uses the theme's looked-up colours). */
    public static String designerStylesheet() {
        return Theme.class.getResource("designer.css").toExternalForm();
    }
}
