package io.greenlight.browser;

import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.ServerIT;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer follows productions in Cockpit: the running production is listed under its
 * process with its business key, the asset id.
 */
@ServerIT
class CockpitBrowserIT {

	@RegisterExtension
	final Browsers browsers = new Browsers();

	private final int port;

	private final ProductionDriver productions;

	CockpitBrowserIT(@LocalServerPort int port) {
		this.port = port;
		this.productions = new ProductionDriver(new Http(port));
	}

	@Test
	void aProducerSeesTheRunningProductionInCockpit() {
		// given a production waiting for its brief to be approved
		String assetId = this.productions.start("Cockpit spot");
		Browser browser = this.browsers.open(this.port);

		// when the producer opens Cockpit, its process list and the production process
		browser.go("/camunda/app/cockpit/default/");
		new LoginPage(browser).signIn(Users.PRODUCER, Users.PASSWORD);
		Tasklist.awaitUserMenu(browser, "Cockpit");
		browser.click(By.linkText("Processes"));
		browser.click(By.linkText("Creative production"));

		// then the instance is listed with the production's reference as its business key
		String reference = this.productions.reference(assetId);
		assertThat(browser.visible(By.xpath("//*[normalize-space()='" + reference + "']")).getText())
			.isEqualTo(reference);
		assertThat(browser.failedRequests()).as("requests of the page that failed").isEmpty();
	}

}
