package org.camlab.cli;

import org.camlab.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --lang}: the language of everything a person reads (summary, advice, report, charts,
 * help); the system's locale when not given. JSON, CSV and the error lines stay English. Declared
 * once, on {@code camlab}, and inherited by every command: the help of each is written in it.
 */
final class LanguageOption {
    static final String NAME = "--lang";

    @Option(names = NAME, paramLabel = "LANG", converter = Converter.class, scope = ScopeType.INHERIT,
            description = "Language of this help, and of the summary, the advice, the report and its charts where "
                    + "the command writes them: en, zh-Hans (简体中文) or zh-Hant (繁體中文); also zh-CN, zh-TW and the "
                    + "like. Default: the system's language, English where camlab does not speak it. JSON keeps its "
                    + "English ids and field names.")
    Language language;

    /** The language a parsed command was given, or the system's. */
    static Language of(CommandSpec spec) {
        OptionSpec o = spec.findOption(NAME);
        Language l = o == null ? null : o.getValue();
        return l != null ? l : Language.system();
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
}
