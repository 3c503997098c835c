package io.hypervwsman.plan;

import io.hypervwsman.ConfigurationException;

/** A plan file that cannot be read or does not make sense; the message names the file, line and column. */
public class PlanException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public PlanException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem, or 0 when it is about the plan as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }
}
