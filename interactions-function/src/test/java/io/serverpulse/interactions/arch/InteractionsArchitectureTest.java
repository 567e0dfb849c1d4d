package io.serverpulse.interactions.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.serverpulse.common.discord.rest.MultipartForm;

/** The module's shape: thin Lambda handlers at the edge, a transport-free endpoint in the middle. */
@AnalyzeClasses(packages = "io.serverpulse.interactions", importOptions = ImportOption.DoNotIncludeTests.class)
class InteractionsArchitectureTest {

    @ArchTest
    static final ArchRule lambdaTypesStayInTheLambdaPackage = noClasses().that().resideOutsideOfPackage("..interactions.lambda..")
            .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws.services.lambda..", "software.amazon.awssdk..", "org.crac..")
            .because("the endpoint, the worker's job and the local server run without AWS; only the handlers know Lambda");

    @ArchTest
    static final ArchRule theEndpointKnowsNoTransport = noClasses().that().resideInAPackage("..interactions.http..")
            .should().dependOnClassesThat(resideInAnyPackage("..interactions.lambda..", "..interactions.local..",
                    "..interactions.register..", "..interactions.deferred..", "com.sun.net.httpserver..")
                    .or(resideInAPackage("..common.discord.rest..").and(not(type(MultipartForm.class)))))
            .because("http maps a request to a response (a multipart body at most); how it arrives and how work is finished are other packages' business");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.serverpulse.interactions.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noJda = noClasses().should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
            .because("the Lambda package does not carry JDA");

    @ArchTest
    static final ArchRule noSqlite = noClasses().should().dependOnClassesThat().resideInAPackage("org.sqlite..")
            .because("the AWS mode stores in MongoDB; the Lambda package carries no SQLite driver");

    @ArchTest
    static final ArchRule logsGoThroughSlf4j = noClasses().that().resideOutsideOfPackages("..interactions.register..", "..interactions.local..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("only the command-line entry points print; everything else logs through SLF4J");
}
