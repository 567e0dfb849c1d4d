package io.serverpulse.collector.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.serverpulse.common.discord.rest.Routes;

/** The collector posts ServerPulse's messages only through common's one poster, as alert-function does. */
@AnalyzeClasses(packages = "io.serverpulse.collector", importOptions = ImportOption.DoNotIncludeTests.class)
class PostingArchitectureTest {

    private static final DescribedPredicate<JavaCall<?>> JDA_POSTING = DescribedPredicate.describe(
            "JDA's calls that send or edit messages or create channels",
            call -> call.getTargetOwner().getPackageName().startsWith("net.dv8tion.")
                    && (call.getName().startsWith("sendMessage") || call.getName().startsWith("editMessage")
                    || call.getName().startsWith("createTextChannel") || call.getName().equals("sendFiles")));

    @ArchTest
    static final ArchRule noMessageIsPostedOverJda = noClasses().should().callMethodWhere(JDA_POSTING)
            .because("alerts (and digests) are posted by common's UpdatePoster over REST, the same code in both modes");

    @ArchTest
    static final ArchRule noMessageIsPostedBesideThePoster = noClasses().should().accessField(Routes.class, "MESSAGE_CREATE")
            .orShould().accessField(Routes.class, "MESSAGE_EDIT")
            .orShould().accessField(Routes.class, "GUILD_CHANNEL_CREATE")
            .because("exactly one code path posts or edits ServerPulse's messages in a channel: common's discord.post");
}
