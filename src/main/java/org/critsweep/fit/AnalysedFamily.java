package org.critsweep.fit;

/**
 * What the analysis needs to know of a scaling family.
 *
 * @param label a stable name of the family: it seeds the bootstrap streams (so the same label gives the same numbers,
 *              bit for bit) and appears in messages
 * @param size      what the family's size is
 * @param dimension the lattice dimension: 0 for an MLP (size N), 1 or 2 for a CNN (size L); it picks the universality
 *                  classes the verdict compares with
 */
public record AnalysedFamily(String label, SizeVariable size, int dimension) {

    public AnalysedFamily {
        if (label.isBlank() || size == null) {
            throw new IllegalArgumentException("a family needs a label and a size variable, got '" + label + "', "
                    + size);
        }
        if (size == SizeVariable.WIDTH ? dimension != 0 : dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("dimension: expected 0 for a width-scaled family and 1 or 2 for a"
                    + " lattice, got " + dimension + " for " + size);
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
