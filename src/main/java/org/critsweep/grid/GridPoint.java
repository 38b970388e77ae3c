package org.critsweep.grid;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.ConvSpec;
import org.critsweep.kernel.NetworkSpec;
import org.critsweep.kernel.Protocol;

/**
 * One point of the grid: every physical parameter that defines a random network and its inputs.
 *
 * <p>Its identity ({@link #pointKey()}, {@link #pointId()}) is a hash of those parameters only — not of the
 * point's position in the grid, the campaign name or the number of replicas — so a point keeps its id, and hence
 * its random streams and rows, when the grid around it changes or its replica count grows.
 */
public record GridPoint(Arch arch, ActivationKind activation, Sampler sampler, double sigmaW, double sigmaB, int width,
                        int depth, double q0, double c0, int size, int kernelSize, Protocol protocol)
        implements Serializable {

    /**
     * @param width for an MLP the width N; for a CNN the number of channels C
     * @param size  the CNN lattice size L (L × L in 2D); 0 for an MLP
     */
    public GridPoint {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(sampler, "sampler");
        Invariant.require(sigmaW > 0 && Double.isFinite(sigmaW), "sigma_w", "a finite number > 0", sigmaW);
        Invariant.require(sigmaB >= 0 && Double.isFinite(sigmaB), "sigma_b", "a finite number >= 0", sigmaB);
        Invariant.require(width >= 2, "width", "an integer >= 2", width);
        Invariant.require(depth >= 1, "depth", "an integer >= 1", depth);
        Invariant.require(q0 > 0 && Double.isFinite(q0), "q0", "a finite number > 0", q0);
        Invariant.require(Math.abs(c0) <= 1, "c0", "a correlation in [-1, 1]", c0);
        Invariant.require(arch.convolutional() == (protocol != null), "protocol",
                "one exactly for a CNN", protocol + " for " + arch);
        if (arch.convolutional()) {
            Invariant.require(kernelSize % 2 == 1 && kernelSize <= size, "kernel_size", "an odd integer <= the size "
                    + size, kernelSize);
        } else {
            Invariant.require(size == 0 && kernelSize == 0, "size", "0 (and kernel_size 0) for an MLP",
                    size + " (kernel_size " + kernelSize + ")");
        }
    }

    /** An MLP point. */
    public GridPoint(Arch arch, ActivationKind activation, Sampler sampler, double sigmaW, double sigmaB, int width,
                     int depth, double q0, double c0) {
        this(arch, activation, sampler, sigmaW, sigmaB, width, depth, q0, c0, 0, 0, null);
    }

    /** The canonical text the id hashes; field names and values, fixed order (CNN fields only for CNNs). */
    public String canonicalForm() {
        String common = "arch=" + arch.label() + ";activation=" + activation.label() + ";sampler=" + sampler.label()
                + ";sigma_w=" + sigmaW + ";sigma_b=" + sigmaB + ";width=" + width + ";depth=" + depth
                + ";q0=" + q0 + ";c0=" + c0;
        return arch.convolutional()
                ? common + ";size=" + size + ";kernel_size=" + kernelSize + ";protocol=" + protocol.label() : common;
    }

    /** The first 64 bits of SHA-256 of {@link #canonicalForm()}; keys the point's random streams. */
    public long pointKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** {@link #pointKey()} as 16 hex digits: the {@code point_id} column. */
    public String pointId() {
        return HexFormat.of().toHexDigits(pointKey());
    }

    public NetworkSpec networkSpec() {
        return new NetworkSpec(activation.activation(), sigmaW, sigmaB, width, depth, q0, c0);
    }

    /** The CNN kernel's parameters, with the activity thresholds of the campaign. */
    public ConvSpec convSpec(double[] activeThresholds) {
        return new ConvSpec(activation.activation(), sigmaW, sigmaB, arch.dimensions(), width, size, kernelSize,
                depth, q0, c0, protocol, activeThresholds, arch.sharedWeights());
    }

    /** Sites of the lattice (1 for an MLP); the parser bounds channels × sites by {@link Limits#MAX_NEURONS}. */
    public int sites() {
        return arch.dimensions() == 2 ? Math.multiplyExact(size, size) : Math.max(1, size);
    }
}
