package org.wushe.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS for the client-side tests: the application answers only over HTTPS, so the tests turn the
 * HTTP address Arquillian hands them into the HTTPS one of the test domain, and trust exactly the
 * certificate {@code config/server.sh prepare-test} generated for that domain (nothing else, no
 * "trust all").
 */
final class TestHttp {

    private static volatile SSLContext tls;

    private TestHttp() {
    }

    /** The same address over HTTPS on the test domain's HTTPS port. */
    static URL https(URL base) {
        if ("https".equals(base.getProtocol())) {
            return base;
        }
        int port = Integer.getInteger("glassfish.httpsPort", 28181);
        try {
            return URI.create("https://" + base.getHost() + ":" + port + base.getFile()).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP client that trusts the test domain's certificate. */
    static HttpClient client() {
        return HttpClient.newBuilder().sslContext(tls()).build();
    }

    /** The TLS context that trusts the test domain's certificate only. */
    static SSLContext tls() {
        SSLContext context = tls;
        if (context == null) {
            context = load(certificateFile());
            tls = context;
        }
        return context;
    }

    /**
     * The PEM file of the test domain's HTTPS certificate (written by prepare-test): found through
     * the domain directory inside the server, through the GlassFish home outside it.
     */
    static Path certificateFile() {
        String domain = System.getProperty("com.sun.aas.instanceRoot");
        if (domain != null) {
            return Path.of(domain, "config", "wushe-https.pem");
        }
        return Path.of(System.getProperty("glassfish.home", "target/glassfish7"),
                "glassfish", "domains", "wushe-test", "config", "wushe-https.pem");
    }

    /** Inside the server: the application's HTTPS address on this domain (its HTTPS listener port). */
    static String httpsFromInside(String contextPath) {
        // 127.0.0.1 rather than localhost: java.net.CookieManager stores a dotless host's cookies as
        // "<host>.local" (the certificate names both)
        return "https://127.0.0.1:" + System.getProperty("HTTP_SSL_LISTENER_PORT", "28181") + contextPath + "/";
    }

    private static SSLContext load(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("wushe-test", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the test domain's certificate " + pem + ": " + e.getMessage(), e);
        }
    }
}
