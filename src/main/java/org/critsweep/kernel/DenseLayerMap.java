package org.critsweep.kernel;

/**
 * The reference sampler: draws every weight of the N × N matrix, one row at a time into a reused buffer, and
 * discards it after use — O(N²) per layer, no N × N matrix in memory. Draw order (part of the stream contract): the
 * N² weights row-major, then the N biases.
 */
public final class DenseLayerMap implements LayerMap {

    private final int width;
    private final double weightScale;
    private final double sigmaB;
    private final double[] row;

    public DenseLayerMap(double sigmaW, double sigmaB, int width) {
        this.width = width;
        this.weightScale = sigmaW / Math.sqrt(width);
        this.sigmaB = sigmaB;
        this.row = new double[width];
    }

    @Override
    public void apply(double[] postActivation, double[] difference, double[] tangent,
                      double[] nextPreActivation, double[] nextDifference, double[] nextTangent, NormalStream random) {
        for (int i = 0; i < width; i++) {
            random.fill(row, 0, width);
            double sumA = 0.0;
            double sumD = 0.0;
            double sumU = 0.0;
            for (int j = 0; j < width; j++) {
                double w = row[j];
                sumA += w * postActivation[j];
                sumD += w * difference[j];
                sumU += w * tangent[j];
            }
            nextPreActivation[i] = weightScale * sumA;
            nextDifference[i] = weightScale * sumD;
            nextTangent[i] = weightScale * sumU;
        }
        for (int i = 0; i < width; i++) {
            nextPreActivation[i] += sigmaB * random.nextGaussian();
        }
    }
}
