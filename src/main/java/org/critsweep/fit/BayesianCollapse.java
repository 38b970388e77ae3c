package org.critsweep.fit;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.StorelessCovariance;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Harada's Bayesian scaling analysis (PRE 84, 056704 (2011); PRE 92, 012106 (2015)): the master curve is a Gaussian
 * process ({@link GaussianProcessLikelihood}); θ and the log hyper-parameters (ln t0, ln t1, ln t2) are estimated
 * jointly by maximising the marginal likelihood. The estimate is that maximum (so it does not depend on the seed);
 * the standard error of each θ component is its posterior standard deviation from an adaptive random-walk Metropolis
 * chain over θ and the hyper-parameters, started at the maximum.
 *
 * <p>The likelihood is that of the observed values, not of the scaled Y: Y(θ) rescales the data, so the density of
 * Y carries the Jacobian Σ ln |∂Y_i/∂value_i| = Σ ln (E_i / stderr_i) (every form maps errors as E = stderr ∂Y/∂value).
 * Without it a generic collapse would gain likelihood simply by shrinking Y with c2.
 *
 * <p>Priors are flat in θ and flat in each log hyper-parameter within a factor 10³ of its data-driven start. The
 * bound matters for t2: once the stated errors explain the scatter the likelihood no longer changes as t2 → 0, and an
 * unbounded flat prior on ln t2 would leave the posterior improper. The quality is −(maximum log likelihood)/n, the
 * Jacobian included.
 */
public final class BayesianCollapse implements DataCollapse {

    public static final String METHOD = "bayes";
    public static final int DEFAULT_SAMPLES = 3000;

    private static final int HYPER_COUNT = 3;
    private static final double HYPER_RANGE = 1e3;
    private static final double SIMPLEX_HYPER_STEP = 0.5;
    private static final double PROPOSAL_HYPER_STEP = 0.1;
    private static final int MAX_SIMPLEX_RUNS = 6;
    private static final int MAX_SIMPLEX_EVALUATIONS = 20_000;
    private static final double TARGET_ACCEPTANCE = 0.3;
    private static final int ADAPTATION_WINDOW = 50;
    /** Roberts, Gelman and Gilks: the optimal random-walk step for a d-dimensional Gaussian is 2.38/√d sd. */
    private static final double OPTIMAL_SCALE = 2.38;

    private final long seed;
    private final int samples;

    /** @param seed the Metropolis chain's random stream: a seed gives bit-identical results */
    public BayesianCollapse(long seed) {
        this(seed, DEFAULT_SAMPLES);
    }

    /**
     * @param seed    the Metropolis chain's random stream
     * @param samples the chain length kept, after a burn-in of {@code samples / 3} steps that tunes the proposal
     */
    public BayesianCollapse(long seed, int samples) {
        if (samples < 3 * ADAPTATION_WINDOW) {
            throw new IllegalArgumentException("bayes: expected at least " + 3 * ADAPTATION_WINDOW
                    + " MCMC samples, got " + samples);
        }
        this.seed = seed;
        this.samples = samples;
    }

    @Override
    public CollapseResult fit(List<ScalingPoint> data, ScalingForm form, double[] start, double[] scale) {
        validate(data, form, start, scale);
        Posterior posterior = Posterior.around(data, form, start);
        PointValuePair mode = maximise(posterior, posterior.withHyperStart(start),
                withHyper(scale, SIMPLEX_HYPER_STEP));
        if (!Double.isFinite(mode.getValue())) {
            throw new IllegalArgumentException("bayes: the likelihood is not finite anywhere near the start "
                    + Arrays.toString(start));
        }
        double[] estimate = Arrays.copyOf(mode.getPoint(), start.length);
        double[] stderr = posteriorSd(posterior, mode, withHyper(scale, PROPOSAL_HYPER_STEP), start.length);
        List<ScaledPoint> collapsed = data.stream().map(p -> form.apply(p, estimate)).toList();
        return new CollapseResult(METHOD, form.parameterNames(), estimate, stderr, -mode.getValue() / data.size(),
                collapsed);
    }

    private static void validate(List<ScalingPoint> data, ScalingForm form, double[] start, double[] scale) {
        int parameters = form.parameterNames().size();
        if (start.length != parameters || scale.length != parameters) {
            throw new IllegalArgumentException("bayes: the form has " + parameters + " parameters "
                    + form.parameterNames() + ", got a start of length " + start.length + " and a scale of length "
                    + scale.length);
        }
        if (Arrays.stream(scale).anyMatch(s -> !(s > 0.0 && Double.isFinite(s)))) {
            throw new IllegalArgumentException("bayes: expected finite scales > 0, got " + Arrays.toString(scale));
        }
        long sizes = data.stream().mapToDouble(ScalingPoint::size).distinct().count();
        if (sizes < 2) {
            throw new IllegalArgumentException("bayes: a collapse needs at least two distinct sizes, got " + sizes);
        }
    }

    /** Nelder–Mead, restarted from its own optimum while that still gains (a simplex can collapse early). */
    private static PointValuePair maximise(Posterior posterior, double[] initial, double[] steps) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-10, 1e-10);
        PointValuePair best = new PointValuePair(initial, posterior.logDensity(initial));
        for (int run = 0; run < MAX_SIMPLEX_RUNS; run++) {
            PointValuePair found = optimizer.optimize(new MaxEval(MAX_SIMPLEX_EVALUATIONS),
                    new ObjectiveFunction(posterior::logDensity), GoalType.MAXIMIZE,
                    new InitialGuess(best.getPoint()), new NelderMeadSimplex(steps));
            boolean gained = found.getValue() > best.getValue() + 1e-6;
            if (found.getValue() > best.getValue()) {
                best = found;
            }
            if (!gained) {
                break;
            }
        }
        return best;
    }

    /**
     * Random-walk Metropolis from the mode. During burn-in the step size follows each window's acceptance rate toward
     * 0.3, with adjustments shrinking as 1/√window so that the final size is not one window's noise; from a quarter of
     * the way in, the proposal also takes the shape of the burn-in samples' covariance (Haario et al.'s adaptive
     * Metropolis) so that correlated parameters mix. Then the proposal is frozen and the chain is a plain Metropolis
     * chain.
     */
    private double[] posteriorSd(Posterior posterior, PointValuePair mode, double[] initialSteps, int thetaCount) {
        RandomGenerator random = new Well19937c(seed);
        int dimension = initialSteps.length;
        int burnIn = samples / 3;
        double[] current = mode.getPoint();
        double currentValue = mode.getValue();
        DMatrixRMaj proposalFactor = diagonal(initialSteps);
        double gain = 1.0;
        int accepted = 0;
        StorelessCovariance burnInSpread = new StorelessCovariance(dimension);
        StorelessCovariance thetaSpread = new StorelessCovariance(thetaCount);
        for (int step = 0; step < burnIn + samples; step++) {
            double[] candidate = propose(current, proposalFactor, gain, random);
            double value = posterior.logDensity(candidate);
            if (Math.log(random.nextDouble()) < value - currentValue) {
                current = candidate;
                currentValue = value;
                accepted++;
            }
            if (step >= burnIn) {
                thetaSpread.increment(Arrays.copyOf(current, thetaCount));
                continue;
            }
            burnInSpread.increment(current);
            if ((step + 1) % ADAPTATION_WINDOW == 0) {
                double window = (step + 1.0) / ADAPTATION_WINDOW;
                gain *= Math.exp(2.0 * ((double) accepted / ADAPTATION_WINDOW - TARGET_ACCEPTANCE) / Math.sqrt(window));
                accepted = 0;
                if (step + 1 >= burnIn / 4) {
                    proposalFactor = learnedFactor(burnInSpread, initialSteps, proposalFactor);
                }
            }
        }
        double[] sd = new double[thetaCount];
        for (int i = 0; i < thetaCount; i++) {
            sd[i] = Math.sqrt(thetaSpread.getCovariance(i, i));
        }
        return sd;
    }

    private static double[] propose(double[] current, DMatrixRMaj factor, double gain, RandomGenerator random) {
        int dimension = current.length;
        double[] normal = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            normal[j] = random.nextGaussian();
        }
        double[] candidate = current.clone();
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j <= i; j++) {
                candidate[i] += gain * factor.unsafe_get(i, j) * normal[j];
            }
        }
        return candidate;
    }

    /**
     * The lower Cholesky factor of (2.38²/d) C, C the samples' covariance plus a ridge of 10⁻⁶ of the initial step²
     * (a chain that has not moved in some direction must still propose there); the old factor if C is degenerate.
     */
    private static DMatrixRMaj learnedFactor(StorelessCovariance spread, double[] initialSteps, DMatrixRMaj old) {
        int dimension = initialSteps.length;
        double optimal = OPTIMAL_SCALE * OPTIMAL_SCALE / dimension;
        DMatrixRMaj covariance = new DMatrixRMaj(dimension, dimension);
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                covariance.unsafe_set(i, j, optimal * spread.getCovariance(i, j));
            }
            covariance.unsafe_set(i, i, covariance.unsafe_get(i, i) + 1e-6 * initialSteps[i] * initialSteps[i]);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(dimension, true);
        return cholesky.decompose(covariance) ? cholesky.getT(null) : old;
    }

    private static DMatrixRMaj diagonal(double[] values) {
        DMatrixRMaj matrix = new DMatrixRMaj(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            matrix.unsafe_set(i, i, values[i]);
        }
        return matrix;
    }

    private static double[] withHyper(double[] theta, double hyperValue) {
        double[] all = Arrays.copyOf(theta, theta.length + HYPER_COUNT);
        Arrays.fill(all, theta.length, all.length, hyperValue);
        return all;
    }

    /**
     * The log posterior over (θ, ln t0, ln t1, ln t2), up to a constant.
     *
     * @param hyperStart the data-driven start of the log hyper-parameters, the centre of their prior box
     */
    private record Posterior(List<ScalingPoint> data, ScalingForm form, double[] hyperStart) {

        /** t0 = sd of Y, t1 = range of X / 3, t2 = median E / 10, all from the data mapped under the start θ. */
        static Posterior around(List<ScalingPoint> data, ScalingForm form, double[] start) {
            List<ScaledPoint> scaled = data.stream().map(p -> form.apply(p, start)).toList();
            double[] x = scaled.stream().mapToDouble(ScaledPoint::x).toArray();
            double[] y = scaled.stream().mapToDouble(ScaledPoint::y).toArray();
            double[] e = scaled.stream().mapToDouble(ScaledPoint::e).toArray();
            double rangeX = Arrays.stream(x).max().orElseThrow() - Arrays.stream(x).min().orElseThrow();
            double[] hyperStart = {Math.log(new StandardDeviation().evaluate(y)), Math.log(rangeX / 3.0),
                    Math.log(new Median().evaluate(e) / 10.0)};
            if (Arrays.stream(hyperStart).anyMatch(h -> !Double.isFinite(h))) {
                throw new IllegalArgumentException("bayes: under the start " + Arrays.toString(start)
                        + " the data need a spread in X and in Y and finite errors");
            }
            return new Posterior(List.copyOf(data), form, hyperStart);
        }

        double[] withHyperStart(double[] theta) {
            double[] all = Arrays.copyOf(theta, theta.length + HYPER_COUNT);
            System.arraycopy(hyperStart, 0, all, theta.length, HYPER_COUNT);
            return all;
        }

        double logDensity(double[] parameters) {
            int thetaCount = parameters.length - HYPER_COUNT;
            for (int h = 0; h < HYPER_COUNT; h++) {
                if (Math.abs(parameters[thetaCount + h] - hyperStart[h]) > Math.log(HYPER_RANGE)) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double[] theta = Arrays.copyOf(parameters, thetaCount);
            List<ScaledPoint> scaled = data.stream().map(p -> form.apply(p, theta)).toList();
            double logJacobian = 0.0;
            for (int i = 0; i < scaled.size(); i++) {
                logJacobian += Math.log(scaled.get(i).e() / data.get(i).stderr());
            }
            double logDensity = GaussianProcessLikelihood.logMarginal(scaled, Math.exp(parameters[thetaCount]),
                    Math.exp(parameters[thetaCount + 1]), Math.exp(parameters[thetaCount + 2])) + logJacobian;
            return Double.isFinite(logDensity) ? logDensity : Double.NEGATIVE_INFINITY;
        }
    }
}
