/**
 * Ad-hoc SQL over campaigns' tables without Spark: the tables as DuckDB views ({@link org.critsweep.query.DuckDbEngine})
 * and what every engine of {@code critsweep sql} shares — the campaign labels, the result rows, the read-only refusal.
 */
package org.critsweep.query;
