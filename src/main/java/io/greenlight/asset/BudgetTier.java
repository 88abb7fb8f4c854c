package io.greenlight.asset;

/**
 * How much money is behind a deliverable; review routing depends on it.
 */
public enum BudgetTier {

	LOW, STANDARD, HIGH

}
