package org.camlab.cli;

import picocli.CommandLine.Mixin;

/** A command on the rooms' history database: {@code --db}, opened, used and closed by {@link DbOption#run}. */
abstract class StoreCommand extends CamlabCommand {
    @Mixin
    DbOption db = new DbOption();
}
