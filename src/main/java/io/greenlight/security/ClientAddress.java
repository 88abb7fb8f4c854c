package io.greenlight.security;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the request being served comes from, as the sign-in throttle counts it: the
 * connection's address, or behind a trusted proxy (server.forward-headers-strategy
 * native) the address the proxy saw, which Tomcat has already put in place of the
 * connection's. A forwarded header from anyone else changes nothing.
 * <p>
 * {@link Filter} makes it known to the thread serving the request, in front of Spring
 * Security, so that the engine's password checks find it too (Spring's request context
 * holder is not set on every path: Jersey's registration of it covers only
 * {@code /engine-rest}).
 */
final class ClientAddress {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private ClientAddress() {
	}

	/**
	 * @return the address of the current request's client, {@code null} outside a request
	 * (the server itself)
	 */
	static String current() {
		return CURRENT.get();
	}

	/**
	 * IPv6 addresses count by their /64 network: one host is usually given a whole /64,
	 * and could otherwise take a new address for every guess.
	 */
	static String normalized(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
				Arrays.fill(network, 8, 16, (byte) 0);
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** Holds the client's address while its request is served. */
	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CURRENT.set(normalized(request.getRemoteAddr()));
			try {
				chain.doFilter(request, response);
			}
			finally {
				CURRENT.remove();
			}
		}

	}

}
