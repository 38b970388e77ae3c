package org.critsweep.store;

/**
 * A failure the user can act on from its message alone — a full disk, a damaged campaign — unlike a bug, whose stack
 * trace matters. The command line prints the message and exits with 1 (the stack trace only with {@code --verbose});
 * bad input is a {@link org.critsweep.grid.BadInputException} (exit 2) instead.
 */
public final class CampaignFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CampaignFailure(String message) {
        super(message);
    }

    public CampaignFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
