package io.photosync.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sandbox.SsoToken;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Teams SSO tokens checked, exchanged on-behalf-of against the simulated Entra ID, kept per person. */
@PhotoSyncIntegrationTest
@TestPropertySource(properties = "photosync.bot.public-url=https://photosync.contoso.example")
class SsoExchangeIntegrationTests {

    @Autowired
    SsoExchange sso;

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    JdbcClient jdbc;

    @Value("${photosync.graph.base-url}")
    String graphBaseUrl;

    @Value("${photosync.sharepoint.my-site-host}")
    String mySiteHost;


    @Test
    void exchangesAValidTokenForGraphAndTheMySiteHostAndKeepsThemForThatPersonOnly() {
        String token = tenant.ssoToken(Personas.NESTOR, PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        SsoExchange.Result result = sso.exchange(token, Personas.NESTOR);

        assertThat(result).isEqualTo(new SsoExchange.Result.SignedIn(Personas.NESTOR, "nestorw@" + Personas.DOMAIN));
        assertThat(sso.signedIn(Personas.NESTOR)).isTrue();
        String sharePoint = IdentityConfiguration.scopeOf(mySiteHost);
        assertThat(sso.accessToken(Personas.NESTOR, sharePoint)).hasValueSatisfying(access -> assertThat(access).isNotEqualTo(token));
        assertThat(sso.accessToken(Personas.NESTOR, IdentityConfiguration.scopeOf(graphBaseUrl))).isPresent();
        assertThat(sso.signedIn(Personas.ISAIAH)).isFalse();
        assertThat(jdbc.sql("select sealed from delegated_token where subject_id = ?").param(Personas.NESTOR).query(String.class).list())
                .hasSize(2).noneMatch(sealed -> sealed.contains(sso.accessToken(Personas.NESTOR, sharePoint).orElseThrow()));
    }

    /** A Teams app whose tab shares the registration names the service's host in its Application ID URI; another host is not ours. */
    @Test
    void acceptsTheApplicationIdUriOfATabOnOurHostAndNoOther() {
        String ours = tenant.ssoToken(Personas.LIDIA, "api://photosync.contoso.example/botid-" + PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);
        String elsewhere = tenant.ssoToken(Personas.LIDIA, "api://elsewhere.example/botid-" + PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        assertThat(sso.exchange(elsewhere, Personas.LIDIA)).isInstanceOf(SsoExchange.Result.Refused.class);
        assertThat(sso.exchange(ours, Personas.LIDIA)).isInstanceOf(SsoExchange.Result.SignedIn.class);
    }

    @ParameterizedTest
    @EnumSource(value = SsoToken.class, names = {"OTHER_AUDIENCE", "EXPIRED", "OTHER_TENANT", "FORGED_SIGNATURE"})
    void refusesTokensThatAreNotOursAndStoresNothing(SsoToken kind) {
        String token = tenant.ssoToken(Personas.ISAIAH, PhotoSyncIntegrationTest.BOT_APP_ID, kind);
        tenant.clearReceivedRequests();

        SsoExchange.Result result = sso.exchange(token, Personas.ISAIAH);

        assertThat(result).isInstanceOf(SsoExchange.Result.Refused.class);
        assertThat(((SsoExchange.Result.Refused) result).reason()).doesNotContain(token);
        assertThat(sso.signedIn(Personas.ISAIAH)).isFalse();
        assertThat(tenant.receivedRequests()).noneMatch(r -> r.path().endsWith("/oauth2/v2.0/token"));
    }

    @Test
    void refusesSomeoneElsesToken() {
        String adeles = tenant.ssoToken(Personas.ADELE, PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        assertThat(sso.exchange(adeles, Personas.PATTI)).isEqualTo(new SsoExchange.Result.Refused("the SSO token belongs to someone other than the sender"));
        assertThat(sso.signedIn(Personas.PATTI)).isFalse();
        assertThat(sso.signedIn(Personas.ADELE)).isFalse();
    }

    @Test
    void saysWhenThePersonMustConsentFirst() {
        String newHire = tenant.addUser(UUID.randomUUID().toString(), "consent" + System.nanoTime() + "@" + Personas.DOMAIN, "New Hire", false).id();
        tenant.requireConsent(PhotoSyncIntegrationTest.BOT_APP_ID, newHire);
        String token = tenant.ssoToken(newHire, PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        SsoExchange.Result result = sso.exchange(token, newHire);

        assertThat(result).isInstanceOf(SsoExchange.Result.ConsentRequired.class);
        assertThat(((SsoExchange.Result.ConsentRequired) result).reason()).contains("AADSTS65001");
        assertThat(sso.signedIn(newHire)).isFalse();
    }

    @Test
    void aSealedTokenMovedToAnotherPersonDoesNotOpen() {
        sso.exchange(tenant.ssoToken(Personas.MEGAN, PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID), Personas.MEGAN);
        String scope = IdentityConfiguration.scopeOf(mySiteHost);
        sso.signOut(Personas.PATTI);
        jdbc.sql("insert into delegated_token (subject_id, scope, sealed, expires_at) select ?, scope, sealed, expires_at from delegated_token "
                + "where subject_id = ? and scope = ?").params(Personas.PATTI, Personas.MEGAN, scope).update();

        assertThat(sso.accessToken(Personas.PATTI, scope)).isEmpty();
        assertThat(sso.accessToken(Personas.MEGAN, scope)).isPresent();
    }
}
