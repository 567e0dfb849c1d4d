package io.serverpulse.common.commands;

import static io.serverpulse.common.commands.CommandKit.GUILD;
import static io.serverpulse.common.commands.CommandKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.common.commands.CommandKit.Answer;
import io.serverpulse.common.commands.InteractionOutcome.Rejected;
import io.serverpulse.common.commands.message.MessageBody;
import io.serverpulse.common.commands.registration.CommandDefinition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InteractionHandlerTest {

    private final CommandKit kit = new CommandKit();

    /** A command that fails the way a bug would, or answers beyond Discord's limits. */
    private static final class BrokenCommand implements Command {
        private final String name;

        BrokenCommand(String name) {
            this.name = name;
        }

        @Override
        public CommandDefinition definition() {
            return CommandDefinition.everyone(name);
        }

        @Override
        public InteractionOutcome execute(CommandContext context) {
            if (name.equals("crash")) {
                throw new IllegalStateException("index 7 out of bounds in LeaderboardThing");
            }
            return new InteractionOutcome.Respond(InteractionResponse.message(MessageBody.text("x".repeat(2500))));
        }

        @Override
        public MessageBody completeDeferred(DeferredContext context) {
            throw new IllegalStateException("worker exploded");
        }
    }

    private InteractionHandler broken() {
        return new InteractionHandler(kit.store,
                new CommandRegistry(List.of(new BrokenCommand("crash"), new BrokenCommand("too-long"))), Clock.systemUTC());
    }

    private static ObjectNode named(String name) {
        ObjectNode body = fixture("topmessagers.json");
        ((ObjectNode) body.get("data")).put("name", name);
        ((ObjectNode) body.get("data")).remove("options");
        return body;
    }

    @Test
    void aPingGetsAPong() {
        // GIVEN / WHEN Discord checks the endpoint
        Answer answer = kit.run(fixture("ping.json"));

        // THEN the answer is {"type":1}
        assertThat(answer.response().json()).isEqualTo("{\"type\":1}");
    }

    @Test
    void autocompleteGetsNoSuggestions() {
        // GIVEN / WHEN / THEN
        assertThat(kit.run(fixture("autocomplete.json")).response().json()).isEqualTo("{\"type\":8,\"data\":{\"choices\":[]}}");
    }

    @Test
    void directMessagesAreAskedToUseAServer() {
        // GIVEN / WHEN a command arrives from a DM
        Answer answer = kit.run(fixture("dm-topmessagers.json"));

        // THEN the answer is a private hint
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).startsWith("ServerPulse commands work in servers only.");
    }

    @Test
    void unknownCommandsAndComponentsAreExplained() {
        // GIVEN a command that is not (or no longer) registered, and a component of nobody
        ObjectNode component = fixture("setup-done.json");
        ((ObjectNode) component.get("data")).put("custom_id", "nope");

        // WHEN / THEN each gets a private explanation
        assertThat(kit.run(named("reticulate")).content()).startsWith("I don’t know this command.");
        assertThat(kit.run(component).content()).startsWith("This button or menu is no longer valid.");
    }

    @Test
    void anUnreachableStoreChangesNothingAndSaysSo() {
        // GIVEN a store that fails every call
        kit.store.close();

        // WHEN an admin changes a setting
        Answer answer = kit.run(fixture("set-digest.json"));

        // THEN the answer says nothing was changed and to try again
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("⚠️ ServerPulse’s storage is unavailable right now, so nothing was changed. "
                + "Please try again in a moment.");
    }

    @Test
    void aBugBecomesAReferenceForTheOperatorNeverAStackTrace() {
        // GIVEN a command that throws
        InteractionOutcome outcome;
        List<ILoggingEvent> events;
        try (LogCapture logs = new LogCapture()) {
            // WHEN it is used
            outcome = broken().handle(named("crash").toString());
            events = logs.events();
        }

        // THEN the member sees a short reference, and the log has the same reference with the exception
        CommandKit.assertValid(outcome);
        String content = new Answer(outcome).content();
        assertThat(content).startsWith("⚠️ Something went wrong on ServerPulse’s side.")
                .doesNotContain("IllegalStateException").doesNotContain("LeaderboardThing").doesNotContain("at io.");
        Matcher reference = Pattern.compile("`([0-9a-f]{8})`").matcher(content);
        assertThat(reference.find()).isTrue();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains(reference.group(1)).contains("/crash").contains("guild " + GUILD);
            assertThat(event.getThrowableProxy().getMessage()).contains("LeaderboardThing");
        });
        assertThat(new Answer(outcome).ephemeral()).isTrue();
    }

    @Test
    void anAnswerBeyondDiscordsLimitsIsReplacedByAnError() {
        // GIVEN a command whose answer is 2500 characters long
        // WHEN it is used
        InteractionOutcome outcome = broken().handle(named("too-long").toString());

        // THEN Discord gets a valid error message instead of a body it would reject
        CommandKit.assertValid(outcome);
        assertThat(new Answer(outcome).content()).startsWith("⚠️ Something went wrong");
    }

    @Test
    void aFailingWorkerEditsTheAnswerWithAReference() {
        // GIVEN deferred work whose command fails
        DeferredWork work = new DeferredWork("crash", CommandKit.APP, "tok.en", GUILD, CommandKit.USER, "de", 1000, Map.of());

        // WHEN the worker runs it
        FollowUp followUp = broken().completeDeferred(work);

        // THEN the edit is a valid, German error message
        assertThat(ResponseLimits.checkEdit(followUp.body(), 0)).isEmpty();
        assertThat(followUp.body().path("content").asText()).startsWith("⚠️ Bei ServerPulse ist etwas schiefgelaufen.");
        assertThat(followUp.body().has("flags")).isFalse();
    }

    @Test
    void bodiesThatAreNotInteractionsAreRejectedForA400() {
        // GIVEN / WHEN / THEN
        for (String body : new String[] {"", "not json", "[1,2]", "{\"type\":\"x\"}", "{\"type\":2,\"id\":\"1\"}"}) {
            assertThat(kit.handler.handle(body)).as(body).isInstanceOf(Rejected.class);
        }
    }

    @Test
    void deferredWorkTravelsAsJsonAndNeverPrintsItsToken() {
        // GIVEN the work of a deferred export
        DeferredWork work = kit.run(fixture("export-report.json")).work();

        // WHEN it is carried to a worker as JSON
        DeferredWork carried = DeferredWork.fromJson(work.toJson());

        // THEN it arrives whole, and neither it nor its follow-up print the token
        assertThat(carried).isEqualTo(work);
        assertThat(work.token()).isEqualTo(fixture("export-report.json").path("token").asText());
        assertThat(work.toString()).doesNotContain(work.token());
        assertThat(kit.complete(work).toString()).doesNotContain(work.token());
        assertThat(work.locale()).isEqualTo("en-US");
        assertThat(work.guildId()).isEqualTo(GUILD);
    }

    @Test
    void theRegistrationBodyComesFromTheHandler() {
        // GIVEN / WHEN / THEN the adapter that registers commands gets the same body as the registry
        assertThat(kit.handler.registrationJson()).isEqualTo(CommandRegistry.standard(java.util.Optional.empty(), false).registrationJson());
    }
}
