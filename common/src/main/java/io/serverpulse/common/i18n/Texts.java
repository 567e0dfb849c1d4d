package io.serverpulse.common.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ServerPulse says, in the language of a Discord locale. Texts live in UTF-8 resource bundles
 * {@code io/serverpulse/common/i18n/messages[_xx].properties}: the base bundle is English (en-US),
 * every {@link #TRANSLATIONS translation} is complete, and any other locale falls back to English
 * (never to the JVM's default locale). Patterns are {@link MessageFormat}s; the bundles use the
 * typographic apostrophe (’) so that MessageFormat's quoting never swallows text.
 */
public final class Texts {

    public static final String BUNDLE = "io.serverpulse.common.i18n.messages";
    public static final String DEFAULT_LOCALE = "en-US";
    /** Discord locales with a complete translation, as used in {@code name_localizations}. */
    public static final List<String> TRANSLATIONS = List.of("de", "fr");

    private static final Logger LOG = LoggerFactory.getLogger(Texts.class);
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ConcurrentMap<String, Texts> CACHE = new ConcurrentHashMap<>();

    private final String discordLocale;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(String discordLocale, Locale locale, ResourceBundle bundle) {
        this.discordLocale = discordLocale;
        this.locale = locale;
        this.bundle = bundle;
    }

    /** Texts for a Discord locale such as {@code de}, {@code en-GB} or {@code pt-BR}; unknown ones get English. */
    public static Texts forLocale(String discordLocale) {
        String key = discordLocale == null || discordLocale.isBlank() ? DEFAULT_LOCALE : discordLocale;
        return CACHE.computeIfAbsent(key, Texts::load);
    }

    public static Texts english() {
        return forLocale(DEFAULT_LOCALE);
    }

    private static Texts load(String discordLocale) {
        Locale locale = Locale.forLanguageTag(discordLocale);
        if (locale.getLanguage().isEmpty()) {
            locale = Locale.US;
        }
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), NO_JVM_FALLBACK);
        Locale effective = bundle.getLocale().getLanguage().isEmpty() ? Locale.US : locale;
        return new Texts(discordLocale, effective, bundle);
    }

    /** The Discord locale these texts were asked for. */
    public String discordLocale() {
        return discordLocale;
    }

    /** The locale numbers and dates are formatted in (English for untranslated languages). */
    public Locale locale() {
        return locale;
    }

    /** The language of the bundle that answered, e.g. {@code de}; {@code en} for the base bundle. */
    public String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /** The text for {@code key} with {@code args} filled in; the key itself (logged once) if a text is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("Missing text {} for locale {}", key, discordLocale);
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The text for {@code key} if this bundle (or English) has it. */
    public Optional<String> find(String key, Object... args) {
        return bundle.containsKey(key) ? Optional.of(get(key, args)) : Optional.empty();
    }
}
