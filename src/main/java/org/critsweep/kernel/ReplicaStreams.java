package org.critsweep.kernel;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random streams keyed by (campaign seed, point key, replica).
 *
 * <p>A stream is a pure function of its key, so any replica can be recomputed anywhere — on another executor,
 * in another partitioning, after a retry — and gives the same numbers bit for bit (on the same JDK: the Gaussian
 * sampler is the JDK's {@code RandomGenerator.nextGaussian} ziggurat). The key is folded into one 64-bit seed of a
 * {@link SplittableRandom} (SplitMix64) by successive rounds of Stafford's variant-13 mixer, so nearby keys give
 * unrelated streams.
 */
public final class ReplicaStreams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReplicaStreams() {
    }

    public static RandomGenerator of(long campaignSeed, long pointKey, int replica) {
        long h = mix(campaignSeed + GOLDEN_GAMMA);
        h = mix(h ^ pointKey);
        h = mix(h + GOLDEN_GAMMA * (replica + 1L));
        return new SplittableRandom(h);
    }

    /** Stafford's variant 13 of the MurmurHash3 64-bit finaliser (as in SplitMix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
