package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TheoryCommandTest {

    @Test
    void pointAsJsonHasEveryQuantityByName() {
        Outcome o = cli("theory", "point", "--activation", "tanh", "--sigma-w", "1.0",
                "--sigma-b", "0.3", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        for (String key : List.of("q_star", "chi1", "chi_q", "chi_c", "c_star", "xi_q", "xi_c", "kappa", "phase")) {
            assertTrue(o.out().contains("\"" + key + "\": "), key + " in " + o.out());
        }
        assertTrue(o.out().contains("\"q_star\": 0.27629919287"), o.out());
        assertTrue(o.out().contains("\"phase\": \"ordered\""), o.out());
    }

    @Test
    void criticalLineOfErfAtZeroBiasIsRootPiOverTwo() {
        Outcome o = cli("theory", "critical", "--activation", "erf", "--sigma-b", "0",
                "--format", "csv");
        assertEquals(0, o.exitCode(), o.err());
        double sigmaWc = Double.parseDouble(o.out().lines().toList().get(1).split(",")[1]);
        assertEquals(Math.sqrt(Math.PI) / 2, sigmaWc, 1e-10);
    }

    @Test
    void curveStartsAtTheInputs() {
        Outcome o = cli("theory", "curve", "--activation", "linear", "--sigma-w", "1",
                "--sigma-b", "0", "--depth", "2", "--q0", "2", "--c0", "0.5");
        assertEquals(List.of("layer,q,rho", "0,2.0,0.5", "1,2.0,0.5", "2,2.0,0.5"), o.out().lines().toList(),
                "a linear net at sigma_w = 1, sigma_b = 0 keeps q and c exactly");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("point", "--activation", "softplus", "--sigma-w", "1", "--sigma-b", "0"),
                        "--activation: unknown value 'softplus'; allowed: tanh, erf, sin, relu, linear"),
                Arguments.of(List.of("point", "--activation", "tanh", "--sigma-w", "0", "--sigma-b", "0"),
                        "--sigma-w: expected a finite value > 0, got 0.0"),
                Arguments.of(List.of("point", "--activation", "tanh", "--sigma-w", "1", "--sigma-b", "-0.5"),
                        "--sigma-b: expected a finite value >= 0, got -0.5"),
                Arguments.of(List.of("critical", "--activation", "relu", "--sigma-b", "0.3"),
                        "--sigma-b: relu has no critical point at sigma_b = 0.3"),
                Arguments.of(List.of("critical", "--activation", "tanh", "--sigma-b-range", "1:0:5"),
                        "--sigma-b-range: expected FROM:TO:N with FROM < TO and N >= 2, got '1:0:5'"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputExitsWithTwoAndNamesTheOption(List<String> args, String message) {
        List<String> all = new java.util.ArrayList<>(List.of("theory"));
        all.addAll(args);
        Outcome o = cli(all.toArray(String[]::new));
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains(message), o.err());
    }
}
