package io.greenlight.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import io.greenlight.notification.WebhookDestinations.Destination;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.stereotype.Component;

/**
 * POSTs to a checked {@link Destination}, connecting to one of the addresses the check
 * approved: the target is given to the client with its address, so no second DNS lookup
 * can lead elsewhere. The host name still goes into the Host header and, for https, into
 * the TLS server name and the certificate check. Redirects are not followed (a 3xx is an
 * answer like any other), no proxy from the environment is used, and connections are not
 * kept for later deliveries.
 */
@Component
class WebhookClient implements AutoCloseable {

	private final CloseableHttpClient client;

	WebhookClient(NotificationProperties properties) {
		NotificationProperties.Webhook limits = properties.webhook();
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new NoLookups())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(limits.connectTimeout()))
					.setSocketTimeout(Timeout.of(limits.readTimeout()))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(Timeout.of(limits.readTimeout()))
				.build())
			.setConnectionReuseStrategy((request, response, context) -> false)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent("Greenlight-Webhook")
			.build();
	}

	/**
	 * @return the receiver's HTTP status
	 */
	int post(Destination destination, Map<String, String> headers, byte[] body) throws IOException {
		ClassicRequestBuilder builder = ClassicRequestBuilder.post(destination.uri())
			.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
		headers.forEach(builder::setHeader);
		ClassicHttpRequest request = builder.build();
		IOException unreachable = null;
		for (InetAddress address : destination.addresses()) {
			HttpHost target = new HttpHost(destination.uri().getScheme(), address, destination.host(),
					destination.uri().getPort());
			try {
				return this.client.execute(target, request, response -> {
					EntityUtils.consume(response.getEntity());
					return response.getCode();
				});
			}
			catch (HttpHostConnectException | ConnectTimeoutException ex) {
				// a name may have several addresses: try the next one the check approved
				unreachable = ex;
			}
		}
		throw (unreachable != null) ? unreachable : new IOException("No address to connect to");
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

	/**
	 * Every connection gets its address from the checked destination; a lookup here would
	 * mean a connection to somewhere nobody checked.
	 */
	private static final class NoLookups implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			throw new UnknownHostException(
					"Webhook connections go only to addresses Greenlight checked, not to a new lookup of " + host);
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			throw new UnknownHostException(host);
		}

	}

}
