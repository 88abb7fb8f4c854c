package io.greenlight.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Greenlight's sign-in page, the only one: the Camunda webapps never show their own.
 */
@Controller
class LoginController {

	private final boolean demo;

	LoginController(Environment environment) {
		this.demo = environment.matchesProfiles("demo");
	}

	@GetMapping(SecurityConfiguration.LOGIN_PAGE)
	String login(Model model) {
		model.addAttribute("demo", this.demo);
		return "login";
	}

}
