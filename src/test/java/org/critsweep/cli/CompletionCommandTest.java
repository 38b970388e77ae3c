package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code completion bash|zsh}: the script is valid bash ({@code bash -n}), and bash, completing {@code --} after every
 * command and a word after every command with subcommands, offers exactly the options and subcommands of the
 * command-line model (walked here from {@link Main}'s definitions, not listed by hand).
 */
class CompletionCommandTest {

    @TempDir
    Path temp;

    /** Every command of the model by its words after {@code critsweep} ("" for the root). */
    static Map<String, CommandLine> commands() {
        CommandLine root = new CommandLine(new Main());
        Main.withHelpOptions(root);
        Map<String, CommandLine> commands = new TreeMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine command = todo.remove(0);
            List<String> words = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                words.add(0, c.getCommandName());
            }
            commands.put(String.join(" ", words), command);
            todo.addAll(command.getSubcommands().values());
        }
        return commands;
    }

    /** Runs bash with the script sourced and {@code lines}; its stdout. */
    String bash(String script, String lines) throws IOException, InterruptedException {
        Path file = Files.writeString(temp.resolve("completion.bash"), script);
        Process bash = new ProcessBuilder("bash", "-c", "source " + file + " 2>/dev/null\n" + lines)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        return out;
    }

    /** The shell lines that complete {@code critsweep WORDS CURRENT} and print the candidates, one per line. */
    static String complete(String words, String current) {
        String line = ("critsweep " + words + " " + current).replaceAll(" +", " ");
        return "COMP_WORDS=(" + line + "); COMP_CWORD=" + (line.split(" ").length - (current.isEmpty() ? 0 : 1))
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _complete_critsweep"
                + " 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"; echo '#'\n";
    }

    @Test
    void theScriptIsValidBashForEitherShell() throws Exception {
        Outcome bashScript = cli("completion", "bash");
        Outcome zshScript = cli("completion", "zsh");
        assertEquals(0, bashScript.exitCode(), bashScript.err());
        assertEquals(0, zshScript.exitCode(), zshScript.err());
        assertEquals(bashScript.out(), zshScript.out(), "one script: zsh runs it through bashcompinit");
        assertTrue(zshScript.out().contains("bashcompinit"), "the script loads zsh's bash-completion emulation");
        Path file = Files.writeString(temp.resolve("syntax.bash"), bashScript.out());
        Process check = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), "bash -n: " + out);
    }

    @Test
    void bashOffersEveryOptionAndSubcommandOfTheModel() throws Exception {
        String script = cli("completion", "bash").out();
        Map<String, CommandLine> commands = commands();
        StringBuilder lines = new StringBuilder();
        for (String words : commands.keySet()) {
            lines.append(complete(words, "--"));
            if (!commands.get(words).getSubcommands().isEmpty()) {
                lines.append(complete(words, ""));
            }
        }
        List<String> replies = new ArrayList<>(Arrays.asList(bash(script, lines.toString()).split("#\n", -1)));
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            TreeSet<String> options = new TreeSet<>();
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                Arrays.stream(option.names()).filter(n -> n.startsWith("--")).forEach(options::add);
            }
            assertEquals(options, candidates(replies.remove(0)), "critsweep " + command.getKey() + " --[TAB]");
            if (!command.getValue().getSubcommands().isEmpty()) {
                assertEquals(new TreeSet<>(command.getValue().getSubcommands().keySet()), candidates(replies.remove(0)),
                        "critsweep " + command.getKey() + " [TAB]");
            }
        }
        assertTrue(commands.containsKey("completion") && commands.containsKey("theory point"), commands.keySet()
                .toString());
    }

    private static TreeSet<String> candidates(String reply) {
        TreeSet<String> candidates = new TreeSet<>(Arrays.asList(reply.split("\n")));
        candidates.remove("");
        return candidates;
    }
}
