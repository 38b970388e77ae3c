package org.critsweep.kernel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One layer of each sampler on fixed columns, and the generator filling N samples, per width. Honest because the
 * outputs go to a Blackhole, the state is per thread and reused (as in a sweep task), and the generator state
 * advances between invocations, so no call can be constant-folded. Divide by N² (dense), N (Gram, generator).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LayerBenchmarks {

    @Param({"256", "1024", "4096"})
    int width;

    private double[] post;
    private double[] diff;
    private double[] tangent;
    private double[] nextA;
    private double[] nextD;
    private double[] nextU;
    private double[] samples;
    private DenseLayerMap dense;
    private GramLayerMap gram;
    private NormalStream stream;

    @Setup(Level.Trial)
    public void setUp() {
        stream = ReplicaStreams.of(17, 19, 23);
        post = new double[width];
        diff = new double[width];
        tangent = new double[width];
        nextA = new double[width];
        nextD = new double[width];
        nextU = new double[width];
        samples = new double[width];
        stream.fill(post, 0, width);
        stream.fill(diff, 0, width);
        stream.fill(tangent, 0, width);
        dense = new DenseLayerMap(1.4, 0.3, width);
        gram = new GramLayerMap(1.4, 0.3, width);
    }

    @Benchmark
    public void generatorFillsN(Blackhole hole) {
        stream.fill(samples, 0, width);
        hole.consume(samples);
    }

    @Benchmark
    public void denseLayer(Blackhole hole) {
        dense.apply(post, diff, tangent, nextA, nextD, nextU, stream);
        hole.consume(nextA);
    }

    @Benchmark
    public void gramLayer(Blackhole hole) {
        gram.apply(post, diff, tangent, nextA, nextD, nextU, stream);
        hole.consume(nextA);
    }
}
