package io.greenlight.asset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An asset's budget tier, given with the brief (STANDARD when the brief says nothing).
 */
@Service
@Transactional
public class AssetBudgets {

	private final JdbcClient jdbc;

	AssetBudgets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void set(String assetId, BudgetTier tier) {
		this.jdbc.sql("UPDATE asset SET budget_tier = ? WHERE id = ?").params(tier.name(), assetId).update();
	}

	@Transactional(readOnly = true)
	public BudgetTier tierOf(String assetId) {
		return BudgetTier.valueOf(this.jdbc.sql("SELECT budget_tier FROM asset WHERE id = ?")
			.param(assetId)
			.query(String.class)
			.single());
	}

}
