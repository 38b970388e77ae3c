package org.critsweep.kernel;

import java.util.random.RandomGenerator;

/**
 * The reference sampler: draws every weight of the N × N matrix, row by row, without storing it — O(N²) per
 * layer. Draw order (part of the stream contract): the N² weights row-major, then the N biases.
 */
public final class DenseLayerMap implements LayerMap {

    private final int width;
    private final double weightScale;
    private final double sigmaB;

    public DenseLayerMap(double sigmaW, double sigmaB, int width) {
        this.width = width;
        this.weightScale = sigmaW / Math.sqrt(width);
        this.sigmaB = sigmaB;
    }

    @Override
    public void apply(double[] postActivation, double[] difference, double[] tangent,
                      double[] nextPreActivation, double[] nextDifference, double[] nextTangent, RandomGenerator random) {
        for (int i = 0; i < width; i++) {
            double sumA = 0.0;
            double sumD = 0.0;
            double sumU = 0.0;
            for (int j = 0; j < width; j++) {
                double w = random.nextGaussian();
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
