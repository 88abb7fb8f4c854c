package io.greenlight.security;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's user store, which replaces an outdated password hash when the user signs
 * in with the right password: the only moment the server knows the password. Outdated is
 * a hash of another algorithm (the engine's SHA-512 from before Argon2id) or an Argon2id
 * hash of a lower cost than configured.
 * <p>
 * The new hash is written after the sign-in committed, in a transaction of its own, and
 * only over the very hash that was checked: the sign-in writes the user's row too (it
 * resets failed attempts), and two writes of one row in one flush would trip over each
 * other's revision. If the row changed meanwhile (a simultaneous sign-in upgraded it, an
 * administrator set a new password), this upgrade gives way, and the sign-in succeeds all
 * the same.
 * <p>
 * Public with a no-argument constructor: the engine instantiates it for every command.
 */
public class RehashingIdentityProvider extends DbIdentityServiceProvider {

	private static final Logger log = LoggerFactory.getLogger(RehashingIdentityProvider.class);

	@Override
	public boolean checkPassword(String userId, String password) {
		boolean matches = super.checkPassword(userId, password);
		if (matches) {
			UserEntity user = findUserById(userId);
			if (user != null && outdated(user.getPassword())) {
				ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
				Rehash rehash = new Rehash(userId, password, user.getPassword());
				Context.getCommandContext()
					.getTransactionContext()
					.addTransactionListener(TransactionState.COMMITTED, committed -> run(engine, rehash));
			}
		}
		return matches;
	}

	private static boolean outdated(String stored) {
		PasswordEncryptor current = Context.getProcessEngineConfiguration().getPasswordEncryptor();
		String prefix = "{" + current.hashAlgorithmName() + "}";
		if (stored == null || !stored.startsWith(prefix)) {
			return true;
		}
		return current instanceof Argon2PasswordEncryptor argon2
				&& argon2.weakerThanConfigured(stored.substring(prefix.length()));
	}

	private static void run(ProcessEngineConfigurationImpl engine, Rehash rehash) {
		try {
			engine.getCommandExecutorTxRequiresNew().execute(rehash);
		}
		catch (OptimisticLockingException ex) {
			log.debug("Password hash of {} changed meanwhile: upgraded at a later sign-in", rehash.userId());
		}
		catch (RuntimeException ex) {
			// the user is signed in; the old hash stays valid and is upgraded next time
			log.warn("Could not upgrade the password hash of {}: {}", rehash.userId(), ex.getMessage());
		}
	}

	/** Replaces the checked hash by one of the current algorithm and cost. */
	private record Rehash(String userId, String password, String checkedHash) implements Command<Void> {

		@Override
		public Void execute(CommandContext commandContext) {
			UserEntity user = commandContext.getDbEntityManager().selectById(UserEntity.class, this.userId);
			if (user != null && this.checkedHash.equals(user.getPassword())) {
				user.setPassword(this.password);
				user.encryptPassword();
			}
			return null;
		}

	}

}
