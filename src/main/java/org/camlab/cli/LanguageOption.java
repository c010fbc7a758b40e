package org.camlab.cli;

import org.camlab.report.Terms;
import org.camlab.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --lang}: the language of everything a person reads (summary, advice, report, charts,
 * help); the system's locale when not given. JSON, CSV and the error lines stay English.
 */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", converter = Converter.class, description = "Language of the "
            + "summary, the advice, the report and its charts: en, zh-Hans (简体中文) or zh-Hant (繁體中文); also "
            + "zh-CN, zh-TW and the like. Default: the system's language, English where camlab does not speak it. "
            + "JSON keeps its English ids and field names.")
    Language language;

    Language language() {
        return language != null ? language : Language.system();
    }

    Terms terms() {
        return Terms.of(language());
    }

    static final class Converter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            Language l = Language.named(value);
            if (l == null) {
                throw new CommandLine.TypeConversionException("camlab speaks " + Language.tags() + ", not '" + value
                        + "'");
            }
            return l;
        }
    }

    /**
     * The language the arguments ask for, read before picocli parses them (the help is written in
     * it): {@code --lang X} or {@code --lang=X}, else the system's; an unknown name is left for the
     * parser to refuse.
     */
    static Language fromArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring(7)
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                Language l = Language.named(value);
                return l != null ? l : Language.system();
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        return Language.system();
    }
}
