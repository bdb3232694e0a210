package io.nestedge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the dependency direction app → commissioning → model (architecture.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nestedge");

    @Test
    void modelKnowsNothingOfJavaFxSshOrUpperModules() {
        noClasses().that().resideInAPackage("io.nestedge.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.sshd..",
                        "io.nestedge.commissioning..", "io.nestedge.app..")
                .check(CLASSES);
    }

    @Test
    void commissioningKnowsNothingOfJavaFxOrTheApp() {
        noClasses().that().resideInAPackage("io.nestedge.commissioning..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.nestedge.app..")
                .check(CLASSES);
    }

    @Test
    void cliDoesNotStartJavaFxExceptThroughTheStudioLauncher() {
        noClasses().that().resideInAPackage("io.nestedge.app.cli..")
                .and().doNotHaveSimpleName("StudioCommand")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }
}
