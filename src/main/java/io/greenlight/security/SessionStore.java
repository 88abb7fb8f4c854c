package io.greenlight.security;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sign-in sessions in the database (Spring Session JDBC, tables from Flyway), so that any
 * node answers any signed-in user, Greenlight's pages and Camunda's webapps alike.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore implements BeanClassLoaderAware {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	// H2's upsert; PostgreSQL's is Spring Session's own customizer
	private static final String H2_UPSERT_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	private ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * A browser sends requests at once (Tasklist starts with a dozen), and two of them
	 * may each add the same attribute to a session that lacks it (Camunda's CSRF token):
	 * a plain INSERT would fail the second with a duplicate key, an upsert keeps the
	 * last.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
			throws MetaDataAccessException {
		String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equals(database)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
	}

	/**
	 * Session attributes are Java-serialized, as Spring Session does by default. One that
	 * no longer reads (a class changed in an upgrade, while the session was kept in the
	 * database) is dropped instead of failing every request of its user: without its
	 * sign-in, the session is signed out, and the user signs in again.
	 */
	@Bean
	ConversionService springSessionConversionService() {
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, new ReadableOrDropped(this.classLoader));
		return conversions;
	}

	private static final class ReadableOrDropped implements Converter<byte[], Object> {

		private final DeserializingConverter deserializer;

		ReadableOrDropped(ClassLoader classLoader) {
			this.deserializer = new DeserializingConverter(classLoader);
		}

		@Override
		public Object convert(byte[] source) {
			try {
				return this.deserializer.convert(source);
			}
			catch (RuntimeException ex) {
				log.info("A session attribute could not be read and was dropped ({}): its user signs in again",
						ex.getMessage());
				return null;
			}
		}

	}

}
