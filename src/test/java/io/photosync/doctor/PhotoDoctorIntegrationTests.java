package io.photosync.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.MicrosoftAnswer;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Why is my photo not showing?" and the operator's "doctor <who>", one diagnosis per persona. */
class PhotoDoctorIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    AuditLog audit;

    @Test
    void noPhotoInMicrosoft365() throws Exception {
        String card = texts(ask(Personas.LYNNE, "en-US", "why is my photo not showing?"));

        assertThat(card).contains("Photo doctor: Lynne Robbins").contains("✘ Microsoft 365 has no photo of Lynne Robbins")
                .contains("What to do next: Add a photo in Teams");
    }

    @Test
    void noSharePointProfileInNorwegian() throws Exception {
        String card = texts(ask(Personas.LIDIA, "nb-NO", "Hvorfor vises ikke bildet mitt?"));

        assertThat(card).contains("Bildelege: Lidia Holloway").contains("✔ Microsoft 365 har et bilde av Lidia Holloway")
                .contains("✘ SharePoint har ingen brukerprofil for Lidia Holloway ennå");
    }

    @Test
    void aGuest() throws Exception {
        assertThat(texts(ask(Personas.JOHN_GUEST, "en-US", "doctor"))).contains("✘ John Doe (Fabrikam) is a guest");
    }

    @Test
    void noPictureYetAndThePlaceholderWithASyncButtonThatWorks() throws Exception {
        SimUser person = newPerson("SSO Doctor");

        JsonNode card = ask(person.id(), "en-US", "why is my photo not showing");

        assertThat(texts(card)).contains("✘ The SharePoint profile has no picture set").contains("✘ SharePoint is set to show the grey placeholder")
                .contains("ℹ PhotoSync has not synced this photo before");
        assertThat(card.path("actions").get(0).path("verb").asText()).isEqualTo("syncMyPhoto");
        assertThat(audit.latestAbout(person.id(), 1).get(0).reason()).isEqualTo("picture-url, placeholder");
    }

    @Test
    void healthyAfterASyncAndStaleWhenTheMicrosoft365PhotoChanges() throws Exception {
        SimUser person = newPerson("SSO Doctor");
        ObjectNode sync = teams.message(person.id(), "en-US", "sync my photo");
        teams.post(sync);
        awaitSent(TeamsChannel.conversationOf(sync), 2);

        JsonNode healthy = ask(person.id(), "en-US", "why is my photo not showing");
        assertThat(texts(healthy)).contains("✔ SharePoint has the same photo as Microsoft 365").contains("Everything PhotoSync can check is in order");
        assertThat(healthy.path("actions")).isEmpty();

        person.setPhoto(Personas.byId(Personas.ISAIAH).photo(), "image/jpeg", 648, 648);
        assertThat(texts(ask(person.id(), "en-US", "why is my photo not showing")))
                .contains("✘ The Microsoft 365 photo changed after PhotoSync last copied it");
    }

    @Test
    void aPictureUrlPointingAtNothing() throws Exception {
        SimUser person = newPerson("SSO Doctor");
        tenant.sharePoint().setProfileProperty(person.userPrincipalName(), "PictureURL",
                tenant.sharePointHost(Api.SHAREPOINT_MY) + "/User%20Photos/Profile%20Pictures/gone_MThumb.jpg");
        tenant.sharePoint().setProfileProperty(person.userPrincipalName(), "SPS-PicturePlaceholderState", "0");

        assertThat(texts(ask(person.id(), "en-US", "why is my photo not showing")))
                .contains("✘ The profile names a picture file that does not exist");
    }

    @Test
    void noMailbox() throws Exception {
        SimUser person = newPerson("SSO Doctor").setMailbox(false);
        person.removePhoto();

        assertThat(texts(ask(person.id(), "en-US", "why is my photo not showing")))
                .contains("ℹ SSO Doctor has no Exchange Online mailbox").contains("✘ Microsoft 365 has no photo of SSO Doctor");
    }

    @Test
    void theTenantPhotoPolicy() throws Exception {
        try {
            tenant.setPhotoPolicy("onPremises", List.of());
            assertThat(texts(ask(Personas.ADELE, "en-US", "why is my photo not showing"))).contains("✘ In this organisation photos come from the on-premises Active Directory");
            tenant.setPhotoPolicy("cloud", List.of("62e90394-69f5-4237-9190-012177145e10"));
            assertThat(texts(ask(Personas.ADELE, "en-US", "why is my photo not showing"))).contains("ℹ In this organisation only people in 1 admin role(s) may change photos");
            tenant.setPhotoPolicy("cloud", List.of());
            assertThat(texts(ask(Personas.ADELE, "en-US", "why is my photo not showing"))).contains("✔ The organisation lets people change their own photo");
        } finally {
            tenant.setPhotoPolicy("cloud", List.of());
        }
    }

    @Test
    void thePolicyInMicrosoftsOwnWrappedShapeIsReadAndOneOfNoKnownShapeIsSaidToBeUnreadable() throws Exception {
        String policy = Pattern.quote(tenant.graphBaseUrl().replace("/v1.0", "/beta")) + "/admin/people/photoUpdateSettings";

        tenant.replay("GET", policy, MicrosoftAnswer.of(200, "application/json", "{\"value\":{\"source\":\"onPremises\",\"allowedRoles\":[]}}"), 1);
        assertThat(texts(ask(Personas.ADELE, "en-US", "why is my photo not showing")))
                .contains("✘ In this organisation photos come from the on-premises Active Directory");
        tenant.replay("GET", policy, MicrosoftAnswer.of(200, "application/json", "{\"source\":\"String\",\"allowedRoles\":[\"String\"]}"), 1);
        assertThat(texts(ask(Personas.ADELE, "en-US", "why is my photo not showing")))
                .contains("ℹ PhotoSync read the organisation's photo policy but didn't understand Microsoft's answer (HTTP 200)")
                .doesNotContain("The organisation lets people change their own photo");
        assertThat(tenant.pendingReplays()).isZero();
    }

    @Test
    void anOperatorExaminesAColleagueAndGetsASyncButtonForThem() throws Exception {
        SimUser colleague = newPerson("SSO Doctor");

        JsonNode card = ask(Personas.ALEX, "en-US", "doctor " + colleague.userPrincipalName());

        assertThat(texts(card)).contains("Photo doctor: SSO Doctor").contains("✘ SharePoint is set to show the grey placeholder");
        assertThat(card.path("actions").get(0).path("data").path("command").asText()).isEqualTo("sync photo for " + colleague.userPrincipalName());
        assertThat(audit.latestAbout(colleague.id(), 1).get(0).requesterId()).isEqualTo(Personas.ALEX);
    }

    @Test
    void someoneWhoIsNotAnOperatorMayExamineOnlyThemselves() throws Exception {
        ObjectNode ask = teams.message(Personas.MEGAN, "en-US", "doctor adelev@" + Personas.DOMAIN);
        teams.post(ask);

        assertThat(awaitSent(TeamsChannel.conversationOf(ask), 1).get(0).card().toString()).contains("Only helpdesk operators");
        assertThat(audit.byCorrelation(ask.path("id").asText())).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("refused-not-operator"));
    }

    private JsonNode ask(String personId, String locale, String text) throws InterruptedException {
        ObjectNode message = teams.message(personId, locale, text);
        assertThat(teams.post(message).statusCode()).isEqualTo(202);
        return awaitSent(TeamsChannel.conversationOf(message), 1).get(0).card();
    }

}
