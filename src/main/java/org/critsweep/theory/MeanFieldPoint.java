package org.critsweep.theory;

/**
 * The infinite-width quantities of one (activation, σ_w, σ_b) point (PHYSICS.md §4).
 *
 * @param qStar fixed point of the q-map
 * @param chi1  σ_w² E[φ′(√q* z)²], the slope of the c-map at c = 1
 * @param chiQ  χ₁ + σ_w² E[φ φ″], the slope of the q-map at q*
 * @param cStar fixed point of the c-map (1 in the ordered phase)
 * @param chiC  σ_w² E[φ′(u1)φ′(u2)] at c*
 * @param xiQ   −1/ln χ_q, the depth scale of q's approach to q*
 * @param xiC   −1/ln χ_c, the depth scale of c's approach to c* (∞ at criticality)
 * @param kappa ½ σ_w² q* E[φ″(√q* z)²], the ε² coefficient of the c-map near c = 1
 */
public record MeanFieldPoint(String activation, double sigmaW, double sigmaB, double qStar, double chi1, double chiQ,
                             double cStar, double chiC, double xiQ, double xiC, double kappa, Phase phase) {
}
