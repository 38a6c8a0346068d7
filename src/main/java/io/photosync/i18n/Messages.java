package io.photosync.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words the bot says, from {@code messages*.properties}, in the language of the conversation:
 * Norwegian for the Teams locales nb, nn and no; English for every other.
 */
public final class Messages {

    public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    /** The language to answer an activity in, from its {@code locale} (e.g. {@code nb-NO}, {@code en-US}). */
    public static Locale languageOf(String activityLocale) {
        if (activityLocale == null || activityLocale.isBlank()) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(activityLocale.replace('_', '-')).getLanguage();
        return switch (language) {
            case "nb", "nn", "no" -> NORWEGIAN;
            default -> Locale.ENGLISH;
        };
    }

    public String get(Locale language, String key, Object... arguments) {
        return source.getMessage(key, arguments, language);
    }

    public boolean has(Locale language, String key) {
        return source.getMessage(key, null, null, language) != null;
    }
}
