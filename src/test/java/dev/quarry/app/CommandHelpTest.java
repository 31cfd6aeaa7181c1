package dev.quarry.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandHelpTest {

    @Test
    void everyCommandExplainsItselfWithHelp() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        assertTrue(commands.size() > 1, "the command tree has subcommands");
        for (CommandLine command : commands) {
            if (command.getCommandName().equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            command.setOut(new PrintWriter(out));
            int status = command.execute("--help");
            String name = command.getCommandSpec().qualifiedName();
            assertEquals(0, status, name + " --help exits 0");
            assertTrue(out.toString().startsWith("Usage: " + name), name + " prints its usage:\n" + out);
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
