package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;

class FamilyMemberTest {

    @Test
    void anMlpMemberIsItsWidthAndHasNoLatticeSize() {
        FamilyMember member = FamilyMember.of(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3, 256, null);
        assertEquals(new ScalingFamily(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3, null), member.family());
        assertEquals(256, member.size());
        assertEquals(256, member.width());
        assertNull(member.latticeSize());
        assertEquals("mlp/tanh/gram sigma_b=0.3 N=256", member.toString());
    }

    @Test
    void aCnnMemberIsItsLatticeSizeWithTheChannelsInTheFamily() {
        FamilyMember member = FamilyMember.of(Arch.CNN1D, ActivationKind.ERF, Sampler.DENSE, 0.1, 8, 64);
        assertEquals(8, member.family().channels());
        assertEquals(64, member.size());
        assertEquals(8, member.width());
        assertEquals(64, member.latticeSize());
        assertEquals("cnn1d/erf/dense sigma_b=0.1 N=8 L=64", member.toString());
        assertEquals("cnn1d/erf/dense sigma_b=0.1 C=8", member.family().toString());
    }

    @Test
    void channelsBelongToCnnFamiliesOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingFamily(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3, 8));
        assertEquals("channels: expected a count exactly for a CNN, got 8 for mlp", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FamilyMember(new ScalingFamily(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3, null), 0));
    }
}
