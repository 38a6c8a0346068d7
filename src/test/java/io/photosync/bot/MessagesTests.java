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

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"en-US", "en-GB", "sv-SE", "da-DK", "de-DE", "not a locale"})
    void answersEveryOtherLocaleInEnglish(String locale) {
        assertThat(Messages.languageOf(locale)).isEqualTo(Locale.ENGLISH);
    }
}
