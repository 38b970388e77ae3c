package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

class GridPointTest {

    static GridPoint point(double sigmaW, double sigmaB, int width, int depth) {
        return new GridPoint(Arch.MLP, ActivationKind.TANH, Sampler.DENSE, sigmaW, sigmaB, width, depth, 1.0, 0.8);
    }

    @Test
    void idIsTheSha256PrefixOfTheCanonicalParameters() throws Exception {
        GridPoint p = point(1.3, 0.7, 11, 13);
        assertEquals("arch=mlp;activation=tanh;sampler=dense;sigma_w=1.3;sigma_b=0.7;width=11;depth=13;q0=1.0;c0=0.8",
                p.canonicalForm());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(p.canonicalForm().getBytes(StandardCharsets.UTF_8));
        assertEquals(ByteBuffer.wrap(digest).getLong(), p.pointKey());
        assertEquals(String.format("%016x", p.pointKey()), p.pointId());
    }

    /** Ids are a compatibility contract: stored campaigns are resumed by them. Changing this value breaks resume. */
    @Test
    void idOfAReferencePointNeverChanges() {
        assertEquals("627ff7b70ab2e301",
                new GridPoint(Arch.MLP, ActivationKind.TANH, Sampler.DENSE, 1.44, 0.3, 64, 512, 1.0, 0.8).pointId());
    }

    @Test
    void idDependsOnEveryPhysicalParameterAndNotOnGridPosition() {
        GridPoint base = point(1.3, 0.7, 11, 13);
        List<GridPoint> variants = List.of(base, point(0.7, 1.3, 11, 13), point(1.3, 0.7, 13, 11),
                new GridPoint(Arch.MLP, ActivationKind.RELU, Sampler.DENSE, 1.3, 0.7, 11, 13, 1.0, 0.8),
                new GridPoint(Arch.MLP, ActivationKind.TANH, Sampler.DENSE, 1.3, 0.7, 11, 13, 2.0, 0.8),
                new GridPoint(Arch.MLP, ActivationKind.TANH, Sampler.DENSE, 1.3, 0.7, 11, 13, 1.0, 0.5));
        Set<String> ids = new HashSet<>();
        variants.forEach(v -> ids.add(v.pointId()));
        assertEquals(variants.size(), ids.size(), "swapped or changed parameters must give different ids");

        Campaign small = CampaignParserTest.parse(CampaignParserTest.VALID, "grid.sigma_w=[1.7]", "grid.width=[13]");
        Campaign large = CampaignParserTest.parse(CampaignParserTest.VALID);
        GridPoint inSmall = TaskPlanner.plan(small).points().stream()
                .filter(p -> p.activation() == ActivationKind.RELU && p.sigmaB() == 0.05).findFirst().orElseThrow();
        assertTrue(TaskPlanner.plan(large).points().stream().anyMatch(p -> p.pointId().equals(inSmall.pointId())),
                "a point keeps its id when the grid around it grows");
        assertNotEquals(TaskPlanner.plan(small).points().indexOf(inSmall),
                TaskPlanner.plan(large).points().stream().map(GridPoint::pointId).toList().indexOf(inSmall.pointId()));
    }

    @Test
    void invalidParametersAreRefusedNamingTheField() {
        assertEquals("sigma_w: expected a finite number > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> point(0.0, 0.3, 11, 13)).getMessage());
        assertEquals("width: expected an integer >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> point(1.3, 0.3, 1, 13)).getMessage());
        assertEquals("protocol: expected one exactly for a CNN, got null for CNN1D", assertThrows(
                IllegalArgumentException.class, () -> new GridPoint(Arch.CNN1D, ActivationKind.TANH, Sampler.DENSE,
                        1.3, 0.3, 8, 13, 1.0, 0.8)).getMessage());
    }
}
