package io.serverpulse.collector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The collector is the product: its classes never reach into the test bed (the Maven enforcer bans the dependency itself). */
@AnalyzeClasses(packages = "io.serverpulse.collector", importOptions = ImportOption.DoNotIncludeTests.class)
class CollectorArchitectureTest {

    @ArchTest
    static final ArchRule noTestBed = noClasses().should().dependOnClassesThat().resideInAnyPackage("io.serverpulse.emulator..",
                    "io.serverpulse.demo..")
            .because("the AWS collector and the self-hosted bot carry no emulator; the demo module assembles the jar that plays it");
}
