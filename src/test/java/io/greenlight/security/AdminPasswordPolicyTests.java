package io.greenlight.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AdminPasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "admin", "demo", "password", "Password", "DEMO" })
	void wellKnownPasswordsAreRefused(String password) {
		assertThatIllegalStateException().isThrownBy(() -> AdminPasswordPolicy.check("boss", password))
			.withMessageContaining("well-known password");
	}

	@Test
	void thePasswordMustNotBeTheUserId() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AdminPasswordPolicy.check("greenlight-admin", "Greenlight-Admin"))
			.withMessageContaining("must not be the user id");
	}

	@Test
	void aMissingPasswordIsRefusedWithWhatToSet() {
		assertThatIllegalStateException().isThrownBy(() -> AdminPasswordPolicy.check("boss", " "))
			.withMessageContaining("GREENLIGHT_ADMIN_PASSWORD is not set");
	}

	@Test
	void aShortPasswordIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> AdminPasswordPolicy.check("boss", "x7!kQ2"))
			.withMessageContaining("at least 10 characters");
	}

	@Test
	void aLongUncommonPasswordIsAccepted() {
		assertThatNoException().isThrownBy(() -> AdminPasswordPolicy.check("boss", "correct-horse-battery-staple"));
	}

}
