package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.Limits;
import org.critsweep.kernel.Activation;
import org.critsweep.kernel.KernelBenchmark;
import org.critsweep.kernel.Timing;
import org.critsweep.theory.TheoryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: kernel throughput on this machine without Spark, each figure next to the generator's floor. */
@Command(name = "bench", description = "Measure kernel throughput (one thread, no Spark): generator, dense and Gram layers.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--widths", split = ",", paramLabel = "N[,N...]", defaultValue = "256,1024,4096",
            description = "Widths to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> widths;

    @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds per figure; the median is reported.")
    int rounds;

    @Option(names = "--activation", defaultValue = "tanh", description = "Activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Activation phi = ActivationConverter.convert(activation);
        if (rounds < 1) {
            throw new BadInputException("--rounds", "expected an integer >= 1, got " + rounds);
        }
        for (int width : widths) {
            if (width < 2) {
                throw new BadInputException("--widths", "expected integers >= 2, got " + width);
            }
            Limits.atMost("--widths", width, Limits.MAX_NEURONS, "neurons per layer one core can hold");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("critsweep bench: one thread, " + activation + ", median of " + rounds + " rounds ("
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ")");
        out.flush();
        KernelBenchmark bench = new KernelBenchmark(rounds);
        TextTable table = new TextTable(List.of("N", "gaussian_ns", "dense_ns_per_weight", "dense_over_gaussian",
                "gram_ns_per_neuron", "gram_us_per_layer", "dense_over_gram_per_layer"));
        for (int width : widths) {
            Timing gaussian = bench.nanosPerGaussian(width);
            Timing dense = bench.nanosPerDenseWeight(phi, width);
            Timing gram = bench.nanosPerGramNeuron(phi, width);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(width));
            row.add(Formats.number(gaussian.median()));
            row.add(Formats.number(dense.median()));
            row.add(Formats.number(dense.median() / gaussian.median()));
            row.add(Formats.number(gram.median()));
            row.add(Formats.number(gram.median() * width / 1e3));
            row.add(Formats.number(dense.median() * width / gram.median()));
            table.add(row);
        }
        out.print(table.render());
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1) {
            int width = widths.get(widths.size() / 2);
            double alone = bench.nanosPerGramNeuron(phi, width).median();
            double together = bench.nanosPerGramNeuronConcurrently(phi, width, cores).median();
            out.println("gram N=" + width + " on " + cores + " threads at once: " + Formats.number(together)
                    + " ns per neuron per thread against " + Formats.number(alone) + " alone: the cores scale to "
                    + Formats.number(100 * alone / together) + " % (the ceiling of the sweep's parallel efficiency)");
        }
        out.print(convTable(bench, phi, bench.nanosPerGramNeuron(phi, 1024).median()).render());
        TheoryBenchmark theory = new TheoryBenchmark(rounds);
        out.println("theory point (" + activation + ", sigma_w 1.5, sigma_b 0.05): "
                + Formats.number(theory.pointMillis(phi, 1.5, 0.05)) + " ms; critical line at 100 sigma_b: "
                + Formats.number(theory.criticalLineMillis(phi, 100)) + " ms");
        out.println("(checksum " + Formats.number(bench.sink() + theory.sink()) + ")");
        out.flush();
        return 0;
    }

    /** The lattice nets' layers against the multiply-add floor and the Gram MLP (PERFORMANCE.md, "CNN and LCN"). */
    private static TextTable convTable(KernelBenchmark bench, Activation phi, double gramNanosPerNeuron) {
        double floor = bench.nanosPerMultiplyAdd(4096).median();
        TextTable table = new TextTable(List.of("arch", "C", "L", "k", "layer_ns_per_madd", "step_ns_per_madd",
                "floor_ns_per_madd", "layer_over_floor", "ns_per_site_channel", "over_gram_neuron_1024"));
        int[][] shapes = {{1, 8, 256}, {1, 64, 256}, {2, 32, 32}};
        for (boolean shared : new boolean[] {true, false}) {
            for (int[] shape : shapes) {
                int dimensions = shape[0];
                int channels = shape[1];
                int size = shape[2];
                double layer = bench.nanosPerConvMultiplyAdd(phi, dimensions, channels, size, shared).median();
                double step = bench.nanosPerConvStepMultiplyAdd(phi, dimensions, channels, size, shared).median();
                double perSiteChannel = layer * 3 * channels * Math.pow(3, dimensions);
                table.add(List.of((shared ? "cnn" : "lcn") + dimensions + "d", Integer.toString(channels),
                        Integer.toString(size), "3", Formats.number(layer), Formats.number(step),
                        Formats.number(floor), Formats.number(layer / floor), Formats.number(perSiteChannel),
                        Formats.number(perSiteChannel / gramNanosPerNeuron)));
            }
        }
        return table;
    }
}
