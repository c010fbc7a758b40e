package org.camlab.cli;

import picocli.CommandLine.Parameters;

/** A command on one room of the history, named by the user. */
abstract class RoomCommand extends StoreCommand {
    @Parameters(paramLabel = "NAME", description = "The room ('camlab rooms list').")
    String name;
}
