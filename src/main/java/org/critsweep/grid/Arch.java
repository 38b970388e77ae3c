package org.critsweep.grid;

/** Network architectures a campaign can sweep. */
public enum Arch {
    MLP;

    /** The name used in campaign files and tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
