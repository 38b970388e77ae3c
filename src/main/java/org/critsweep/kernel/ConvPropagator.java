package org.critsweep.kernel;

import java.util.Optional;

/**
 * Propagates a replica pair and a forward tangent through a random CNN (PHYSICS.md §1–2), with the same exact
 * difference propagation as {@link MlpPropagator}: h^a and d = h^b − h^a stored as d̃·2^e, so ρ_x keeps full relative
 * precision at every site and an exact merger stays exact.
 *
 * <p>Layout: component (x, c) at index x·C + c (channels contiguous); weights W[j][c][c′] for tap j. Draw order (the
 * stream contract): the inputs (PAIR: per site e1 then e2, C Gaussians each; SPREADING: per site e1, then e2 of the
 * origin), the tangent u^0 (C·L^d), then per layer the C·C·k^d weights and the C biases — once for a CNN, and for the
 * locally connected control ({@link ConvSpec#sharedWeights()} false) once per site, site by site, so that every site
 * has its own filter. Buffers are allocated once; a layer allocates nothing.
 */
public final class ConvPropagator extends PairPropagation<ConvObservables> {

    private final ConvSpec spec;
    private final int channels;
    private final int sites;
    private final int taps;
    private final int n;
    private final int[] neighbours;
    private final double[] distance2;
    private final double[] lnThresholds;
    private final double[] weights;
    private final double[] bias;
    private final double[] siteLnRho;
    private final double[] scratch;
    private final PairGeometry geometry = new PairGeometry();

    public ConvPropagator(ConvSpec spec) {
        super(spec.channels() * spec.sites(), spec.depth());
        this.spec = spec;
        this.channels = spec.channels();
        this.sites = spec.sites();
        this.taps = spec.taps();
        this.n = channels * sites;
        this.neighbours = neighbourTable(spec);
        this.distance2 = distancesFromOrigin(spec);
        double[] thresholds = spec.activeThresholds();
        this.lnThresholds = new double[thresholds.length];
        for (int k = 0; k < thresholds.length; k++) {
            lnThresholds[k] = Math.log(thresholds[k]);
        }
        weights = new double[taps * channels * channels];
        bias = new double[channels];
        siteLnRho = new double[sites];
        scratch = new double[channels];
    }

    /**
     * Runs one replica pair through layers 0..depth — up to the layer before a numerical fault, if one stops it.
     *
     * @return the fault that stopped the replica, or empty when it reached the last layer
     */
    public Optional<NumericalFault> run(NormalStream random, ConvSink sink) {
        return propagate(random, spec.activation(), sink::accept);
    }

    @Override
    void drawInputs(NormalStream random) {
        double[] a = state.a;
        double[] d = state.d;
        double radius = Math.sqrt(channels * spec.q0());
        double c0 = spec.c0();
        double along = c0 - 1.0;
        double across = Math.sqrt((1.0 - c0) * (1.0 + c0));
        boolean pair = spec.protocol() == Protocol.PAIR;
        for (int x = 0; x < sites; x++) {
            int base = x * channels;
            random.fill(a, base, base + channels);
            normaliseBlock(a, base);
            if (pair) {
                setDifference(random, base, radius, along, across);
            } else {
                java.util.Arrays.fill(d, base, base + channels, 0.0);
            }
            for (int c = 0; c < channels; c++) {
                a[base + c] *= radius;
            }
        }
        if (!pair) {
            setDifference(random, 0, radius, along, across);
        }
        Vectors.fillGaussian(state.u, random);
    }

    /** d_x = scale·((c0 − 1)e1 + √(1 − c0²) e2), e1 the direction of a's block at x, e2 ⟂ e1 drawn now. */
    private void setDifference(NormalStream random, int base, double scale, double along, double across) {
        double[] a = state.a;
        double[] d = state.d;
        random.fill(scratch, 0, channels);
        double e1Norm2 = 0.0;
        double overlap = 0.0;
        for (int c = 0; c < channels; c++) {
            e1Norm2 += a[base + c] * a[base + c];
            overlap += a[base + c] * scratch[c];
        }
        double projection = overlap / e1Norm2;
        double norm2 = 0.0;
        for (int c = 0; c < channels; c++) {
            scratch[c] -= projection * a[base + c];
            norm2 += scratch[c] * scratch[c];
        }
        double e1Scale = 1.0 / Math.sqrt(e1Norm2);
        double e2Scale = 1.0 / Math.sqrt(norm2);
        for (int c = 0; c < channels; c++) {
            d[base + c] = scale * (along * a[base + c] * e1Scale + across * scratch[c] * e2Scale);
        }
    }

    private void normaliseBlock(double[] x, int base) {
        double norm2 = 0.0;
        for (int c = 0; c < channels; c++) {
            norm2 += x[base + c] * x[base + c];
        }
        double inverse = 1.0 / Math.sqrt(norm2);
        for (int c = 0; c < channels; c++) {
            x[base + c] *= inverse;
        }
    }

    /**
     * One layer: out(x, c) = Σ_j Σ_c′ W[j][c][c′] in(x + offset_j, c′), for the three fields; bias on replica a. W and
     * the bias are the layer's (CNN) or site x's (LCN, drawn just before x is computed).
     */
    @Override
    void step(NormalStream random) {
        boolean shared = spec.sharedWeights();
        if (shared) {
            drawFilter(random);
        }
        for (int x = 0; x < sites; x++) {
            if (!shared) {
                drawFilter(random);
            }
            applyFilter(x);
        }
    }

    private void drawFilter(NormalStream random) {
        random.fill(weights, 0, weights.length);
        random.fill(bias, 0, channels);
    }

    /** The three fields' next values at site x from the filter now in {@link #weights} and {@link #bias}. */
    private void applyFilter(int x) {
        double[] postActivation = state.postActivation;
        double[] deltaPhi = state.deltaPhi;
        double[] tangentIn = state.tangentIn;
        double weightScale = spec.sigmaW() / Math.sqrt((double) channels * taps);
        double sigmaB = spec.sigmaB();
        for (int c = 0; c < channels; c++) {
            double sumA = 0.0;
            double sumD = 0.0;
            double sumU = 0.0;
            for (int j = 0; j < taps; j++) {
                int in = neighbours[x * taps + j] * channels;
                int w = (j * channels + c) * channels;
                for (int k = 0; k < channels; k++) {
                    double weight = weights[w + k];
                    sumA += weight * postActivation[in + k];
                    sumD += weight * deltaPhi[in + k];
                    sumU += weight * tangentIn[in + k];
                }
            }
            int out = x * channels + c;
            state.nextA[out] = weightScale * sumA + sigmaB * bias[c];
            state.nextD[out] = weightScale * sumD;
            state.nextU[out] = weightScale * sumU;
        }
    }

    @Override
    ConvObservables observe(int layer, double growth, double logNorm) {
        double[] a = state.a;
        double sumAA = 0.0;
        double sumBB = 0.0;
        double smallestSite = Double.POSITIVE_INFINITY;
        double maxLnRho = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < sites; x++) {
            geometry.measure(a, state.d, state.dExponent, state.merged, x * channels, (x + 1) * channels);
            sumAA += geometry.sumAA;
            sumBB += geometry.sumBB;
            // ρ_x divides by both site lengths, so each must be in range, not only their sums (Math.min keeps a NaN).
            smallestSite = Math.min(smallestSite, Math.min(geometry.sumAA, geometry.sumBB));
            siteLnRho[x] = geometry.lnRho;
            maxLnRho = Math.max(maxLnRho, geometry.lnRho);
        }
        // Global ρ = mean_x ρ_x, summed relative to the largest term so ln ρ stays exact below the double range.
        double lnRho = Double.NEGATIVE_INFINITY;
        if (maxLnRho > Double.NEGATIVE_INFINITY) {
            double sum = 0.0;
            for (double v : siteLnRho) {
                sum += Math.exp(v - maxLnRho);
            }
            lnRho = maxLnRho + Math.log(sum / sites);
        }
        double rho = Math.exp(lnRho);
        double sumPhi2 = Vectors.dot(state.postActivation, state.postActivation);
        double g = spec.sigmaW() * spec.sigmaW() * sumPhi2 / n + spec.sigmaB() * spec.sigmaB();
        lengths.sumAA = sumAA;
        lengths.sumBB = sumBB;
        lengths.smallestBlock = smallestSite;
        lengths.next = g * n;
        LayerObservables global = new LayerObservables(layer, sumAA / n, sumBB / n, rho, lnRho, g, growth, logNorm,
                a[0], Vectors.sumFourth(a) / n);
        int[] active = new int[lnThresholds.length];
        double[] spread = new double[lnThresholds.length];
        for (int k = 0; k < lnThresholds.length; k++) {
            double r2 = 0.0;
            for (int x = 0; x < sites; x++) {
                if (siteLnRho[x] > lnThresholds[k]) {
                    active[k]++;
                    r2 += distance2[x];
                }
            }
            spread[k] = active[k] == 0 ? Double.NaN : r2 / active[k];
        }
        return new ConvObservables(global, active, spread);
    }

    /** neighbours[x·taps + j] = the site at offset j of the kernel from x, periodic. */
    private static int[] neighbourTable(ConvSpec spec) {
        int size = spec.size();
        int r = spec.kernelSize() / 2;
        int taps = spec.taps();
        int[] table = new int[spec.sites() * taps];
        for (int x = 0; x < spec.sites(); x++) {
            int j = 0;
            if (spec.dimensions() == 1) {
                for (int dx = -r; dx <= r; dx++) {
                    table[x * taps + j++] = Math.floorMod(x + dx, size);
                }
            } else {
                int row = x / size;
                int column = x % size;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        table[x * taps + j++] = Math.floorMod(row + dy, size) * size + Math.floorMod(column + dx, size);
                    }
                }
            }
        }
        return table;
    }

    /** Squared minimal-image distance of each site from the origin. */
    private static double[] distancesFromOrigin(ConvSpec spec) {
        int size = spec.size();
        double[] result = new double[spec.sites()];
        for (int x = 0; x < spec.sites(); x++) {
            int dx = spec.dimensions() == 1 ? x : x % size;
            int dy = spec.dimensions() == 1 ? 0 : x / size;
            dx = Math.min(dx, size - dx);
            dy = Math.min(dy, size - dy);
            result[x] = (double) dx * dx + (double) dy * dy;
        }
        return result;
    }
}
