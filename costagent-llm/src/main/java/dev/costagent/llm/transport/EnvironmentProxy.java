package dev.costagent.llm.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A proxy selector for the {@code HTTPS_PROXY} and {@code NO_PROXY} environment variables that curl and the official
 * SDKs honour and the JVM ignores: every host goes through the proxy except loopback hosts and those that
 * {@code NO_PROXY} names (exact host, or a domain suffix such as {@code .internal}; {@code *} for all).
 */
public final class EnvironmentProxy extends ProxySelector {

    private final InetSocketAddress proxy;
    private final List<String> noProxy;

    private EnvironmentProxy(InetSocketAddress proxy, List<String> noProxy) {
        this.proxy = proxy;
        this.noProxy = noProxy;
    }

    /**
     * The selector for {@code proxyUrl} (e.g. {@code http://proxy:3128}) and a {@code NO_PROXY} list; a clear error
     * for a URL without host, or with credentials (which this client does not send to proxies).
     */
    public static EnvironmentProxy of(String proxyUrl, String noProxy) {
        String text = proxyUrl.strip();
        URI uri = URI.create(text.contains("://") ? text : "http://" + text);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("HTTPS_PROXY must be a URL such as http://proxy:3128");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("HTTPS_PROXY with credentials is not supported; use the JVM's "
                    + "https.proxyHost settings and an Authenticator");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        List<String> hosts = noProxy == null
                ? List.of()
                : List.of(noProxy.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream()
                        .map(String::strip)
                        .filter(host -> !host.isEmpty())
                        .toList();
        return new EnvironmentProxy(InetSocketAddress.createUnresolved(uri.getHost(), port), hosts);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (Endpoint.isLoopback(host) || bypassed(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy));
    }

    private boolean bypassed(String host) {
        for (String entry : noProxy) {
            String suffix = entry.startsWith("*.") ? entry.substring(1) : entry;
            if (entry.equals("*")
                    || host.equals(suffix.startsWith(".") ? suffix.substring(1) : suffix)
                    || suffix.startsWith(".") && host.endsWith(suffix)
                    || host.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to learn: the transport reports the failure.
    }

    @Override
    public String toString() {
        return "EnvironmentProxy[" + proxy.getHostString() + ":" + proxy.getPort() + ", noProxy " + noProxy + "]";
    }
}
