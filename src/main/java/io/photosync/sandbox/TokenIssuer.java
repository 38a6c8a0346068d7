package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Signs and checks the RS256 tokens of one simulated issuer (Entra ID, or the Bot Framework channel). */
final class TokenIssuer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final String keyId;

    /** Its key comes with a certificate, as Entra's and the Bot Framework's do ({@code x5c}, {@code x5t}). */
    TokenIssuer() {
        Pki.Identity identity = Pki.selfSigned("Simulated token signing");
        this.keys = identity.keys();
        this.certificate = identity.certificate();
        this.keyId = UUID.randomUUID().toString();
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, keys);
    }

    /** Signs with another key under this issuer's key id: what a forger would send. */
    String signForged(JWTClaimsSet claims) {
        return sign(claims, Pki.rsaKeys());
    }

    /** Signs under a key id nobody published. */
    String signUnknownKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims with {@code alg: none} and no signature: accepted only by a validator that trusts the header. */
    String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /**
     * HS256 with the issuer's public key as the shared secret: the algorithm-confusion attack,
     * accepted only by a validator that lets the token's header choose the algorithm.
     */
    String signHmacWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
            jwt.sign(new MACSigner(keys.getPublic().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWTClaimsSet claims, KeyPair with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) with.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token this issuer signed and that has not expired; empty otherwise. */
    Optional<JWTClaimsSet> verify(String token) {
        return verifySignature(token).filter(TokenIssuer::current);
    }

    /** The claims of a token this issuer signed, expired or not; empty otherwise. */
    Optional<JWTClaimsSet> verifySignature(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean current(JWTClaimsSet claims) {
        return claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now());
    }

    /**
     * The public key set, as served at a {@code jwks_uri}: each key with its certificate, and
     * {@code issuer} (Entra's keys name it; null leaves it out) or {@code endorsements}, the channel
     * ids a Bot Framework key may sign for.
     */
    String jwks(List<String> endorsements, String issuer) {
        try {
            RSAKey.Builder key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                    .x509CertThumbprint(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded())));
            ObjectNode set = (ObjectNode) MAPPER.readTree(new JWKSet(key.build()).toString());
            ObjectNode published = (ObjectNode) set.path("keys").get(0);
            if (issuer != null) {
                published.put("issuer", issuer);
            }
            if (!endorsements.isEmpty()) {
                endorsements.forEach(published.putArray("endorsements")::add);
            }
            return set.toString();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
    }
}
