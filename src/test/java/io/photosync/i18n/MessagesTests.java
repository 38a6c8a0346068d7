package io.photosync.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
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
    void everyBundleHasBothLanguagesAndNoLoneApostrophe(String bundle) throws IOException {
        Properties english = load("messages.properties");
        Properties words = load(bundle);

        assertThat(words.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(words.stringPropertyNames()).filteredOn(key -> words.getProperty(key).replace("''", "").contains("'")).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
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
