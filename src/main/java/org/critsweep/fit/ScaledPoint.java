package org.critsweep.fit;

/** A point after a scaling map: its size, scaled abscissa X, scaled ordinate Y and the error E of Y. */
public record ScaledPoint(double size, double x, double y, double e) {
}
