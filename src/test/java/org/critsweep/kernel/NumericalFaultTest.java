package org.critsweep.kernel;

import static org.critsweep.kernel.PowerLawCrossing.LN_RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.critsweep.kernel.NumericalFault.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numerical faults (docs/ERRORS.md): a replica stops at the first layer whose lengths leave [2^-500, 2^500], at the
 * layer the closed-form growth of a linear net predicts ({@link PowerLawCrossing}), every layer before it is finite
 * and usable, and the propagator runs the next replica as if nothing had happened.
 */
class NumericalFaultTest {

    private static final Activation LINEAR = ActivationKind.LINEAR.activation();
    private static final int REPLICAS = 5;

    /** A replica's delivered layers and how it ended. */
    record Run(List<LayerObservables> layers, Optional<NumericalFault> fault) {
    }

    static Stream<Arguments> samplers() {
        return Stream.of(Arguments.of("dense", (Function<NetworkSpec, MlpPropagator>) MlpPropagator::dense),
                Arguments.of("gram", (Function<NetworkSpec, MlpPropagator>) MlpPropagator::gram));
    }

    /**
     * Linear, σ_b = 0: |h_l|² = N q0 σ_w^{2l} times a product of χ²_N/N factors, and the range check sees the next
     * layer's σ_w²|h_l|² first: with σ_w = 1e10 and N = 8 it passes 2^500 between layers 6 and 7, 22 and 24 in ln
     * away from the bound on either side.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void qOverflowStopsAtTheLayerThePowerLawPredicts(String name, Function<NetworkSpec, MlpPropagator> sampler) {
        double sigmaW = 1e10;
        int width = 8;
        int expected = PowerLawCrossing.layer(Math.log(width) + 2 * Math.log(sigmaW), 2 * Math.log(sigmaW), LN_RANGE);
        assertEquals(7, expected);
        MlpPropagator propagator = sampler.apply(new NetworkSpec(LINEAR, sigmaW, 0.0, width, 20, 1.0, 0.8));
        for (int r = 0; r < REPLICAS; r++) {
            assertStopped(mlp(propagator, r), Kind.Q_OVERFLOW, expected);
        }
    }

    /** The same law downwards: σ_w = 1e-10 takes |h|² = 8 q0 σ_w^{2l} below 2^-500 between layers 7 and 8. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void qUnderflowStopsAtTheLayerThePowerLawPredicts(String name, Function<NetworkSpec, MlpPropagator> sampler) {
        double sigmaW = 1e-10;
        int width = 8;
        int expected = PowerLawCrossing.layer(Math.log(width), 2 * Math.log(sigmaW), -LN_RANGE);
        assertEquals(8, expected);
        MlpPropagator propagator = sampler.apply(new NetworkSpec(LINEAR, sigmaW, 0.0, width, 20, 1.0, 0.8));
        for (int r = 0; r < REPLICAS; r++) {
            assertStopped(mlp(propagator, r), Kind.Q_UNDERFLOW, expected);
        }
    }

    /**
     * The CNN's layer has the MLP's law with n = C·L components (W ~ N(0, σ_w²/(Ck))): overflow at layer 7 as for the
     * MLP; underflow at layer 8, where a site's |h_x|² = C q0 σ_w^{2l} (C = 4) passes 2^-500 with the layer's.
     */
    @Test
    void convolutionalNetsStopAtThePredictedLayersToo() {
        int overflow = PowerLawCrossing.layer(Math.log(4 * 8) + 2 * Math.log(1e10), 2 * Math.log(1e10), LN_RANGE);
        int underflow = PowerLawCrossing.layer(Math.log(4), 2 * Math.log(1e-10), -LN_RANGE);
        assertEquals(7, overflow);
        assertEquals(8, underflow);
        for (int r = 0; r < REPLICAS; r++) {
            assertStopped(conv(convSpec(LINEAR, 1e10), r), Kind.Q_OVERFLOW, overflow);
            assertStopped(conv(convSpec(LINEAR, 1e-10), r), Kind.Q_UNDERFLOW, underflow);
        }
    }

    /**
     * ReLU at σ_b = 0 with N = 2 switches every neuron off with probability ≈ 1/4 a layer; the next layer is then
     * exactly 0. With c0 = 1 both replicas are one, so the net dies exactly at the layer after the first one with
     * G = σ_w²|φ(h)|²/N = 0 — the truth read from the delivered layers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void aDeadReluNetStopsTheLayerAfterEveryNeuronWentOff(String name, Function<NetworkSpec, MlpPropagator> sampler) {
        MlpPropagator propagator = sampler.apply(
                new NetworkSpec(ActivationKind.RELU.activation(), 1.4, 0.0, 2, 200, 1.0, 1.0));
        for (int r = 0; r < 20; r++) {
            Run run = mlp(propagator, r);
            LayerObservables last = run.layers().get(run.layers().size() - 1);
            assertEquals(0.0, last.gA(), "replica " + r + ": the last layer delivered switched every neuron off");
            assertTrue(run.layers().stream().limit(run.layers().size() - 1).allMatch(o -> o.gA() > 0.0));
            assertStopped(run, Kind.Q_UNDERFLOW, last.layer() + 1);
        }
    }

    /**
     * φ = x up to |x| = T = 1e27, NaN beyond. With σ_w = 1e6 the largest |h_i| of layer l lies between √q_l and
     * √(N q_l), q_l ≈ σ_w^{2l}: below T at layer 4 (ln N q_4 is 11.7 below ln T²), above it at layer 5 (ln q_5 is 13.8
     * above): a NaN φ stops the replica at layer 5 (through |φ(h)|²); a NaN φ′ alone one layer later (through the
     * tangent's length).
     */
    @Test
    void aNanActivationStopsAtTheLayerWhosePreActivationsPassTheLimit() {
        double sigmaW = 1e6;
        double limit = 1e27;
        int expected = PowerLawCrossing.layer(0.0, 2 * Math.log(sigmaW), 2 * Math.log(limit));
        assertEquals(5, expected);
        for (boolean valueToo : new boolean[] {true, false}) {
            NetworkSpec spec = new NetworkSpec(TestActivation.nanBeyond(limit, valueToo), sigmaW, 0.0, 8, 20, 1.0, 0.8);
            int layer = valueToo ? expected : expected + 1;
            for (MlpPropagator propagator : List.of(MlpPropagator.dense(spec), MlpPropagator.gram(spec))) {
                for (int r = 0; r < REPLICAS; r++) {
                    Run run = mlp(propagator, r);
                    assertStopped(run, Kind.NAN_ACTIVATION, layer);
                    LayerObservables before = run.layers().get(expected - 1);
                    assertTrue(Math.sqrt(8 * Math.max(before.qA(), before.qB())) < limit, "no |h_i| reached T before");
                }
            }
            ConvSpec conv = new ConvSpec(TestActivation.nanBeyond(limit, valueToo), sigmaW, 0.0, 1, 4, 2, 1, 20, 1.0,
                    0.8, Protocol.PAIR, new double[] {1e-6, 1e-3});
            for (int r = 0; r < REPLICAS; r++) {
                assertStopped(conv(conv, r), Kind.NAN_ACTIVATION, layer);
            }
        }
    }

    /** φ′ = 1e200 makes |W(φ′ ⊙ u)|² = ∞ for a unit tangent at once: the replica stops at layer 1. */
    @Test
    void anOverflowingTangentStopsAtTheFirstLayer() {
        NetworkSpec spec = new NetworkSpec(TestActivation.steepSlope(), 1.0, 0.3, 8, 20, 1.0, 0.8);
        assertStopped(mlp(MlpPropagator.gram(spec), 0), Kind.TANGENT_OVERFLOW, 1);
        assertStopped(mlp(MlpPropagator.dense(spec), 0), Kind.TANGENT_OVERFLOW, 1);
    }

    /**
     * tanh is bounded, so its q never overflows — but σ_w = 1e80 puts the next layer's |h|² = σ_w²|tanh(h)|² at
     * ~1e160 already at the input. (Before the range check such a net reported ρ = 0 with ln ρ = −∞ from layer 1 on: a
     * false absorption, because |a|²|b|² overflowed.)
     */
    @Test
    void aTanhNetWithAHugeWeightScaleStopsAtTheInput() {
        Run run = mlp(MlpPropagator.gram(new NetworkSpec(ActivationKind.TANH.activation(), 1e80, 0.3, 8, 5, 1.0, 0.8)),
                0);
        assertEquals(List.of(), run.layers());
        assertEquals(Optional.of(new NumericalFault(0, Kind.Q_OVERFLOW)), run.fault());
    }

    /** A fault depends on the replica's key only: after a faulted replica, the next one is what a fresh run gives. */
    @Test
    void aFaultedReplicaLeavesThePropagatorAsIfItWereNew() {
        NetworkSpec spec = new NetworkSpec(ActivationKind.RELU.activation(), 1.4, 0.0, 3, 5, 1.0, 0.8);
        MlpPropagator shared = MlpPropagator.gram(spec);
        int faulted = 0;
        for (int r = 0; r < 12; r++) {
            Run reused = mlp(shared, r);
            Run fresh = mlp(MlpPropagator.gram(spec), r);
            assertEquals(fresh, reused, "replica " + r);
            faulted += reused.fault().isPresent() ? 1 : 0;
        }
        assertTrue(faulted > 0 && faulted < 12, "some replicas, not all, died: " + faulted);
    }

    /**
     * No built-in φ returns NaN for a huge argument: inside the range, |h_i| stays below ~2^256, and sin, erf and tanh
     * stay finite far beyond (Math.sin(±∞) is NaN, but the range check stops a replica before h can be infinite). So
     * {@link Kind#NAN_ACTIVATION} needs a test activation.
     */
    @Test
    void builtInActivationsStayFiniteAtHugeArguments() {
        double[] arguments = {1e10, 1e100, 0x1p260, 1e300};
        double[] steps = {1e-300, 0.01, 1.0, 1e100};
        for (ActivationKind kind : ActivationKind.values()) {
            Activation phi = kind.activation();
            for (double magnitude : arguments) {
                for (double x : new double[] {magnitude, -magnitude}) {
                    assertTrue(Double.isFinite(phi.value(x)) && Double.isFinite(phi.derivative(x)), phi.name() + " at " + x);
                    for (double d : steps) {
                        assertTrue(Double.isFinite(phi.difference(x, d)), phi.name() + " step " + d + " at " + x);
                    }
                }
            }
        }
    }

    /** The replica stopped at {@code layer} for {@code kind}, and every layer before it was delivered and usable. */
    static void assertStopped(Run run, Kind kind, int layer) {
        assertEquals(Optional.of(new NumericalFault(layer, kind)), run.fault());
        assertEquals(layer, run.layers().size(), "layers 0.." + (layer - 1) + " delivered");
        for (int l = 0; l < layer; l++) {
            LayerObservables o = run.layers().get(l);
            assertEquals(l, o.layer());
            String at = "layer " + l + ": " + o;
            assertTrue(o.qA() > 0 && o.qB() > 0 && Double.isFinite(o.qA()) && Double.isFinite(o.qB()), at);
            assertTrue(Double.isFinite(o.rho()) && o.rho() >= 0 && Double.isFinite(o.gA()) && Double.isFinite(o.probe()),
                    at);
            assertTrue(Double.isFinite(o.lnRho()) || o.absorbed(), at);
            assertFalse(Double.isNaN(o.tangentLogNorm()) || o.tangentLogNorm() == Double.POSITIVE_INFINITY, at);
            assertTrue(l == 0 || !Double.isNaN(o.tangentLogGrowth()), at);
        }
    }

    static Run mlp(MlpPropagator propagator, int replica) {
        List<LayerObservables> layers = new ArrayList<>();
        Optional<NumericalFault> fault = propagator.run(ReplicaStreams.of(31, 37, replica), layers::add);
        return new Run(layers, fault);
    }

    static Run conv(ConvSpec spec, int replica) {
        List<LayerObservables> layers = new ArrayList<>();
        Optional<NumericalFault> fault = new ConvPropagator(spec).run(ReplicaStreams.of(31, 41, replica),
                o -> layers.add(o.global()));
        return new Run(layers, fault);
    }

    private static ConvSpec convSpec(Activation phi, double sigmaW) {
        return new ConvSpec(phi, sigmaW, 0.0, 1, 4, 8, 3, 20, 1.0, 0.8, Protocol.PAIR, new double[] {1e-6, 1e-3});
    }
}
