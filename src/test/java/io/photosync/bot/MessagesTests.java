package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"nb-NO", "nb", "nn-NO", "no", "NB-no", "nb_NO"})
    void answersNorwegianTeamsLocalesInNorwegian(String locale) {
        assertThat(Messages.languageOf(locale)).isEqualTo(Messages.NORWEGIAN);
    }

    /** Messages go through MessageFormat: a lone apostrophe would vanish ("couldnt") or swallow a {0}. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_nb.properties"})
    void everyBundleHasBothLanguagesAndNoLoneApostrophe(String bundle) throws java.io.IOException {
        java.util.Properties english = load("messages.properties");
        java.util.Properties words = load(bundle);

        assertThat(words.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(words.stringPropertyNames()).filteredOn(key -> words.getProperty(key).replace("''", "").contains("'")).isEmpty();
    }

    private static java.util.Properties load(String name) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = MessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"en-US", "en-GB", "sv-SE", "da-DK", "de-DE", "not a locale"})
    void answersEveryOtherLocaleInEnglish(String locale) {
        assertThat(Messages.languageOf(locale)).isEqualTo(Locale.ENGLISH);
    }
}
