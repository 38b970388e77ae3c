package org.critsweep.fit;

/**
 * What the analysis needs to know of a scaling family.
 *
 * @param label a stable name of the family: it seeds the bootstrap streams (so the same label gives the same numbers,
 *              bit for bit) and appears in messages
 * @param size  what the family's size is
 */
public record AnalysedFamily(String label, SizeVariable size) {

    public AnalysedFamily {
        if (label.isBlank() || size == null) {
            throw new IllegalArgumentException("a family needs a label and a size variable, got '" + label + "', "
                    + size);
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
