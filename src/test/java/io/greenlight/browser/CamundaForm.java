package io.greenlight.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A Camunda Form (form-js) as Tasklist renders it, in the start-process dialog or a task:
 * fields are found by the label a user reads, values are typed, picked and clicked as a
 * user does.
 */
final class CamundaForm {

	/** As the field's placeholder asks: mm/dd/yyyy. */
	private static final DateTimeFormatter DATE_AS_TYPED = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

	/** As the field shows a date once it took it, e.g. 1/27/2027. */
	private static final DateTimeFormatter DATE_AS_SHOWN = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

	private final Browser browser;

	/** XPath of the element the form is in, e.g. the modal or the task details column. */
	private final String scope;

	CamundaForm(Browser browser, String scope) {
		this.browser = browser;
		this.scope = scope;
	}

	/** Waits until the form shows the field labelled {@code label}. */
	CamundaForm awaitField(String label) {
		this.browser.visible(label(label));
		return this;
	}

	/** Types into the text field or text area labelled {@code label}. */
	CamundaForm type(String label, String text) {
		this.browser.type(By.id(idFor(label)), text);
		return this;
	}

	/** Opens the dropdown labelled {@code label} and clicks the option {@code option}. */
	CamundaForm pick(String label, String option) {
		String id = idFor(label);
		this.browser.click(By.id(id + "-display"));
		this.browser.click(By.xpath(this.scope + "//div[contains(@class,'fjs-form-field-select')][.//input[@id='" + id
				+ "']]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + literal(option) + "]"));
		this.browser.await(label + " shows " + option,
				driver -> option.equals(driver.findElement(By.id(id + "-display")).getText().trim()));
		return this;
	}

	/**
	 * Types a date into the date picker labelled {@code label} (US format, as the form
	 * shows it).
	 */
	CamundaForm date(String label, LocalDate date) {
		By field = By.id(idFor(label));
		this.browser.type(field, DATE_AS_TYPED.format(date), Keys.ENTER);
		String shown = DATE_AS_SHOWN.format(date);
		this.browser.await(label + " shows " + shown,
				driver -> shown.equals(driver.findElement(field).getDomProperty("value")));
		return this;
	}

	/** Clicks the radio button {@code option} of the group labelled {@code label}. */
	CamundaForm choose(String label, String option) {
		By radio = By.xpath(this.scope + "//div[contains(@class,'fjs-form-field-radio')][label[normalize-space(text())="
				+ literal(label) + "]]//label[normalize-space()=" + literal(option) + "]/input[@type='radio']");
		this.browser.click(radio);
		this.browser.await(option + " chosen", driver -> driver.findElement(radio).isSelected());
		return this;
	}

	/**
	 * Waits until a text block of the form contains {@code heading}, and returns that
	 * block's text as the user reads it.
	 */
	String awaitText(String heading) {
		By text = By.xpath(this.scope + "//div[contains(@class,'fjs-form-field-text')][contains(normalize-space(),"
				+ literal(heading) + ")]");
		return this.browser.visible(text).getText().replaceAll("\\s+", " ").trim();
	}

	/** Where the link that reads {@code text} in the form's text goes. */
	String linkHref(String text) {
		return this.browser
			.visible(By.xpath(this.scope + "//div[contains(@class,'fjs-form-field-text')]//a[normalize-space()="
					+ literal(text) + "]"))
			.getDomProperty("href");
	}

	private By label(String label) {
		return By.xpath(this.scope + "//label[contains(@class,'fjs-form-field-label')][normalize-space(text())="
				+ literal(label) + "]");
	}

	private String idFor(String label) {
		return this.browser.visible(label(label)).getDomAttribute("for");
	}

	/** An XPath string literal for any text a test uses (no quotes of both kinds). */
	static String literal(String text) {
		return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
	}

}
