package io.serverpulse.common.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PATCH | webhooks/1177777777777777777/aW50ZXJhY3Rpb24.SECRET/messages/@original | PATCH webhooks/{id}/{token}/messages/@original | 1177777777777777777/aW50ZXJhY3Rpb24.SECRET",
            "POST  | channels/1176201535215009855/messages                             | POST channels/{id}/messages                     | 1176201535215009855",
            "PATCH | /channels/1176201535215009855/messages/1180151035315077209        | PATCH channels/{id}/messages/{id}               | 1176201535215009855",
            "PUT   | applications/1177777777777777777/commands                         | PUT applications/{id}/commands                  | ''",
            "PUT   | applications/1177777777777777777/guilds/1176201535215009852/commands | PUT applications/{id}/guilds/{id}/commands   | ''",
            "POST  | interactions/1180151035315077209/aW50ZXJhY3Rpb24.SECRET/callback?with_response=true | POST interactions/{id}/{token}/callback | ''",
            "GET   | guilds/1176201535215009852/members                                | GET guilds/{id}/members                         | 1176201535215009852"})
    void routesAreKeyedByTemplateAndMajorParameter(String method, String path, String key, String major) {
        // GIVEN / WHEN a concrete request path
        Route route = Route.of(method, path);

        // THEN ids become placeholders, the major parameter is kept apart, and the key never shows a token
        assertThat(route.key()).isEqualTo(key);
        assertThat(route.major()).isEqualTo(major);
        assertThat(route.toString()).doesNotContain("SECRET");
    }
}
