package io.serverpulse.alerts.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's shape: thin Lambda handlers at the edge, a transport-free poster and drop check behind them. */
@AnalyzeClasses(packages = "io.serverpulse.alerts", importOptions = ImportOption.DoNotIncludeTests.class)
class AlertArchitectureTest {

    @ArchTest
    static final ArchRule lambdaTypesStayInTheLambdaPackage = noClasses().that().resideOutsideOfPackage("..alerts.lambda..")
            .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws.services.lambda..", "io.serverpulse.store.mongodb..")
            .because("posting and the drop check run without AWS; only the handlers' wiring knows Lambda and which store");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.serverpulse.alerts.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noJdaNoSqlite = noClasses().should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "org.sqlite..")
            .because("the Lambda package carries neither JDA nor the SQLite driver");

    @ArchTest
    static final ArchRule postsOnlyThroughCommonsPoster = noClasses().that().resideOutsideOfPackage("..alerts.lambda..")
            .should().dependOnClassesThat().resideInAPackage("io.serverpulse.common.discord.rest..")
            .because("alerts are posted by common's one poster (both modes); only the wiring builds its REST client");

    @ArchTest
    static final ArchRule logsGoThroughSlf4j = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("logs go through SLF4J, never holding the bot token");
}
