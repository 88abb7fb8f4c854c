package io.greenlight.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import com.google.common.net.InetAddresses;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Addresses a webhook must not reach: this server, its networks and everything that is
 * not an ordinary public unicast address (from IANA's IPv4 and IPv6 special-purpose
 * address registries, plus multicast). IPv4-mapped IPv6 addresses need no entry: the JDK
 * turns them into the IPv4 address they carry, which is judged here.
 */
final class SpecialAddresses {

	private static final List<Range> RANGES = List.of(
			// IPv4
			new Range("0.0.0.0/8", "an unspecified ('this network') address"),
			new Range("10.0.0.0/8", "a private address (RFC 1918)"),
			new Range("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"),
			new Range("127.0.0.0/8", "a loopback address"),
			new Range("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
			new Range("172.16.0.0/12", "a private address (RFC 1918)"),
			new Range("192.0.0.0/24", "an IETF protocol assignment"),
			new Range("192.0.2.0/24", "a documentation address (TEST-NET-1)"),
			new Range("192.88.99.0/24", "a 6to4 relay address"),
			new Range("192.168.0.0/16", "a private address (RFC 1918)"),
			new Range("198.18.0.0/15", "a benchmarking address"),
			new Range("198.51.100.0/24", "a documentation address (TEST-NET-2)"),
			new Range("203.0.113.0/24", "a documentation address (TEST-NET-3)"),
			new Range("224.0.0.0/4", "a multicast address"),
			new Range("240.0.0.0/4", "a reserved or broadcast address"),
			// IPv6
			new Range("::/128", "the unspecified address"), new Range("::1/128", "a loopback address"),
			new Range("::/96", "an IPv4-compatible address (deprecated)"), new Range("64:ff9b::/96", "a NAT64 address"),
			new Range("64:ff9b:1::/48", "a NAT64 address"), new Range("100::/64", "a discard-only address"),
			new Range("2001::/23", "an IETF protocol assignment (Teredo among them)"),
			new Range("2001:db8::/32", "a documentation address"), new Range("2002::/16", "a 6to4 address"),
			new Range("3fff::/20", "a documentation address"), new Range("5f00::/16", "a segment routing address"),
			new Range("fc00::/7", "a unique-local address"), new Range("fe80::/10", "a link-local address"),
			new Range("fec0::/10", "a site-local address (deprecated)"), new Range("ff00::/8", "a multicast address"));

	private SpecialAddresses() {
	}

	/**
	 * @return why a webhook may not reach this address, e.g. "a loopback address
	 * (127.0.0.0/8)"; empty for an ordinary public address
	 */
	static Optional<String> reason(InetAddress address) {
		String text = InetAddresses.toAddrString(withoutScope(address));
		return RANGES.stream()
			.filter(range -> range.matcher().matches(text))
			.findFirst()
			.map(range -> range.description() + " (" + range.cidr() + ")");
	}

	/**
	 * A link-local IPv6 address may carry its interface ("%eth0"), which no range has.
	 */
	private static InetAddress withoutScope(InetAddress address) {
		try {
			return InetAddress.getByAddress(address.getAddress());
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Range(String cidr, String description, IpAddressMatcher matcher) {

		Range(String cidr, String description) {
			this(cidr, description, new IpAddressMatcher(cidr));
		}

	}

}
