package family.gallery.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import family.gallery.ingest.SnsFilterPolicy.Scope;

class SnsFilterPolicyTest {

    private static boolean body(String policy, String message) {
        return SnsFilterPolicy.of(policy, Scope.MESSAGE_BODY).matchesBody(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":["x"]}                                   | {"a":"x"}                | true
            {"a":["x"]}                                   | {"a":"y"}                | false
            {"a":["x"]}                                   | {"b":"x"}                | false
            {"a":["x","y"]}                               | {"a":"y"}                | true
            {"a":["x"],"b":["y"]}                         | {"a":"x","b":"y"}        | true
            {"a":["x"],"b":["y"]}                         | {"a":"x","b":"z"}        | false
            {"a":[{"prefix":"al"}]}                       | {"a":"albums/x"}         | true
            {"a":[{"prefix":"al"}]}                       | {"a":"photos/x"}         | false
            {"a":[{"suffix":".yml"}]}                     | {"a":"x/album.yml"}      | true
            {"a":[{"suffix":".yml"}]}                     | {"a":"x/album.YML"}      | false
            {"a":[{"equals-ignore-case":"ABC"}]}          | {"a":"aBc"}              | true
            {"a":[{"anything-but":["x","y"]}]}            | {"a":"z"}                | true
            {"a":[{"anything-but":["x","y"]}]}            | {"a":"x"}                | false
            {"a":[{"anything-but":{"prefix":"tmp/"}}]}    | {"a":"tmp/1"}            | false
            {"a":[{"anything-but":{"prefix":"tmp/"}}]}    | {"a":"keep/1"}           | true
            {"a":[{"anything-but":{"suffix":".tmp"}}]}    | {"a":"x.tmp"}            | false
            {"a":[{"exists":true}]}                       | {"a":"x"}                | true
            {"a":[{"exists":true}]}                       | {"b":"x"}                | false
            {"a":[{"exists":false}]}                      | {"b":"x"}                | true
            {"a":[{"numeric":[">",0,"<=",5]}]}            | {"a":5}                  | true
            {"a":[{"numeric":[">",0,"<=",5]}]}            | {"a":6}                  | false
            {"a":[{"numeric":["=",3]}]}                   | {"a":3.0}                | true
            {"a":[3]}                                     | {"a":3}                  | true
            {"a":[true]}                                  | {"a":true}               | true
            {"a":["x"]}                                   | {"a":["y","x"]}          | true
            {"a":{"b":["x"]}}                             | {"a":{"b":"x"}}          | true
            {"a":{"b":["x"]}}                             | {"a":{"b":"y"}}          | false
            {"a":{"b":["x"]}}                             | {"a":[{"b":"y"},{"b":"x"}]} | true
            {"a":{"b":["x"]}}                             | {"a":"x"}                | false
            {"a":["x"],"$or":[{"b":["1"]},{"c":["2"]}]}   | {"a":"x","c":"2"}        | true
            {"a":["x"],"$or":[{"b":["1"]},{"c":["2"]}]}   | {"a":"x","c":"3"}        | false
            {"a":["x"]}                                   | not json                 | false
            """)
    void matchesMessageBodiesAsSnsDoes(String policy, String message, boolean expected) {
        if (expected) {
            assertTrue(body(policy, message), policy + " should match " + message);
        } else {
            assertFalse(body(policy, message), policy + " should not match " + message);
        }
    }

    @Test
    void matchesMessageAttributes() {
        SnsFilterPolicy policy = SnsFilterPolicy.of(Map.of("kind", java.util.List.of("photo"),
                "size", java.util.List.of(Map.of("numeric", java.util.List.of(">", 10)))), Scope.MESSAGE_ATTRIBUTES);

        assertTrue(policy.matchesAttributes(Map.of("kind", Map.entry("String", "photo"), "size", Map.entry("Number", "11"))));
        assertTrue(policy.matchesAttributes(Map.of("kind", Map.entry("String.Array", "[\"video\",\"photo\"]"),
                "size", Map.entry("Number", "20"))));
        assertFalse(policy.matchesAttributes(Map.of("kind", Map.entry("String", "photo"), "size", Map.entry("Number", "3"))));
        assertFalse(policy.matchesAttributes(Map.of("kind", Map.entry("String", "photo"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":[{"cidr":"10.0.0.0/24"}]}          | unrecognized match type cidr
            {"a":[{"wildcard":"x*"}]}               | unrecognized match type wildcard
            {"a":"x"}                               | must list the values
            {"a":[{"prefix":"x","suffix":"y"}]}     | exactly one operator
            {"a":[{"anything-but":{"exists":true}}]} | anything-but takes
            {"$or":[{"a":["x"]}]}                   | at least two alternatives
            [1]                                     | must be a JSON object
            """)
    void rejectsPoliciesSnsWouldReject(String policy, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnsFilterPolicy.of(policy, Scope.MESSAGE_BODY));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void nestedPoliciesNeedBodyScope() {
        assertThrows(IllegalArgumentException.class,
                () -> SnsFilterPolicy.of("{\"a\":{\"b\":[\"x\"]}}", Scope.MESSAGE_ATTRIBUTES));
        assertThrows(IllegalArgumentException.class, () -> Scope.of("Body"));
        assertTrue(Scope.of(null) == Scope.MESSAGE_ATTRIBUTES);
    }
}
