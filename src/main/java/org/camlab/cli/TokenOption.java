package org.camlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.camlab.readiness.probe.ProbeToken;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --token-file} / {@code --token}: the secret the probe server and {@code camlab readiness}
 * share, read the same way at both ends so that one file serves both. Never echoed in a message.
 */
final class TokenOption {
    @Option(names = "--token-file", paramLabel = "FILE", description = "The probe server's shared secret, from a "
            + "file: its first line, trimmed (the rest is ignored); give the same file to 'camlab probe-server' and "
            + "'camlab readiness'. Preferred to --token, which other users of this machine can see in the process "
            + "list and which stays in the shell's history.")
    Path file;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The shared secret itself (see --token-file). "
            + "Never printed.")
    String token;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    boolean given() {
        return token != null || file != null;
    }

    /** The secret, trimmed; null when neither option is given. */
    String secret() {
        if (token != null && file != null) {
            throw bad("give either --token or --token-file, not both");
        }
        String secret;
        if (file != null) {
            try {
                secret = ProbeToken.read(file);
            } catch (IOException e) {
                throw bad("--token-file: cannot read " + file);
            } catch (IllegalArgumentException e) {
                throw bad("--token-file: " + file + " is empty");
            }
        } else {
            secret = token;
        }
        if (secret != null && secret.strip().isEmpty()) {
            throw bad(file != null ? "--token-file: " + file + " is empty" : "--token is empty");
        }
        return secret == null ? null : secret.strip();
    }

    private ParameterException bad(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
