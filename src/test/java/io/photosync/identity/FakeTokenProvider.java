package io.photosync.identity;

/** A token provider for tests that never reach Entra ID: it only says which credential it stands for. */
public record FakeTokenProvider(CredentialKind credentialKind) implements TokenProvider {

    @Override
    public String accessToken(String scope) {
        throw new UnsupportedOperationException("this test must not ask for a token");
    }
}
