package org.critsweep.grid;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.critsweep.kernel.Activations;
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
public record GridPoint(Arch arch, String activation, Sampler sampler, double sigmaW, double sigmaB, int width,
                        int depth, double q0, double c0, int size, int kernelSize, Protocol protocol)
        implements Serializable {

    /**
     * @param width for an MLP the width N; for a CNN the number of channels C
     * @param size  the CNN lattice size L (L × L in 2D); 0 for an MLP
     */
    public GridPoint {
        if (arch.convolutional() != (protocol != null)) {
            throw new IllegalArgumentException("protocol: expected one exactly for a CNN, got " + protocol + " for " + arch);
        }
    }

    /** An MLP point. */
    public GridPoint(Arch arch, String activation, Sampler sampler, double sigmaW, double sigmaB, int width, int depth,
                     double q0, double c0) {
        this(arch, activation, sampler, sigmaW, sigmaB, width, depth, q0, c0, 0, 0, null);
    }

    /** The canonical text the id hashes; field names and values, fixed order (CNN fields only for CNNs). */
    public String canonicalForm() {
        String common = "arch=" + arch.label() + ";activation=" + activation + ";sampler=" + sampler.label()
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
        return new NetworkSpec(Activations.of(activation), sigmaW, sigmaB, width, depth, q0, c0);
    }

    /** The CNN kernel's parameters, with the activity thresholds of the campaign. */
    public ConvSpec convSpec(double[] activeThresholds) {
        return new ConvSpec(Activations.of(activation), sigmaW, sigmaB, arch.dimensions(), width, size, kernelSize,
                depth, q0, c0, protocol, activeThresholds);
    }

    /** Sites of the lattice (1 for an MLP). */
    public int sites() {
        return arch.dimensions() == 2 ? size * size : Math.max(1, size);
    }
}
