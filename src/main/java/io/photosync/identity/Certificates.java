package io.photosync.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads the app's certificate and private key from a PEM or PKCS#12 file. */
final class Certificates {

    /** A private key with its certificate chain, leaf first. */
    record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {
    }

    private Certificates() {
    }

    static KeyAndChain read(Path path, String password) {
        String name = path.getFileName().toString().toLowerCase();
        try {
            return name.endsWith(".pfx") || name.endsWith(".p12") ? readPkcs12(path, password) : readPem(path);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the app certificate at " + path + ": " + e.getMessage(), e);
        }
    }

    private static KeyAndChain readPem(Path path) throws IOException, GeneralSecurityException {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (item instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (item instanceof X509CertificateHolder holder) {
                    chain.add(certificates.getCertificate(holder));
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new IllegalStateException("the PEM file at " + path + " must hold an unencrypted private key and its certificate");
        }
        return new KeyAndChain(key, chain);
    }

    private static KeyAndChain readPkcs12(Path path, String password) throws IOException, GeneralSecurityException {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, secret);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                List<X509Certificate> chain = new ArrayList<>();
                for (var certificate : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) certificate);
                }
                return new KeyAndChain((PrivateKey) store.getKey(alias, secret), chain);
            }
        }
        throw new IllegalStateException("the PKCS#12 file at " + path + " holds no private key");
    }
}
