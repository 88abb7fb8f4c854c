package io.greenlight.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * User passwords hashed with Argon2id instead of the engine's single round of salted
 * SHA-512: new and changed passwords at once, existing ones at the user's next sign-in
 * ({@link RehashingIdentityProvider}). The engine keeps checking SHA-512 hashes meanwhile
 * (its {@code PasswordManager} always knows them).
 */
@Component
@EnableConfigurationProperties(PasswordHashProperties.class)
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

	private final PasswordHashProperties cost;

	PasswordHashingPlugin(PasswordHashProperties cost) {
		this.cost = cost;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setPasswordEncryptor(new Argon2PasswordEncryptor(this.cost));
		configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(RehashingIdentityProvider.class));
	}

}
