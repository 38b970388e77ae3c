package org.critsweep.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: prints the shell completion script of every command and option, generated from the
 * command definitions (picocli's {@link AutoComplete}), so it cannot fall behind them. The script is a bash one; zsh
 * runs it through its bash-completion emulation (the script loads {@code bashcompinit} itself), so both shells get
 * the same text.
 */
@Command(name = "completion", description = {"Print the shell completion script (README, \"Shell completion\").",
    "bash: source <(bin/critsweep completion bash)   zsh: source <(bin/critsweep completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script serves. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
