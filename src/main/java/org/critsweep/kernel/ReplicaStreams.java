package org.critsweep.kernel;

/**
 * Random streams keyed by (campaign seed, point key, replica).
 *
 * <p>A stream is a pure function of its key, so any replica can be recomputed anywhere — on another executor,
 * in another partitioning, after a retry — and gives the same numbers bit for bit. The key is folded into a 64-bit
 * hash by successive rounds of Stafford's variant-13 mixer (so nearby keys give unrelated streams), and the hash is
 * expanded into xoshiro256++'s 256-bit state by SplitMix64, as its authors recommend.
 */
public final class ReplicaStreams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReplicaStreams() {
    }

    public static NormalStream of(long campaignSeed, long pointKey, int replica) {
        long h = mix(campaignSeed + GOLDEN_GAMMA);
        h = mix(h ^ pointKey);
        h = mix(h + GOLDEN_GAMMA * (replica + 1L));
        long[] state = new long[4];
        for (int i = 0; i < state.length; i++) {
            h += GOLDEN_GAMMA;
            state[i] = mix(h);
        }
        return new NormalStream(state);
    }

    /** Stafford's variant 13 of the MurmurHash3 64-bit finaliser (the output function of SplitMix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
