package io.photosync.preflight;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** What an access token says it allows: its application permissions ({@code roles}) and delegated scopes ({@code scp}). */
final class TokenClaims {

    private TokenClaims() {
    }

    static Set<String> roles(String token) {
        try {
            Object roles = JWTParser.parse(token).getJWTClaimsSet().getClaim("roles");
            if (roles instanceof Collection<?> list) {
                return list.stream().map(String::valueOf).collect(Collectors.toSet());
            }
            return Set.of();
        } catch (ParseException e) {
            return Set.of();
        }
    }

    static Set<String> scopes(String token) {
        try {
            Object scp = JWTParser.parse(token).getJWTClaimsSet().getClaim("scp");
            return scp == null ? Set.of() : Set.of(String.valueOf(scp).trim().split("\\s+"));
        } catch (ParseException e) {
            return Set.of();
        }
    }

}
