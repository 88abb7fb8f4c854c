package io.greenlight.production;

import java.time.LocalDate;

import io.greenlight.asset.AssetType;
import io.greenlight.asset.BudgetTier;
import io.greenlight.asset.Channel;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A brief posted to {@code POST /api/productions}; {@code budgetTier} is optional
 * (STANDARD), and so is {@code workflow}, the process id of the production workflow to
 * start (CreativeProductionProcess).
 */
record ProductionRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 40) String projectCode,
		@NotNull AssetType deliverableType, @NotNull Channel channel, @NotNull @FutureOrPresent LocalDate dueDate,
		@NotBlank @Size(max = 10000) String description, BudgetTier budgetTier, @Size(max = 255) String workflow) {
}
