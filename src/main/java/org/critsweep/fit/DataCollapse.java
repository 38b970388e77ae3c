package org.critsweep.fit;

import java.util.List;

/** A method that finds the parameters θ of a {@link ScalingForm} under which the data collapse onto one curve. */
public interface DataCollapse {

    /**
     * @param data  the observations, at least two sizes
     * @param form  the scaling maps
     * @param start a starting θ
     * @param scale a typical step per parameter (the initial simplex size, the MCMC proposal scale)
     * @throws IllegalArgumentException with fewer than two sizes or a start of the wrong length
     */
    CollapseResult fit(List<ScalingPoint> data, ScalingForm form, double[] start, double[] scale);
}
