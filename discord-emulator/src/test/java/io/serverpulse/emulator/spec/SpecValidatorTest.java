package io.serverpulse.emulator.spec;

import static io.serverpulse.emulator.spec.SpecFixtures.json;
import static io.serverpulse.emulator.spec.SpecFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.spec.SpecValidator.Result;
import io.serverpulse.emulator.spec.SpecValidator.Result.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {

    private static final String MESSAGES = "/api/v10/channels/1234567890123456789/messages";
    private SpecValidator validator;

    @BeforeEach
    void spec() {
        validator = SpecFixtures.validator();
    }

    @Test
    void aConcretePathFindsItsOperation() {
        // GIVEN concrete request paths as a bot sends them
        // WHEN / THEN each maps to the spec's template; literal segments win over parameters
        assertThat(validator.findOperation("post", MESSAGES + "?wait=true"))
                .map(Operation::operationId).contains("create_message");
        assertThat(validator.findOperation("GET", "/api/v10/users/@me")).map(Operation::operationId).contains("get_my_user");
        assertThat(validator.findOperation("GET", "/api/v9/users/80351110224678912/")).map(Operation::template).contains("/users/{user_id}");
        assertThat(validator.findOperation("PATCH", "/api/v10/webhooks/1/tok/messages/@original"))
                .map(Operation::operationId).contains("update_original_webhook_message");
        assertThat(validator.findOperation("PATCH", "/api/v10/webhooks/1/tok/messages/55"))
                .map(Operation::operationId).contains("update_webhook_message");
        assertThat(validator.findOperation("POST", "/interactions/1/tok/callback"))
                .map(Operation::operationId).contains("create_interaction_response");
    }

    @Test
    void ourTypicalMessagesAreValid() {
        // GIVEN the digest embed and the component message ServerPulse sends
        // WHEN / THEN both pass the spec without any leniency
        Result digest = validator.validate("POST", MESSAGES, json("spec/bodies/message-digest-embed.json"));
        assertThat(digest.isValid()).as(digest.describe()).isTrue();
        assertThat(digest.leniencies()).isEmpty();

        Result components = validator.validate("POST", MESSAGES, json("spec/bodies/message-with-components.json"));
        assertThat(components.isValid()).as(components.describe()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"callback-pong", "callback-message", "callback-deferred", "callback-deferred-update",
            "callback-update-message", "callback-modal"})
    void ourInteractionCallbacksAreValid(String fixture) {
        // GIVEN an interaction response of type 1, 4, 5, 6, 7 or 9
        JsonNode callback = json("spec/bodies/" + fixture + ".json");

        // WHEN checked as the callback endpoint's body
        Result result = validator.validateInteractionCallback(callback);

        // THEN Discord would accept it
        assertThat(result.isValid()).as(result.describe()).isTrue();
    }

    @Test
    void contentOf2001CharactersIsRejectedWith50035() {
        // GIVEN a message whose content is one character over a bot's limit (the spec itself allows 4000)
        ObjectNode body = JdaBodies.MAPPER.createObjectNode().put("content", "x".repeat(2001));

        // WHEN validated
        Result result = validator.validate("POST", MESSAGES, body);

        // THEN Discord's 400 body, with the field and a readable reason
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.errorBody()).contains(json("spec/errors/content-too-long.json"));
        assertThat(result.readableProblems()).containsExactly("content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");
        assertThat(validator.validateRequest("POST", MESSAGES, body)).contains(json("spec/errors/content-too-long.json"));
    }

    @Test
    void contentOf2000CharactersIsFineAndAstralCharactersCountOnce() {
        // GIVEN exactly 2000 characters, one of them an emoji outside the BMP (two UTF-16 units)
        ObjectNode body = JdaBodies.MAPPER.createObjectNode().put("content", "x".repeat(1999) + "🔥");

        // WHEN / THEN
        Result result = validator.validate("POST", MESSAGES, body);
        assertThat(result.isValid()).as(result.describe()).isTrue();
    }

    @Test
    void theBotContentLimitIsANamedRuleOnTopOfTheSpec() {
        // GIVEN 2001 and 4001 characters
        ObjectNode over2000 = JdaBodies.MAPPER.createObjectNode().put("content", "y".repeat(2001));
        ObjectNode over4000 = JdaBodies.MAPPER.createObjectNode().put("content", "y".repeat(4001));

        // WHEN validated without the stricter rules THEN the spec alone lets 2001 through but not 4001
        SpecValidator specOnly = validator.withStricterRules(StricterRules.none());
        assertThat(specOnly.validate("POST", MESSAGES, over2000).isValid()).isTrue();
        assertThat(specOnly.validate("POST", MESSAGES, over4000).readableProblems())
                .containsExactly("content[BASE_TYPE_MAX_LENGTH]: Must be 4000 or fewer in length.");

        // AND with the bot rule one problem, stated with the bot's limit
        assertThat(validator.validate("PATCH", MESSAGES + "/99", over4000).readableProblems())
                .containsExactly("content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");
        assertThat(StricterRules.botDefaults().all()).extracting(StricterRule::name)
                .contains("bot-message-content-2000", "embeds-total-6000");
    }

    @Test
    void embedsOver6000CharactersTogetherAreRejected() {
        // GIVEN two embeds, each within every per-field limit, 6002 characters together
        ObjectNode body = JdaBodies.MAPPER.createObjectNode();
        body.putArray("embeds").add(embed(4000, "a")).add(embed(2002, "b"));

        // WHEN validated
        Result result = validator.validate("POST", MESSAGES, body);

        // THEN one problem on the embeds list
        assertThat(result.readableProblems()).containsExactly("embeds[MAX_EMBED_SIZE_EXCEEDED]: Embed size exceeds maximum size of 6000");
        assertThat(validator.withStricterRules(StricterRules.none()).validate("POST", MESSAGES, body).isValid()).isTrue();
    }

    private static ObjectNode embed(int descriptionLength, String letter) {
        return JdaBodies.MAPPER.createObjectNode().put("description", letter.repeat(descriptionLength));
    }

    @Test
    void errorsNestByFieldAsDiscordNestsThem() {
        // GIVEN an embed field without its required value
        JsonNode body = json("spec/bodies/embed-field-missing-value.json");

        // WHEN validated
        Result result = validator.validate("POST", MESSAGES, body);

        // THEN the error sits at errors.embeds.0.fields.0.value._errors
        assertThat(result.errorBody()).contains(json("spec/errors/embed-field-missing-value.json"));
        assertThat(result.readableProblems()).containsExactly("embeds[0].fields[0].value[BASE_TYPE_REQUIRED]: This field is required");
    }

    @Test
    void aWrongValueInsideAComponentNamesTheField() {
        // GIVEN a button with a style that does not exist
        Result result = validator.validate("POST", MESSAGES, json("spec/bodies/button-bad-style.json"));

        // THEN one problem on that button's style, not one per kind of component
        assertThat(result.readableProblems())
                .containsExactly("components[0].components[0].style[BASE_TYPE_CHOICES]: Value must be one of (1, 2, 3, 4, 5, 6).");
    }

    @Test
    void anUnknownCallbackTypeListsTheTypesThatExist() {
        // GIVEN a callback of type 3 (there is none)
        Result result = validator.validateInteractionCallback(json("spec/bodies/callback-unknown-type.json"));

        // THEN one problem on "type"
        assertThat(result.errorBody()).contains(json("spec/errors/callback-unknown-type.json"));
    }

    @Test
    void aBadCallbackPointsIntoItsData() {
        // GIVEN a message callback whose embed colour is out of range, and a modal without a title
        ObjectNode message = object("spec/bodies/callback-message.json");
        ((ObjectNode) message.path("data").path("embeds").path(0)).put("color", 16_777_216);
        ObjectNode modal = object("spec/bodies/callback-modal.json");
        ((ObjectNode) modal.path("data")).remove("title");

        // WHEN / THEN
        assertThat(validator.validateInteractionCallback(message).readableProblems())
                .containsExactly("data.embeds[0].color[NUMBER_TYPE_MAX]: int value should be less than or equal to 16777215.");
        assertThat(validator.validateInteractionCallback(modal).readableProblems())
                .containsExactly("data.title[BASE_TYPE_REQUIRED]: This field is required");
    }

    @Test
    void anUnknownRouteIsAClearResultNotABodyError() {
        // GIVEN a path Discord does not have
        // WHEN validated
        Result result = validator.validate("POST", "/api/v10/channels/1/not-a-thing", JdaBodies.MAPPER.createObjectNode());

        // THEN it says so, with Discord's 404 body, and the body check does not claim a 400
        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_ROUTE);
        assertThat(result.detail()).isEqualTo("no route in Discord's OpenAPI spec matches /channels/1/not-a-thing");
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.errorBody()).contains(JdaBodies.MAPPER.createObjectNode().put("message", "404: Not Found").put("code", 0));
        assertThat(result.operation()).isEmpty();
        assertThat(validator.validateRequest("POST", "/api/v10/channels/1/not-a-thing", JdaBodies.MAPPER.createObjectNode())).isEmpty();
    }

    @Test
    void aKnownRouteWithTheWrongMethodIs405() {
        // GIVEN / WHEN
        Result result = validator.validate("PUT", MESSAGES, JdaBodies.MAPPER.createObjectNode());

        // THEN
        assertThat(result.outcome()).isEqualTo(Outcome.METHOD_NOT_ALLOWED);
        assertThat(result.detail()).isEqualTo("/channels/{channel_id}/messages allows GET, POST, not PUT");
        assertThat(result.httpStatus()).isEqualTo(405);
    }

    @Test
    void aBodyThatIsNotJsonIs50109() {
        // GIVEN / WHEN
        Result result = validator.validateJson("POST", MESSAGES, "{\"content\": \"unterminated");

        // THEN
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_JSON);
        assertThat(result.errorBody().map(body -> body.path("code").asInt())).contains(50109);
    }

    @Test
    void aRequiredBodyMustBeThere() {
        // GIVEN / WHEN a message create without any body (the spec marks it required)
        Result result = validator.validateJson("POST", MESSAGES, "");

        // THEN
        assertThat(result.readableProblems()).containsExactly("[BASE_TYPE_REQUIRED]: A JSON body is required");
        assertThat(result.errorBody()).hasValueSatisfying(body ->
                assertThat(body.path("errors").path("_errors").path(0).path("code").asText()).isEqualTo("BASE_TYPE_REQUIRED"));
    }

    @Test
    void aRouteWithoutABodyAcceptsNone() {
        // GIVEN / WHEN a GET with no body
        Result result = validator.validate("GET", MESSAGES + "?limit=50", null);

        // THEN
        assertThat(result.isValid()).isTrue();
        assertThat(result.operation()).map(Operation::operationId).isEqualTo(Optional.of("list_messages"));
    }

    @Test
    void aResponseIsCheckedAgainstTheSchemaDeclaredForItsStatus() {
        // GIVEN a user object without the fields Discord always sends, and a complete one
        ObjectNode partial = JdaBodies.MAPPER.createObjectNode().put("id", "80351110224678912").put("username", "nelly");
        ObjectNode complete = partial.deepCopy().put("discriminator", "0").put("public_flags", 0).put("flags", 0)
                .put("global_name", "Nelly").put("mfa_enabled", false).put("locale", "en-US");
        complete.putNull("avatar");

        // WHEN each is checked as the answer to GET /users/@me, and one as the answer of a status the spec does not declare
        Result missing = validator.validateResponse("GET", "/api/v10/users/@me", 200, partial);
        Result whole = validator.validateResponse("GET", "/api/v10/users/@me", 200, complete);
        Result undeclared = validator.validateResponse("GET", "/api/v10/users/@me", 418, partial);

        // THEN the partial one names what is missing, the complete one passes, and the undeclared status says it was not checked
        assertThat(missing.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(missing.readableProblems()).contains("avatar[BASE_TYPE_REQUIRED]: This field is required",
                "locale[BASE_TYPE_REQUIRED]: This field is required");
        assertThat(whole.isValid()).as(whole.describe()).isTrue();
        assertThat(whole.operation()).map(Operation::operationId).contains("get_my_user");
        assertThat(undeclared.isValid()).isTrue();
        assertThat(undeclared.detail()).isEqualTo("the operation declares no JSON response for status 418; the response was not validated");
    }
}
