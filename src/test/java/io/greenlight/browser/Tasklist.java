package io.greenlight.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static io.greenlight.browser.CamundaForm.literal;

/**
 * Camunda Tasklist (7.24, AngularJS) as a user works with it: header, filters, task list,
 * the task with its form, and the "Start process" dialog.
 */
final class Tasklist {

	static final String PATH = "/camunda/app/tasklist/default/";

	/** The user menu in the header: shows the signed-in user's name. */
	static final By USER_MENU = By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle");

	static final By LOG_OUT = By.cssSelector("[cam-widget-header] li.account li.logout > a");

	/** Camunda's own login form, which Greenlight's single sign-on replaces. */
	static final By CAMUNDA_LOGIN_FORM = By.cssSelector(".form-signin-container, form[name='signinForm']");

	static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");

	private static final By FILTER = By.cssSelector(".task-filters .task-filter h4.name a");

	private static final By FILTERS_FAILED = By.cssSelector(".task-filters .alert-danger");

	private static final String TASK_DETAILS = "//section[contains(@class,'task-details')]";

	private static final String MODAL = "//div[contains(@class,'modal-dialog')]";

	/**
	 * How long one look at a filter waits before the page is reloaded, as the list need
	 * not refresh itself.
	 */
	private static final Duration ONE_LOOK = Duration.ofSeconds(6);

	/**
	 * How long a task may take to appear, e.g. behind the job after an internal review.
	 */
	private static final Duration TASK_APPEARS = Duration.ofSeconds(60);

	private final Browser browser;

	Tasklist(Browser browser) {
		this.browser = browser;
	}

	/**
	 * Opens Tasklist, signs in on Greenlight's page when asked, and waits until Tasklist
	 * shows.
	 */
	static Tasklist signIn(Browser browser, String user, String password) {
		browser.go(PATH);
		new LoginPage(browser).signIn(user, password);
		return new Tasklist(browser).awaitLoaded();
	}

	/** Waits until the header shows the signed-in user and the filters are listed. */
	Tasklist awaitLoaded() {
		awaitUserMenu(this.browser, "Tasklist");
		this.browser.await(() -> "Tasklist's filters" + problems(this.browser),
				driver -> this.browser.isShown(FILTER) || this.browser.isShown(FILTERS_FAILED));
		if (this.browser.isShown(FILTERS_FAILED)) {
			throw new AssertionError("Tasklist could not load the filters: \""
					+ this.browser.visible(FILTERS_FAILED).getText().trim() + "\"" + problems(this.browser));
		}
		return this;
	}

	/**
	 * Waits until a Camunda webapp ({@code app}: Tasklist, Cockpit, Admin) shows its
	 * header with the signed-in user's menu; if it does not, says what the page shows
	 * instead.
	 */
	static void awaitUserMenu(Browser browser, String app) {
		browser.await(() -> app + " with the user menu in its header, at " + browser.path() + problems(browser),
				driver -> browser.isShown(USER_MENU));
	}

	private static String problems(Browser browser) {
		StringBuilder problems = new StringBuilder();
		if (browser.isShown(By.cssSelector(".app-splash"))) {
			problems.append("; the page still shows its loading spinner");
		}
		if (browser.isShown(CAMUNDA_LOGIN_FORM)) {
			problems.append("; the page shows Camunda's own login form");
		}
		List<String> failed = browser.failedRequests();
		if (!failed.isEmpty()) {
			problems.append("; failed requests: ").append(failed);
		}
		return problems.toString();
	}

	/** The name in the header's user menu, e.g. "Riley Reviewer". */
	String signedInUser() {
		return this.browser.visible(USER_MENU).getText().trim();
	}

	/** Header → user menu → "Log out". */
	void logOut() {
		this.browser.click(USER_MENU);
		this.browser.click(LOG_OUT);
	}

	/**
	 * Header "Start process" → clicks {@code process} in the dialog → lets {@code fill}
	 * fill the start form → "Start"; waits until the dialog closes (and fails with what
	 * it says if not).
	 */
	void startProcess(String process, Consumer<CamundaForm> fill) {
		this.browser.click(By.cssSelector(".start-process-action a"));
		this.browser.type(By.xpath(MODAL + "//input[@placeholder='Search by process name.']"), process);
		this.browser.click(
				By.xpath(MODAL + "//ul[contains(@class,'processes')]//a[normalize-space()=" + literal(process) + "]"));
		CamundaForm form = new CamundaForm(this.browser, MODAL);
		fill.accept(form);
		this.browser
			.click(By.xpath(MODAL + "//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
		By modalError = By.xpath(MODAL + "//*[contains(@class,'notifications')]//*[contains(@class,'alert')]");
		this.browser.await("the start dialog to close",
				driver -> driver.findElements(By.xpath(MODAL)).isEmpty() || this.browser.isShown(modalError));
		if (this.browser.isShown(modalError)) {
			throw new AssertionError("Starting " + process + " failed: " + this.browser.visible(modalError).getText());
		}
	}

	/**
	 * Clicks the filter {@code filter} and then the task named {@code taskName} in the
	 * list, followed by the reference of its production ("Internal review: Spot v1
	 * (ACME-SUMMER-0042)") or not. Tasklist does not refresh its list by itself: while
	 * the task is not there, the page is reloaded, as a user would, until the task shows
	 * up.
	 */
	Task open(String filter, String taskName) {
		By taskLink = By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()="
				+ literal(taskName) + " or starts-with(normalize-space(), " + literal(taskName + " (") + ")]");
		Instant giveUp = Instant.now().plus(TASK_APPEARS);
		while (true) {
			showFilter(filter);
			try {
				new WebDriverWait(this.browser.driver(), ONE_LOOK).until(driver -> this.browser.isShown(taskLink));
				break;
			}
			catch (TimeoutException ex) {
				if (Instant.now().isAfter(giveUp)) {
					throw new AssertionError("No task \"" + taskName + "\" in \"" + filter + "\" after " + TASK_APPEARS
							+ "; the list shows: " + listedTasks());
				}
				this.browser.driver().navigate().refresh();
				awaitLoaded();
			}
		}
		this.browser.click(taskLink);
		Task task = new Task();
		this.browser.await("the task \"" + taskName + "\" opened",
				driver -> task.name().equals(taskName) || task.name().startsWith(taskName + " ("));
		return task;
	}

	/** Clicks the filter {@code filter} in the left column and waits for its list. */
	void showFilter(String filter) {
		By link = By
			.xpath("//*[contains(@class,'task-filters')]//h4[contains(@class,'name')]/a[normalize-space(text())="
					+ literal(filter) + "]");
		this.browser.click(link);
		this.browser.await("the filter \"" + filter + "\" selected",
				driver -> driver
					.findElement(By.xpath(
							"//*[contains(concat(' ', @class, ' '),' task-filter ')][.//h4/a[normalize-space(text())="
									+ literal(filter) + "]]"))
					.getDomAttribute("class")
					.contains("active"));
		this.browser.await("the task list of \"" + filter + "\"",
				driver -> this.browser.isShown(By.cssSelector("[cam-tasks] ol.tasks-list"))
						|| this.browser.isShown(By.cssSelector("[cam-tasks] .well")));
	}

	/** The names of the tasks the list shows now. */
	String listedTasks() {
		return this.browser.all(By.cssSelector("ol.tasks-list h4.task a"))
			.stream()
			.map(WebElement::getText)
			.map(String::trim)
			.toList()
			.toString();
	}

	/** The task open in the right column. */
	final class Task {

		private final Browser browser = Tasklist.this.browser;

		private final By claim = By.cssSelector("section.task-details button.claim");

		/** The task's name in the title of the right column. */
		String name() {
			return this.browser.visible(By.xpath(TASK_DETAILS + "//h2[contains(@class,'task')]")).getText().trim();
		}

		/**
		 * The name shown next to the assignee icon, or "" for a task nobody has claimed.
		 */
		String assignee() {
			By assignee = By.xpath(TASK_DETAILS + "//li[contains(@class,'assignee')]");
			if (canBeClaimed() || !this.browser.isShown(assignee)) {
				return "";
			}
			return this.browser.visible(assignee).getText().trim();
		}

		boolean canBeClaimed() {
			return this.browser.isShown(this.claim);
		}

		/** "Claim", then waits until the task shows the assignee. */
		Task claim() {
			this.browser.click(this.claim);
			this.browser.await("the task claimed",
					driver -> !this.browser.isShown(this.claim) && !assignee().isEmpty());
			return this;
		}

		CamundaForm form() {
			return new CamundaForm(this.browser, TASK_DETAILS);
		}

		/**
		 * "Complete", then waits until the task has left the right column (fails with the
		 * form's error message if Tasklist shows one instead).
		 */
		void complete() {
			String name = name();
			By error = By.xpath(TASK_DETAILS + "//*[contains(@class,'alert-danger')]");
			this.browser.click(By
				.xpath(TASK_DETAILS + "//div[contains(@class,'form-actions')]//button[normalize-space()='Complete']"));
			this.browser.await("the task \"" + name + "\" completed",
					driver -> this.browser.isShown(By.xpath(TASK_DETAILS + "//div[contains(@class,'no-task')]"))
							|| this.browser.isShown(error));
			if (this.browser.isShown(error)) {
				throw new AssertionError(
						"Completing \"" + name + "\" failed: " + this.browser.visible(error).getText().trim());
			}
		}

	}

}
