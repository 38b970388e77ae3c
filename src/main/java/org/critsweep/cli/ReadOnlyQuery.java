package org.critsweep.cli;

import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.CompoundPlanStatement;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.ReadOnlyRefusal;
import scala.runtime.BoxedUnit;

/**
 * {@code sql} reads: a statement is parsed with Spark's own parser, without running it, and only a read-only plan is
 * accepted: a query ({@code SELECT}, {@code WITH}, {@code VALUES}, {@code FROM}, {@code TABLE}), {@code SHOW ...},
 * {@code DESCRIBE ...}, or {@code EXPLAIN} of a query. Everything else is refused before it runs, also what writes
 * nothing to disk: {@code INSERT} (into a table or a directory, which replaces it), {@code CREATE}, {@code DROP},
 * {@code ALTER}, {@code TRUNCATE}, {@code LOAD DATA}, {@code MSCK}, {@code REFRESH}, {@code CACHE}/{@code UNCACHE},
 * {@code SET}/{@code RESET}, {@code ADD JAR|FILE|ARCHIVE}, {@code USE}, {@code DECLARE}, {@code EXECUTE IMMEDIATE},
 * {@code CALL} and SQL scripts: each either writes, or changes a session that ends with the statement.
 */
final class ReadOnlyQuery {

    /** Plans that run another statement, given as text, which the parse cannot see into. */
    private static final Set<String> INDIRECT = Set.of("ExecuteImmediateQuery");

    private ReadOnlyQuery() {
    }

    /**
     * @throws BadInputException naming QUERY when the statement is not read-only; Spark's {@code ParseException} when
     *                           it is not SQL at all
     */
    static void require(SparkSession spark, String text) throws ParseException {
        LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(text);
        if (!readOnly(plan)) {
            throw ReadOnlyRefusal.of(text);
        }
    }

    private static boolean readOnly(LogicalPlan plan) {
        if (plan instanceof ExplainCommand explain) {
            return query(explain.logicalPlan());
        }
        String name = plan.getClass().getSimpleName();
        return plan instanceof Command ? name.startsWith("Show") || name.startsWith("Describe") : query(plan);
    }

    /** Whether no operator of the plan, nor of its subqueries, is a command, a write or an indirect statement. */
    private static boolean query(LogicalPlan plan) {
        boolean[] writes = {false};
        plan.foreachWithSubqueries(node -> {
            writes[0] |= node instanceof Command || node instanceof InsertIntoStatement || node instanceof InsertIntoDir
                    || node instanceof CompoundPlanStatement || INDIRECT.contains(node.getClass().getSimpleName());
            return BoxedUnit.UNIT;
        });
        return !writes[0];
    }
}
