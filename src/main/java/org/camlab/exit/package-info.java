/**
 * How camlab ends: the one table of exit codes ({@link org.camlab.exit.ExitCode}) and the one
 * exception any layer throws to end a command with a code and one line for the person
 * ({@link org.camlab.exit.CamlabException}), mapped to both once, in {@code cli.Main}.
 */
package org.camlab.exit;
