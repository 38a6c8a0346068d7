package io.photosync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The simulated Graph reads {@code $filter} as Graph does, so a client's escaping mistakes show. */
class ODataFilterTests {

    private static final List<Map<String, Object>> PEOPLE = List.of(
            Map.of("displayName", "Patti O'Fernandez", "userType", "Member", "accountEnabled", true),
            Map.of("displayName", "Alex Wilber", "userType", "Member", "accountEnabled", false),
            Map.of("displayName", "John Doe", "userType", "Guest", "accountEnabled", true));

    private static List<Object> names(String filter) {
        Function<Map<String, Object>, Function<String, Object>> property = person -> person::get;
        return PEOPLE.stream().filter(ODataFilter.parse(filter, property)).map(person -> person.get("displayName")).toList();
    }

    @Test
    void comparesStringsWithoutRegardToCaseAndReadsDoubledQuotes() {
        assertThat(names("displayName eq 'patti o''fernandez'")).containsExactly("Patti O'Fernandez");
        assertThat(names("startswith(displayName,'ALEX')")).containsExactly("Alex Wilber");
        assertThat(names("userType ne 'Guest' and accountEnabled eq true")).containsExactly("Patti O'Fernandez");
        assertThat(names("(userType eq 'Guest' or startswith(displayName,'a')) and accountEnabled eq true")).containsExactly("John Doe");
    }

    @Test
    void anEscapedLiteralStaysOneLiteralAndAnUnescapedOneWidensTheSearch() {
        String typed = "x' or startswith(displayName,'A') or displayName eq 'y";
        assertThat(names("displayName eq '" + typed.replace("'", "''") + "'")).isEmpty();
        assertThat(names("displayName eq '" + typed + "'")).containsExactly("Alex Wilber");
    }

    @Test
    void refusesWhatGraphWouldRefuse() {
        for (String bad : List.of("displayName eq 'unterminated", "displayName gt 'a'", "displayName eq", "eq 'a'", "displayName eq 'a' xor")) {
            assertThatThrownBy(() -> names(bad)).as(bad).isInstanceOf(ODataFilter.Invalid.class);
        }
    }
}
