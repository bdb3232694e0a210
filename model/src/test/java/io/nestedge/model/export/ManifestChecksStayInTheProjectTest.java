package io.nestedge.model.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The product checks manifests with its own rules; the JSON-Schema engine is a test-only oracle (ADR 1400). */
class ManifestChecksStayInTheProjectTest {
    @Test
    void noProductClassUsesAJsonSchemaEngine() {
        JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.nestedge.model");
        noClasses().should().dependOnClassesThat().resideInAPackage("com.networknt..").check(product);
    }
}
