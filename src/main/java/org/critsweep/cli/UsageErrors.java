package org.critsweep.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.critsweep.grid.NearestName;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line error — an unknown option or command, a missing or unconvertible argument — as one line
 * with exit code 2, like a bad campaign key: what is wrong, the nearest valid name when there is one, and the allowed
 * names; the full usage is one {@code --help} away rather than printed after every typo.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("critsweep: " + describe(e) + " (see " + command.getCommandSpec().qualifiedName()
                + " --help)");
        command.getErr().flush();
        return Main.BAD_INPUT;
    }

    private static String describe(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        Set<String> commands = new TreeSet<>(spec.subcommands().keySet());
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                List<String> options = spec.options().stream().map(OptionSpec::longestName).sorted().toList();
                return "unknown option '" + first + "'" + NearestName.offer(NearestName.among(first, options),
                        "allowed", options);
            }
            if (!commands.isEmpty()) {
                return "unknown command '" + first + "'" + NearestName.offer(NearestName.among(first, commands),
                        "allowed", commands);
            }
        }
        if (e.getMessage().startsWith("Missing required subcommand")) {
            return "missing command; allowed: " + String.join(", ", commands);
        }
        return e.getMessage();
    }
}
