package io.nestedge.app;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.PlantFile;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: for now a window that lists the opened plant's devices. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Plant plant = Plant.empty("Untitled plant");
        String status = "New plant";
        if (!args.isEmpty()) {
            try {
                plant = PlantFile.read(Path.of(args.get(0)));
                status = args.get(0);
            } catch (InputException e) {
                status = e.getMessage();
            }
        }
        ListView<String> list = new ListView<>();
        for (Device d : plant.devices()) {
            list.getItems().add(d.layerId() + "  " + d.id() + "  (" + d.kind() + ")  " + d.hostname()
                    + (d.hasParent() ? "  → " + d.parentId() : ""));
        }
        BorderPane root = new BorderPane(list);
        root.setBottom(new Label(status));
        stage.setTitle("NestEdge Studio — " + plant.name());
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }
}
