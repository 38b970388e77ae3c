package org.critsweep.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the kernels on this machine, measured side by side in one JVM: the Gaussian generator, a dense
 * layer, a Gram layer and CNN/LCN layers (each a full propagation step: activations, sampling, bookkeeping), the
 * convolution step alone, and the multiply-add floor of its inner loop. Each figure is a
 * {@link Timing} (the median over rounds after warm-up rounds); results are consumed so the JIT cannot drop the
 * work. One thread: multiply by cores for a Spark executor's throughput.
 */
public final class KernelBenchmark {

    private static final int WARMUP_ROUNDS = 3;

    private final int rounds;
    private double sink;

    public KernelBenchmark(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: expected >= 1, got " + rounds);
        }
        this.rounds = rounds;
    }

    /** Nanoseconds per N(0,1) sample of {@link NormalStream#fill}, in blocks of {@code block}. */
    public Timing nanosPerGaussian(int block) {
        NormalStream stream = ReplicaStreams.of(1, 2, 3);
        double[] buffer = new double[block];
        int repeats = Math.max(1, 4_000_000 / block);
        return measure(() -> {
            for (int k = 0; k < repeats; k++) {
                stream.fill(buffer, 0, block);
            }
            sink += buffer[block - 1];
        }, (double) repeats * block);
    }

    /** Nanoseconds per weight of a dense layer (time per layer / N²). */
    public Timing nanosPerDenseWeight(Activation phi, int width) {
        int depth = (int) Math.max(2, 3e7 / ((double) width * width));
        MlpPropagator propagator = MlpPropagator.dense(new NetworkSpec(phi, 1.4, 0.3, width, depth, 1.0, 0.8));
        return measurePropagation(propagator, (double) depth * width * width);
    }

    /** Nanoseconds per neuron of a Gram layer (time per layer / N). */
    public Timing nanosPerGramNeuron(Activation phi, int width) {
        int depth = (int) Math.max(2, 3e6 / width);
        MlpPropagator propagator = MlpPropagator.gram(new NetworkSpec(phi, 1.4, 0.3, width, depth, 1.0, 0.8));
        return measurePropagation(propagator, (double) depth * width);
    }

    /**
     * Nanoseconds per neuron of a Gram layer, per thread, while {@code threads} threads each propagate their own
     * network at once. Against {@link #nanosPerGramNeuron} on one thread this is how far the machine's cores scale for
     * the kernel alone — the ceiling of any parallel efficiency the sweep can reach here (shared physical cores or a
     * busy host show up as a ratio below one).
     */
    public Timing nanosPerGramNeuronConcurrently(Activation phi, int width, int threads) {
        int depth = (int) Math.max(2, 3e6 / width);
        List<MlpPropagator> propagators = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            propagators.add(MlpPropagator.gram(new NetworkSpec(phi, 1.4, 0.3, width, depth, 1.0, 0.8)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int[] replica = {0};
        try {
            return measure(() -> {
                int first = replica[0];
                replica[0] += threads;
                List<Future<Double>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    MlpPropagator propagator = propagators.get(t);
                    int stream = first + t;
                    runs.add(pool.submit(() -> {
                        double[] local = {0};
                        propagator.run(ReplicaStreams.of(5, 7, stream), o -> local[0] += o.qA());
                        return local[0];
                    }));
                }
                for (Future<Double> run : runs) {
                    sink += join(run);
                }
            }, (double) depth * width);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double join(Future<Double> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while benchmarking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark thread failed", e.getCause());
        }
    }

    /**
     * The multiply-add floor of the convolution's access pattern: nanoseconds per multiply-add of three dot products
     * that share one weight stream ({@code length} weights against three cache-resident columns), the inner loop of
     * {@link ConvPropagator} with nothing else around it.
     */
    public Timing nanosPerMultiplyAdd(int length) {
        double[] w = new double[length];
        double[] a = new double[length];
        double[] d = new double[length];
        double[] u = new double[length];
        ReplicaStreams.of(1, 2, 4).fill(w, 0, length);
        java.util.Arrays.fill(a, 0.5);
        java.util.Arrays.fill(d, -0.25);
        java.util.Arrays.fill(u, 0.125);
        int repeats = Math.max(1, 10_000_000 / length);
        return measure(() -> {
            for (int r = 0; r < repeats; r++) {
                double sumA = 0.0;
                double sumD = 0.0;
                double sumU = 0.0;
                for (int i = 0; i < length; i++) {
                    double weight = w[i];
                    sumA += weight * a[i];
                    sumD += weight * d[i];
                    sumU += weight * u[i];
                }
                sink += sumA + sumD + sumU;
            }
        }, 3.0 * repeats * length);
    }

    /**
     * Nanoseconds per multiply-add of a whole CNN or LCN layer (propagation step, activations, observables), per
     * replica: time per layer / (3 · sites · C² · k^d), the three being replica a, the difference and the tangent.
     */
    public Timing nanosPerConvMultiplyAdd(Activation phi, int dimensions, int channels, int size,
                                          boolean sharedWeights) {
        ConvSpec shape = convSpec(phi, dimensions, channels, size, 1, sharedWeights);
        double perLayer = 3.0 * shape.sites() * channels * channels * shape.taps();
        int depth = (int) Math.max(2, 1e8 / perLayer);
        ConvPropagator propagator = new ConvPropagator(convSpec(phi, dimensions, channels, size, depth,
                sharedWeights));
        int[] replica = {0};
        return measure(() -> propagator.run(ReplicaStreams.of(5, 9, replica[0]++), o -> sink += o.global().qA()),
                depth * perLayer);
    }

    /**
     * Nanoseconds per multiply-add of the convolution step alone (the weight draws and the three convolutions, no
     * activations or observables): {@link ConvPropagator#step} repeated on fixed columns.
     */
    public Timing nanosPerConvStepMultiplyAdd(Activation phi, int dimensions, int channels, int size,
                                              boolean sharedWeights) {
        ConvSpec spec = convSpec(phi, dimensions, channels, size, 1, sharedWeights);
        double perLayer = 3.0 * spec.sites() * channels * channels * spec.taps();
        int layers = (int) Math.max(2, 1e8 / perLayer);
        ConvPropagator propagator = new ConvPropagator(spec);
        NormalStream random = ReplicaStreams.of(5, 10, 0);
        propagator.drawInputs(random);
        propagator.state.startReplica();
        propagator.state.prepareColumns(phi);
        return measure(() -> {
            for (int l = 0; l < layers; l++) {
                propagator.step(random);
            }
            sink += propagator.state.nextA[0];
        }, layers * perLayer);
    }

    private static ConvSpec convSpec(Activation phi, int dimensions, int channels, int size, int depth,
                                     boolean sharedWeights) {
        return new ConvSpec(phi, 1.4, 0.3, dimensions, channels, size, 3, depth, 1.0, 0.8, Protocol.PAIR,
                new double[] {1e-9, 1e-6, 1e-3}, sharedWeights);
    }

    private Timing measurePropagation(MlpPropagator propagator, double units) {
        int[] replica = {0};
        return measure(() -> propagator.run(ReplicaStreams.of(5, 7, replica[0]++), o -> sink += o.qA()), units);
    }

    private Timing measure(Runnable work, double units) {
        return Timing.measure(work, WARMUP_ROUNDS, rounds, units);
    }

    /** The consumed results; reading it keeps the measured work observable. */
    public double sink() {
        return sink;
    }
}
