package io.photosync.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and self-signed certificates made at start; nothing here is ever written to the repository. */
final class Pki {

    /** An RSA key pair with a self-signed certificate. */
    record Identity(KeyPair keys, X509Certificate certificate) {

        /** The private key and certificate as one PEM text, the format {@code photosync.entra.certificate-path} reads. */
        String pem() {
            return Pki.pem(keys.getPrivate()) + Pki.pem(certificate);
        }

        SSLContext serverTls() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("tls", keys.getPrivate(), new char[0], new Certificate[] {certificate});
                KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                managers.init(store, new char[0]);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(managers.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot set up the simulated tenant's TLS", e);
            }
        }
    }

    private Pki() {
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for {@code commonName}; {@code localhost} also gets the loopback names. */
    static Identity selfSigned(String commonName) {
        return selfSigned(commonName, "localhost".equals(commonName) ? List.of("localhost") : List.of());
    }

    /** A self-signed certificate valid for these host names (and 127.0.0.1 when one is {@code localhost}). */
    static Identity selfSigned(String commonName, List<String> hostNames) {
        KeyPair keys = rsaKeys();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Principal("CN=" + commonName), new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Principal("CN=" + commonName), keys.getPublic());
            if (!hostNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                hostNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
                if (hostNames.contains("localhost")) {
                    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Identity(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a certificate for " + commonName, e);
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** Writes text to a file only its owner can read, removed when the JVM exits. */
    static Path writePrivate(Path directory, String name, String text) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + name, e);
        }
    }
}
