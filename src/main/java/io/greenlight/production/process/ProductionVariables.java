package io.greenlight.production.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;

import io.greenlight.asset.AssetType;
import io.greenlight.asset.BudgetTier;
import io.greenlight.asset.Channel;
import io.greenlight.asset.NewBrief;
import io.greenlight.asset.NewVersion;
import io.greenlight.asset.ProductionStage;
import io.greenlight.asset.VersionFile;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.system.InvalidRequestException;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the production process's variables.
 */
public final class ProductionVariables {

	private final VariableScope scope;

	private ProductionVariables(VariableScope scope) {
		this.scope = scope;
	}

	public static ProductionVariables of(VariableScope scope) {
		return new ProductionVariables(scope);
	}

	public String assetId() {
		return required(Var.ASSET_ID);
	}

	public void assetId(String assetId) {
		this.scope.setVariable(Var.ASSET_ID, assetId);
	}

	public String assetVersionId() {
		return required(Var.ASSET_VERSION_ID);
	}

	public void assetVersionId(String versionId) {
		this.scope.setVariable(Var.ASSET_VERSION_ID, versionId);
	}

	public boolean hasVersion() {
		return this.scope.getVariable(Var.ASSET_VERSION_ID) != null;
	}

	public ProductionStage productionStage() {
		return ProductionStage.valueOf(required(Var.PRODUCTION_STAGE));
	}

	/**
	 * The brief as the start form or the API submitted it; a missing or malformed field
	 * is a 400 for the API and a message in Tasklist.
	 */
	public NewBrief brief() {
		LocalDate dueDate = dueDate();
		if (dueDate.isBefore(LocalDate.now())) {
			throw new InvalidRequestException("The due date " + dueDate + " is in the past.");
		}
		return new NewBrief(text(Var.BRIEF_TITLE, "title", 200), text(Var.PROJECT_CODE, "project code", 40),
				choice(AssetType.class, Var.DELIVERABLE_TYPE, "deliverable type"),
				choice(Channel.class, Var.CHANNEL, "channel"), dueDate,
				text(Var.BRIEF_DESCRIPTION, "description", 10000));
	}

	/** The brief's budget tier; STANDARD when it gives none. */
	public BudgetTier budgetTier() {
		Object value = this.scope.getVariable(Var.BUDGET_TIER);
		return (value == null || value.toString().isBlank()) ? BudgetTier.STANDARD
				: choice(BudgetTier.class, Var.BUDGET_TIER, "budget tier");
	}

	/** The brief lives in Greenlight's tables once registered, not in the process. */
	public void removeBrief() {
		this.scope.removeVariables(Arrays.asList(Var.BRIEF_TITLE, Var.PROJECT_CODE, Var.DELIVERABLE_TYPE, Var.CHANNEL,
				Var.DUE_DATE, Var.BRIEF_DESCRIPTION, Var.BUDGET_TIER));
	}

	/**
	 * The version the creative produced: from Tasklist's form (a note and a link) or from
	 * an upload (its file, passed as transient variables that never reach the database).
	 */
	public NewVersion newVersion() {
		VersionFile file = null;
		if (this.scope.getVariable(Var.FILE_SHA256) != null) {
			file = new VersionFile(required(Var.FILE_SHA256), required(Var.FILE_NAME), required(Var.FILE_MEDIA_TYPE),
					((Number) this.scope.getVariable(Var.FILE_SIZE)).longValue(),
					(this.scope.getVariable(Var.FILE_DURATION_MS) instanceof Number duration) ? duration.longValue()
							: null);
		}
		String variant = optionalText(Var.VARIANT, "variant", 80);
		String note = (file != null && optionalText(Var.VERSION_NOTE, "note", 4000) == null)
				? "Uploaded " + file.fileName() : text(Var.VERSION_NOTE, "note on what is in this version", 4000);
		return new NewVersion(note, optionalText(Var.FILE_LINK, "file link", 1000), variant, file);
	}

	public void removeVersionFields() {
		this.scope.removeVariables(Arrays.asList(Var.VERSION_NOTE, Var.FILE_LINK));
	}

	public void reviewOutcome(String outcome) {
		this.scope.setVariable(Var.REVIEW_OUTCOME, outcome);
	}

	public String notificationEvent() {
		return required(Var.NOTIFICATION_EVENT);
	}

	private String required(String name) {
		Object value = this.scope.getVariable(name);
		if (value == null) {
			throw new IllegalStateException("Process variable '" + name + "' is missing");
		}
		return value.toString();
	}

	private String optionalText(String name, String label, int maxLength) {
		Object value = this.scope.getVariable(name);
		return (value == null || value.toString().isBlank()) ? null : text(name, label, maxLength);
	}

	private String text(String name, String label) {
		return text(name, label, Integer.MAX_VALUE);
	}

	private String text(String name, String label, int maxLength) {
		Object value = this.scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			throw new InvalidRequestException("The " + label + " is missing (" + name + ").");
		}
		String text = value.toString().trim();
		if (text.length() > maxLength) {
			throw new InvalidRequestException(
					"The " + label + " is too long: " + text.length() + " characters, at most " + maxLength + ".");
		}
		return text;
	}

	private <E extends Enum<E>> E choice(Class<E> type, String name, String label) {
		String value = text(name, label);
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Unknown " + label + " '" + value + "': use one of "
					+ Arrays.toString(type.getEnumConstants()) + ".");
		}
	}

	// Tasklist's date field submits "2026-12-01"; a REST client may send a Date variable
	private LocalDate dueDate() {
		Object value = this.scope.getVariable(Var.DUE_DATE);
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
		}
		String text = text(Var.DUE_DATE, "due date");
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException("The due date '" + text + "' is not a date like 2026-12-31.");
		}
	}

}
