package io.greenlight.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.greenlight.support.GreenlightNode;
import io.greenlight.support.Http;

/**
 * Two Greenlight nodes on one PostgreSQL database, and what a load balancer in front of
 * them does: a request goes to the node it is meant for and, when that node does not
 * answer (refused, reset), to the other one.
 */
final class Cluster implements AutoCloseable {

	final GreenlightNode a;

	final GreenlightNode b;

	private final String databaseUrl;

	private final AtomicInteger failovers = new AtomicInteger();

	/**
	 * @param settings Spring properties of both nodes
	 * @param environment environment variables of both nodes, besides the database's
	 */
	Cluster(Map<String, String> settings, Map<String, String> environment) {
		this.databaseUrl = required("GREENLIGHT_DB_URL");
		environment = new LinkedHashMap<>(environment);
		environment.put("GREENLIGHT_DB_URL", this.databaseUrl);
		environment.put("GREENLIGHT_DB_USER", required("GREENLIGHT_DB_USER"));
		environment.put("GREENLIGHT_DB_PASSWORD", System.getProperty("GREENLIGHT_DB_PASSWORD", ""));
		this.a = new GreenlightNode("node-a", settings, environment);
		this.b = new GreenlightNode("node-b", settings, environment);
	}

	/**
	 * Node A first: on an empty database the first node creates the engine's schema and
	 * Greenlight's tables; a node that starts beside one doing so would find them half
	 * made (docs/operations.md, Several nodes).
	 */
	Cluster start() {
		this.a.start().awaitReady();
		this.b.start().awaitReady();
		return this;
	}

	GreenlightNode node(int index) {
		return (index % 2 == 0) ? this.a : this.b;
	}

	/**
	 * Sends a request to node {@code index % 2}, and to the other one when that node is
	 * down. A request the first node may have carried out before it died is sent again:
	 * the caller must accept the answer a repeated request gets.
	 */
	<T> T balanced(int index, Function<Http, T> request) {
		GreenlightNode first = node(index);
		GreenlightNode second = node(index + 1);
		try {
			return request.apply(new Http(first.port()));
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			if (first.alive() && !isConnectionFailure(ex)) {
				throw ex;
			}
			this.failovers.incrementAndGet();
			return request.apply(new Http(second.port()));
		}
	}

	/** How many requests went to the other node because theirs did not answer. */
	int failovers() {
		return this.failovers.get();
	}

	private static boolean isConnectionFailure(RuntimeException ex) {
		return ex.getCause() instanceof IOException;
	}

	/** Rows of a query on the cluster's database, each as column name to value. */
	List<Map<String, Object>> query(String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(this.databaseUrl, required("GREENLIGHT_DB_USER"),
				System.getProperty("GREENLIGHT_DB_PASSWORD", ""));
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
						row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	long count(String sql, Object... parameters) {
		return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
	}

	@Override
	public void close() {
		this.a.stop();
		this.b.stop();
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException(property + " is not set: the cluster drills run on PostgreSQL "
					+ "(-Dgreenlight.test.profile=postgres), which gives each test JVM a database of its own");
		}
		return value;
	}

}
