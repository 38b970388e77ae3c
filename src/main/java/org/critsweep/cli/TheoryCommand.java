package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.Limits;
import org.critsweep.kernel.Activation;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.MeanField;
import org.critsweep.theory.MeanFieldCurve;
import org.critsweep.theory.MeanFieldPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code theory point|critical|curve}: mean-field quantities (PHYSICS.md §4) without Spark. */
@Command(name = "theory", description = "Mean-field (infinite-width) quantities: a point, the critical line, a curve.",
        subcommands = {TheoryCommand.Point.class, TheoryCommand.Critical.class, TheoryCommand.Curve.class})
final class TheoryCommand {

    /** The options every theory subcommand shares. */
    static final class ActivationOption {
        @Option(names = "--activation", required = true, description = "tanh | erf | sin | relu | linear")
        String name;

        Activation resolve() {
            return ActivationConverter.convert(name);
        }
    }

    /** The point options of {@code point} and {@code curve}. */
    static final class PointOptions {
        @Mixin
        ActivationOption activation;

        @Option(names = "--sigma-w", required = true, description = "Weight scale, > 0.")
        double sigmaW;

        @Option(names = "--sigma-b", required = true, description = "Bias scale, >= 0.")
        double sigmaB;

        MeanField field() {
            Activation phi = activation.resolve();
            return checked(() -> MeanField.of(phi, sigmaW, sigmaB));
        }
    }

    enum Format { table, json, csv }

    /** Runs a theory computation, turning its argument errors into bad-input errors that name the option. */
    static <T> T checked(java.util.function.Supplier<T> computation) {
        try {
            return computation.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            String field = colon > 0 ? "--" + message.substring(0, colon).replace('_', '-') : "theory";
            throw new BadInputException(field, colon > 0 ? message.substring(colon + 1).strip() : message);
        }
    }

    @Command(name = "point", description = "q*, chi1, chi_q, c*, chi_c, xi_q, xi_c, kappa and the phase of one point.")
    static final class Point implements Callable<Integer> {
        @Mixin
        PointOptions point;

        @Option(names = "--format", defaultValue = "table", description = "table | json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            MeanField field = point.field();
            MeanFieldPoint p = checked(field::point);
            Map<String, Object> fields = fields(p);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Rows.json(fields));
                out.flush();
            } else {
                Rows table = new Rows(Format.table, List.of("quantity", "value"), out);
                fields.forEach(table::add);
                table.finish();
            }
            return 0;
        }

        static Map<String, Object> fields(MeanFieldPoint p) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("activation", p.activation());
            f.put("sigma_w", p.sigmaW());
            f.put("sigma_b", p.sigmaB());
            f.put("q_star", p.qStar());
            f.put("chi1", p.chi1());
            f.put("chi_q", p.chiQ());
            f.put("c_star", p.cStar());
            f.put("chi_c", p.chiC());
            f.put("xi_q", p.xiQ());
            f.put("xi_c", p.xiC());
            f.put("kappa", p.kappa());
            f.put("phase", p.phase().label());
            return f;
        }
    }

    @Command(name = "critical", description = "The critical line sigma_w,c(sigma_b) where chi1 = 1.")
    static final class Critical implements Callable<Integer> {
        @Mixin
        ActivationOption activation;

        @Option(names = "--sigma-b", split = ",", paramLabel = "B[,B...]", description = "Bias scales, >= 0.")
        List<Double> sigmaB = new ArrayList<>();

        @Option(names = "--sigma-b-range", paramLabel = "FROM:TO:N", description = "N equally spaced bias scales.")
        String range;

        @Option(names = "--format", defaultValue = "table", description = "table | json | csv (default: ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Activation phi = activation.resolve();
            List<Double> biases = new ArrayList<>(sigmaB);
            biases.addAll(parseRange());
            if (biases.isEmpty()) {
                throw new BadInputException("--sigma-b", "give one or more bias scales (--sigma-b 0.1,0.3 or --sigma-b-range 0:1:11)");
            }
            Rows rows = new Rows(format, List.of("sigma_b", "sigma_w_c", "q_star", "kappa"),
                    spec.commandLine().getOut());
            for (double b : biases) {
                double sigmaWc = checked(() -> CriticalLine.sigmaWc(phi, b));
                MeanFieldPoint p = checked(() -> MeanField.of(phi, sigmaWc, b).point());
                rows.add(b, sigmaWc, p.qStar(), p.kappa());
            }
            rows.finish();
            return 0;
        }

        private List<Double> parseRange() {
            if (range == null) {
                return List.of();
            }
            String[] parts = range.split(":");
            try {
                double from = Double.parseDouble(parts[0]);
                double to = Double.parseDouble(parts[1]);
                int n = Integer.parseInt(parts[2]);
                if (parts.length != 3 || n < 2 || !(from < to)) {
                    throw new NumberFormatException();
                }
                Limits.atMost("--sigma-b-range", n, Limits.MAX_THEORY_POINTS, "lines of output");
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(from + (to - from) * i / (n - 1));
                }
                return values;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException("--sigma-b-range", "expected FROM:TO:N with FROM < TO and N >= 2, got '" + range + "'");
            }
        }
    }

    @Command(name = "curve", description = "The mean-field q_l and rho_l = 1 - c_l for l = 0..depth.")
    static final class Curve implements Callable<Integer> {
        @Mixin
        PointOptions point;

        @Option(names = "--depth", required = true, description = "Number of layers, >= 0.")
        int depth;

        @Option(names = "--q0", defaultValue = "1.0", description = "Input q (default: ${DEFAULT-VALUE}).")
        double q0;

        @Option(names = "--c0", defaultValue = "0.8", description = "Input correlation (default: ${DEFAULT-VALUE}).")
        double c0;

        @Option(names = "--format", defaultValue = "csv", description = "csv | json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            MeanField field = point.field();
            MeanFieldCurve curve = checked(() -> field.curve(q0, c0, depth));
            // Any format but json is csv here, as the option's description says.
            Rows rows = new Rows(format == Format.json ? Format.json : Format.csv, List.of("layer", "q", "rho"),
                    spec.commandLine().getOut());
            for (int l = 0; l <= depth; l++) {
                rows.add(l, curve.q()[l], curve.rho()[l]);
            }
            rows.finish();
            return 0;
        }
    }
}
