package org.critsweep.fit;

/**
 * What the analysis needs to know of a scaling family.
 *
 * @param label      a stable name of the family: it seeds the bootstrap streams (so the same label gives the same
 *                   numbers, bit for bit) and appears in messages
 * @param size       what the family's size is
 * @param dimensions the lattice dimension d of a CNN (1 or 2), 0 for an MLP: it selects the classes whose 1/ν_⊥ the
 *                   extrapolation in L may take ({@link LatticeExtrapolation})
 */
public record AnalysedFamily(String label, SizeVariable size, int dimensions) {

    public AnalysedFamily {
        if (label.isBlank() || size == null) {
            throw new IllegalArgumentException("a family needs a label and a size variable, got '" + label + "', "
                    + size);
        }
        if (size == SizeVariable.WIDTH ? dimensions != 0 : dimensions < 1 || dimensions > 2) {
            throw new IllegalArgumentException("dimensions: expected 0 for a width family and 1 or 2 for a lattice,"
                    + " got " + dimensions + " for " + size);
        }
    }

    /** Whether the size is the width N (an MLP), rather than the lattice size L. */
    public boolean widthScaled() {
        return size == SizeVariable.WIDTH;
    }

    public String sizeSymbol() {
        return size.symbol();
    }
}
