package org.camlab.cli;

import java.util.Locale;
import java.util.ResourceBundle;
import org.camlab.text.Language;
import picocli.CommandLine;

/**
 * The {@code --help} texts in the user's language: English is written in the commands'
 * annotations; {@code org/camlab/cli/help_zh_Hans.properties} and {@code help_zh_Hant} hold the
 * same under picocli's keys ({@code camlab.analyze.usage.description}, {@code camlab.analyze.every},
 * …; HelpTest keeps every option and command of the model translated).
 */
final class Help {
    static final String BUNDLE = "org.camlab.cli.help";

    private Help() {
    }

    /** The help of the command line and all its commands, exit codes included, in this language. */
    static void translate(CommandLine cl, Language language) {
        cl.setResourceBundle(bundle(language));
        ExitCodeHelp.apply(cl, language);
    }

    /**
     * The translation's bundle; for English the base bundle, which holds only what one command says
     * differently from the annotation it inherits (the annotations' own words are the rest).
     */
    static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language == Language.ENGLISH ? Locale.ROOT : language.locale,
                Help.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
