package io.serverpulse.common.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.serverpulse.common.discord.rest.Routes;
import io.serverpulse.common.i18n.Texts;
import io.serverpulse.common.metrics.MetricsStore;
import io.serverpulse.common.settings.SettingsStore;

/** The conventions of docs/ARCHITECTURE.md that `common` must keep, checked on its compiled classes. */
@AnalyzeClasses(packages = "io.serverpulse.common", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonArchitectureTest {

    @ArchTest
    static final ArchRule commonKnowsNoJda = noClasses().should().dependOnClassesThat()
            .resideInAPackage("net.dv8tion..")
            .because("common is shared by the Lambda functions, which do not carry JDA");

    @ArchTest
    static final ArchRule commonKnowsNoLambdaTypes = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.amazonaws.services.lambda..")
            .because("common is shared by the self-hosted bot, which runs no Lambda");

    @ArchTest
    static final ArchRule commonHasNoStorageDriver = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.mongodb..", "org.bson..", "org.sqlite..")
            .because("common keeps only the storage port; the adapters live in store-mongodb and store-sqlite");

    @ArchTest
    static final ArchRule commonLogsThroughSlf4j = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("logs go through SLF4J with parameters, where they can be filtered and never hold secrets");

    @ArchTest
    static final ArchRule theRestClientKnowsNoCommands = noClasses().that().resideInAPackage("..common.discord.rest..")
            .should().dependOnClassesThat(resideInAPackage("io.serverpulse.common.commands..")
                    .and(not(resideInAPackage("io.serverpulse.common.commands.message.."))))
            .because("the REST client is a small general client for Discord's API (a file attachment is its only message type)");

    @ArchTest
    static final ArchRule detectionPicksNoWords = noClasses().that().resideInAPackage("..common.alerts.detect..")
            .should().callMethod(Texts.class, "get", String.class, Object[].class)
            .orShould().callMethod(Texts.class, "find", String.class, Object[].class)
            .because("detection reports numbers (AlertFacts); AlertMessage.context words them in the guild's language");

    @ArchTest
    static final ArchRule flusherAdmissionNeverTouchesTheStore = noClasses().that().haveFullyQualifiedName(
                    "io.serverpulse.common.metrics.flush.Admission")
            .should().dependOnClassesThat().haveFullyQualifiedName(MetricsStore.class.getName())
            .because("admission under the memory bound must never wait for the database");

    @ArchTest
    static final ArchRule flusherQueueRunsNoThreads = noClasses().that().haveFullyQualifiedName(
                    "io.serverpulse.common.metrics.flush.RetryQueue")
            .should().dependOnClassesThat().resideInAPackage("java.util.concurrent")
            .because("the retry queue runs under the flusher's lock; the thread, the schedule and the locks are the lifecycle's");

    @ArchTest
    static final ArchRule settingsChangeByCompareAndSet = noClasses().should().callMethodWhere(
                    target(name("saveSettings")).and(target(owner(assignableTo(SettingsStore.class)))))
            .because("a blind save loses a concurrent writer's change; commands and the bot change settings with updateSettings");

    @ArchTest
    static final ArchRule onlyThePosterPostsIntoChannels = noClasses().that().resideOutsideOfPackage("..common.discord.post..")
            .and().doNotBelongToAnyOf(Routes.class)
            .should().accessField(Routes.class, "MESSAGE_CREATE")
            .orShould().accessField(Routes.class, "MESSAGE_EDIT")
            .orShould().accessField(Routes.class, "GUILD_CHANNEL_CREATE")
            .because("exactly one code path posts or edits ServerPulse's messages in a channel, for both modes: discord.post");

    @ArchTest
    static final ArchRule thePosterKnowsNoFeature = noClasses().that().resideInAPackage("..common.discord.post..")
            .should().dependOnClassesThat().resideInAPackage("io.serverpulse.common.alerts..")
            .orShould().dependOnClassesThat(resideInAPackage("io.serverpulse.common.commands..")
                    .and(not(resideInAPackage("io.serverpulse.common.commands.message.."))))
            .because("alerts and digests are thin layers over the one generic poster, not the other way round");
}
