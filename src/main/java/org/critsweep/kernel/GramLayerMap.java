package org.critsweep.kernel;

/**
 * The exact Gram sampler (PHYSICS.md §3): given the post-activation block Y = [φ(h^a), Δφ, φ′ ⊙ u], the next
 * layer's rows are iid Gaussian with covariance σ_w² YᵀY/N + σ_b² e₀e₀ᵀ (the bias acts on replica a only), so it
 * draws H = (σ_w/√N) Z R, Z an N × 3 matrix of independent normals and R the triangular factor of that covariance —
 * O(N) per layer instead of the dense O(N²), and exact in distribution for forward quantities and forward tangents.
 * The bias is folded into R by appending the row (σ_b√N/σ_w, 0, 0) to Y before the thin QR, since
 * Y′ᵀY′ = YᵀY + (Nσ_b²/σ_w²) e₀e₀ᵀ: three Gaussians per neuron, not four, and the QR keeps tiny difference and tangent
 * columns at full relative precision. Not valid for weight sharing (CNN), backpropagation or weights tied across
 * layers. Draw order (part of the stream contract): Z row-major, three per neuron.
 */
public final class GramLayerMap implements LayerMap {

    private final int width;
    private final double weightScale;
    private final double biasRow;
    private final double[] c0;
    private final double[] c1;
    private final double[] c2;
    private final double[] r = new double[9];
    private final double[] z;

    public GramLayerMap(double sigmaW, double sigmaB, int width) {
        this.width = width;
        this.weightScale = sigmaW / Math.sqrt(width);
        this.biasRow = sigmaB / weightScale;
        this.c0 = new double[width + 1];
        this.c1 = new double[width + 1];
        this.c2 = new double[width + 1];
        this.z = new double[3 * width];
    }

    @Override
    public void apply(double[] postActivation, double[] difference, double[] tangent,
                      double[] nextPreActivation, double[] nextDifference, double[] nextTangent, NormalStream random) {
        System.arraycopy(postActivation, 0, c0, 0, width);
        System.arraycopy(difference, 0, c1, 0, width);
        System.arraycopy(tangent, 0, c2, 0, width);
        c0[width] = biasRow;
        c1[width] = 0.0;
        c2[width] = 0.0;
        ThinQr.factor(c0, c1, c2, width + 1, r);
        double r00 = weightScale * r[0];
        double r01 = weightScale * r[1];
        double r02 = weightScale * r[2];
        double r11 = weightScale * r[4];
        double r12 = weightScale * r[5];
        double r22 = weightScale * r[8];
        random.fill(z, 0, 3 * width);
        for (int i = 0; i < width; i++) {
            double z0 = z[3 * i];
            double z1 = z[3 * i + 1];
            double z2 = z[3 * i + 2];
            nextPreActivation[i] = z0 * r00;
            nextDifference[i] = z0 * r01 + z1 * r11;
            nextTangent[i] = z0 * r02 + z1 * r12 + z2 * r22;
        }
    }
}
