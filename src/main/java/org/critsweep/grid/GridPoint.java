package org.critsweep.grid;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.critsweep.kernel.Activations;
import org.critsweep.kernel.NetworkSpec;

/**
 * One point of the grid: every physical parameter that defines a random network and its inputs.
 *
 * <p>Its identity ({@link #pointKey()}, {@link #pointId()}) is a hash of those parameters only — not of the
 * point's position in the grid, the campaign name or the number of replicas — so a point keeps its id, and hence
 * its random streams and rows, when the grid around it changes or its replica count grows.
 */
public record GridPoint(Arch arch, String activation, Sampler sampler, double sigmaW, double sigmaB, int width,
                        int depth, double q0, double c0) implements Serializable {

    /** The canonical text the id hashes; field names and values, fixed order. */
    public String canonicalForm() {
        return "arch=" + arch.label() + ";activation=" + activation + ";sampler=" + sampler.label()
                + ";sigma_w=" + sigmaW + ";sigma_b=" + sigmaB + ";width=" + width + ";depth=" + depth
                + ";q0=" + q0 + ";c0=" + c0;
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
}
