package io.photosync.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS trust for outbound calls: the JDK's trust store, plus an optional extra certificate. */
public final class Tls {

    private final X509TrustManager trustManager;
    private final SSLContext context;

    private Tls(X509TrustManager trustManager) {
        this.trustManager = trustManager;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** The JDK's trust store plus the PEM certificate at {@code extraCertificate}, when given. */
    static Tls trusting(String extraCertificate) {
        X509TrustManager jdk = trustManager(null);
        if (extraCertificate == null || extraCertificate.isBlank()) {
            return new Tls(jdk);
        }
        return new Tls(new EitherTrustManager(jdk, trustManager(readCertificate(Path.of(extraCertificate)))));
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    private static X509Certificate readCertificate(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read the trusted certificate at " + path + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(X509Certificate only) {
        try {
            KeyStore store = null;
            if (only != null) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                store.setCertificateEntry("extra", only);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .findFirst().orElseThrow();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust", e);
        }
    }

    /** Trusts a chain when either manager does. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
