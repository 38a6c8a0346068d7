package io.photosync.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SandboxSso;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SsoToken;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The helpdesk in Teams: an operator syncs colleagues by address or name, reads their history; others are refused. */
class HelpdeskIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    AuditLog audit;

    @Autowired
    SandboxSso sandboxSso;

    @AfterEach
    void ssoBackOn() {
        sandboxSso.setEnabled(true);
    }

    @Test
    void anOperatorIsToldTheDirectoryIsUnavailableWhenItCannotSayWhetherTheyAreOne() throws Exception {
        SimUser colleague = newColleague("Devon Directory");
        tenant.overload(Api.GRAPH, 50, Duration.ZERO);
        try {
            ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());

            assertThat(teams.post(ask).statusCode()).isEqualTo(202);

            assertThat(texts(awaitSent(ask, 1).get(0).card())).contains("I couldn't reach the directory").contains("Nothing was sent");
            assertThat(tenant.sharePoint().photoFile(colleague.id() + "_MThumb.jpg")).isEmpty();
        } finally {
            tenant.overload(Api.GRAPH, 0, Duration.ZERO);
        }
    }

    @Test
    void anOperatorSyncsAColleagueByAddressAndItIsAudited() throws Exception {
        SimUser colleague = newColleague("Quinn Colleague");
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName().toUpperCase());

        assertThat(teams.post(ask).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(ask, 2);
        assertThat(sent.get(0).card().toString()).contains("Syncing Quinn Colleague's photo");
        assertThat(sent.get(1).method()).isEqualTo("PUT");
        assertThat(sent.get(1).card().toString()).contains("Quinn Colleague's SharePoint photo is up to date").contains("by PhotoSync's app permission");
        byte[] medium = tenant.sharePoint().photoFile(colleague.id() + "_MThumb.jpg").orElseThrow();
        AuditEntry entry = audit.latestAbout(colleague.id(), 1).get(0);
        assertThat(entry.requesterId()).isEqualTo(Personas.ALEX);
        assertThat(entry.requesterUpn()).isEqualTo("alexw@" + Personas.DOMAIN);
        assertThat(entry.subjectUpn()).isEqualTo(colleague.userPrincipalName());
        assertThat(entry.action()).isEqualTo("sync-colleague");
        assertThat(entry.mode()).isEqualTo("app-only");
        assertThat(entry.outcome()).isEqualTo("synced");
        assertThat(entry.etagBefore()).isNull();
        assertThat(entry.etagAfter()).isEqualTo(colleague.photoEtag());
        assertThat(entry.mthumbSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(medium)));
        assertThat(entry.correlationId()).isNotBlank();

        colleague.setPhoto(Personas.byId(Personas.MEGAN).photo(), "image/jpeg", 480, 640);
        ObjectNode again = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
        teams.post(again);
        awaitSent(again, 2);
        AuditEntry second = audit.latestAbout(colleague.id(), 1).get(0);
        assertThat(second.etagBefore()).isEqualTo(entry.etagAfter());
        assertThat(second.etagAfter()).isEqualTo(colleague.photoEtag()).isNotEqualTo(entry.etagAfter());
    }

    @Test
    void aTenantThatRefusesAppOnlyProfileWritesIsNamedOnTheHelpdeskCardWithWhatTheAdminCanDo() throws Exception {
        SimUser colleague = newColleague("Uma Unwritable");
        tenant.sharePoint().refuseAppOnlyProfileWrites(true);
        try {
            ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());

            assertThat(teams.post(ask).statusCode()).isEqualTo(202);

            assertThat(texts(awaitSent(ask, 2).get(1).card())).contains("SharePoint refused PhotoSync for Uma Unwritable")
                    .contains("SetSingleValueProfileProperty").contains("Access denied")
                    .contains("An admin grants SharePoint's User.ReadWrite.All application permission with admin consent")
                    .contains("people can still sync their own photo");
            assertThat(audit.latestAbout(colleague.id(), 1).get(0).outcome()).isEqualTo("access-refused");
        } finally {
            tenant.sharePoint().refuseAppOnlyProfileWrites(false);
        }
    }

    @Test
    void findsTheColleagueByMailAndByTheStartOfTheirName() throws Exception {
        SimUser byMail = newColleague("Rowan Mailperson").setMail("rowan.m@contoso.com");
        SimUser byName = newColleague("Sasha Namesake");

        ObjectNode mail = teams.message(Personas.ALEX, "en-US", "sync photo for rowan.m@contoso.com");
        ObjectNode name = teams.message(Personas.ALEX, "nb-NO", "synkroniser bildet til Sasha Nam");
        teams.post(mail);
        teams.post(name);

        assertThat(awaitSent(mail, 2).get(1).card().toString()).contains("Rowan Mailperson's SharePoint photo is up to date");
        assertThat(awaitSent(name, 2).get(1).card().toString()).contains("SharePoint-bildet til Sasha Namesake er oppdatert");
        assertThat(tenant.sharePoint().photoFile(byMail.id() + "_MThumb.jpg")).isPresent();
        assertThat(tenant.sharePoint().photoFile(byName.id() + "_MThumb.jpg")).isPresent();
    }

    @Test
    void anAmbiguousNameGetsAChoiceAndTheChoiceSyncs() throws Exception {
        SimUser first = newColleague("Taylor Twin", "Accountant", "Finance");
        SimUser second = newColleague("Taylor Twinning", "Chef", "Canteen");
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for Taylor Twin");
        ObjectNode vague = teams.message(Personas.ALEX, "en-US", "sync photo for Taylor");

        teams.post(ask);
        teams.post(vague);

        assertThat(awaitSent(ask, 2).get(1).card().toString()).as("the exact whole name wins").contains("Taylor Twin's SharePoint photo");
        JsonNode choice = awaitSent(vague, 1).get(0).card();
        assertThat(texts(choice)).contains("Which \"Taylor\"?").contains("Taylor Twinning").contains("Chef · Canteen")
                .contains("Accountant · Finance");
        JsonNode button = buttonFor(choice, second.userPrincipalName());
        ObjectNode pick = tap(vague, Personas.ALEX, button, null);

        assertThat(teams.post(pick).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(vague, 3);
        assertThat(sent.get(1).card().toString()).contains("Syncing Taylor Twinning's photo");
        assertThat(sent.get(2).method()).isEqualTo("PUT");
        assertThat(sent.get(2).activityId()).isEqualTo(sent.get(1).activityId());
        assertThat(sent.get(2).card().toString()).contains("Taylor Twinning's SharePoint photo is up to date");
        assertThat(tenant.sharePoint().photoFile(first.id() + "_MThumb.jpg")).isPresent();
        assertThat(tenant.sharePoint().photoFile(second.id() + "_MThumb.jpg")).isPresent();
    }

    @Test
    void anUnknownNameGetsTheClosestSuggestions() throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for Megn Bowen");

        teams.post(ask);

        JsonNode card = awaitSent(ask, 1).get(0).card();
        assertThat(texts(card) + card).contains("No such user").contains("nobody named \"Megn Bowen\"").contains("Did you mean").contains("Megan Bowen")
                .contains("sync photo for meganb@" + Personas.DOMAIN);
    }

    @Test
    void refusesAndAuditsSomeoneWhoIsNotAnOperator() throws Exception {
        SimUser colleague = newColleague("Uma Untouched");
        ObjectNode ask = teams.message(Personas.ADELE, "en-US", "sync photo for " + colleague.userPrincipalName());

        teams.post(ask);

        assertThat(awaitSent(ask, 1).get(0).card().toString()).contains("Only helpdesk operators can do that");
        Thread.sleep(300);
        assertThat(tenant.sharePoint().photoFile(colleague.id() + "_MThumb.jpg")).isEmpty();
        List<AuditEntry> refusals = audit.byCorrelation(ask.path("id").asText());
        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.requesterId()).isEqualTo(Personas.ADELE);
            assertThat(refusal.action()).isEqualTo("sync-colleague");
            assertThat(refusal.outcome()).isEqualTo("refused-not-operator");
            assertThat(refusal.reason()).contains(colleague.userPrincipalName());
        });
    }

    @Test
    void anOperatorsHelpListsTheHelpdeskCommandsInTheirLanguageAndNobodyElsesDoes() throws Exception {
        ObjectNode english = teams.message(Personas.ALEX, "en-US", "help");
        ObjectNode norwegian = teams.message(Personas.ALEX, "en-US", "hjelp");
        ObjectNode colleague = teams.message(Personas.ADELE, "en-US", "help");
        ObjectNode nonsense = teams.message(Personas.ALEX, "en-US", "make me a sandwich");

        for (ObjectNode message : List.of(english, norwegian, colleague, nonsense)) {
            assertThat(teams.post(message).statusCode()).isEqualTo(202);
        }

        String operatorsHelp = texts(awaitSent(english, 1).get(0).card());
        assertThat(operatorsHelp).contains("sync my photo").contains("For helpdesk operators").contains("sync photo for <who>")
                .contains("For example: sync photo for Megan Bowen").contains("sync photos for group <name>").contains("history for <who>")
                .contains("doctor <who>").contains("nudge <who>, <who>").contains("nudge group <name>").contains("scan and fix")
                .contains("scan and nudge").contains("preflight");
        assertThat(texts(awaitSent(norwegian, 1).get(0).card())).contains("For brukerstøtte").contains("synkroniser bildet til <hvem>")
                .contains("For eksempel: påminn gruppe Salg og markedsføring").contains("skann og fiks").doesNotContain("For helpdesk operators");
        assertThat(texts(awaitSent(nonsense, 1).get(0).card())).contains("I didn't understand").contains("For helpdesk operators");
        String everyonesHelp = texts(awaitSent(colleague, 1).get(0).card());
        assertThat(everyonesHelp).contains("sync my photo").doesNotContain("For helpdesk operators").doesNotContain("sync photo for")
                .doesNotContain("scan");
    }

    @Test
    void anAppRoleMakesAnOperatorToo() throws Exception {
        SimUser roleHolder = newColleague("Vic Roleholder").assignAppRole("PhotoSync.Operator");
        SimUser colleague = newColleague("Wren Target");
        ObjectNode ask = teams.message(roleHolder.id(), "en-US", "sync photo for " + colleague.userPrincipalName());

        teams.post(ask);

        assertThat(awaitSent(ask, 2).get(1).card().toString()).contains("Wren Target's SharePoint photo is up to date");
    }

    @Test
    void hostileNamesResolveExactlyOrNotAtAll() throws Exception {
        for (String name : List.of("Xan \"Q\" O'Hara", "100% #1 Yara", "Zoë Ñúñez-日本")) {
            SimUser person = newColleague(name);
            ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + name);
            teams.post(ask);
            awaitSent(ask, 2);
            assertThat(tenant.sharePoint().photoFile(person.id() + "_MThumb.jpg")).as(name).isPresent();
        }
        ObjectNode injection = teams.message(Personas.ALEX, "en-US", "sync photo for x' or startswith(displayName,'A");
        teams.post(injection);
        assertThat(awaitSent(injection, 1).get(0).card().toString()).contains("No such user");
        Thread.sleep(300);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(injection))).hasSize(1);
    }

    @Test
    void historyShowsWhatWasDoneAndTheColleagueIsTold() throws Exception {
        SimUser colleague = newColleague("Yuki Historied");
        String colleaguesChat = install(colleague.id());
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
        teams.post(ask);
        awaitSent(ask, 2);

        assertThat(awaitSent(colleaguesChat, 2).get(1).card().toString()).contains("Your SharePoint photo was updated").contains("Alex Wilber");

        ObjectNode history = teams.message(Personas.ALEX, "en-US", "history for " + colleague.userPrincipalName());
        teams.post(history);
        String card = awaitSent(history, 1).get(0).card().toString();
        assertThat(card).contains("History for Yuki Historied").contains("helpdesk sync: synced (app-only)").contains("asked by alexw@" + Personas.DOMAIN);
        assertThat(audit.byCorrelation(history.path("id").asText())).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("history"));
    }

    /** The names on the operator's card and the colleague's notice come with the request, not from Graph again. */
    @Test
    void theReturnLegAsksGraphForNoNameTheRequestCarried() throws Exception {
        SimUser colleague = newColleague("Zara Returnleg");
        String colleaguesChat = install(colleague.id());
        tenant.clearReceivedRequests();
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
        teams.post(ask);

        assertThat(awaitSent(ask, 2).get(1).card().toString()).contains("Zara Returnleg's SharePoint photo is up to date");
        assertThat(awaitSent(colleaguesChat, 2).get(1).card().toString()).contains("Alex Wilber");
        List<String> userReads = tenant.receivedRequests().stream()
                .filter(request -> request.method().equals("GET") && request.path().matches(".*/users/[^/]+"))
                .map(ReceivedRequest::path).toList();
        assertThat(userReads).as("the sync reads the colleague once; nobody is looked up again for a name")
                .containsExactly("/graph/v1.0/users/" + colleague.id());
    }

    @Test
    void anOperatorSyncsAWholeGroupOneJobPerMember(@Autowired JdbcClient jdbc) throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photos for group Sales Interns");

        teams.post(ask);

        String card = texts(awaitSent(ask, 1).get(0).card());
        assertThat(card).contains("Syncing the photos of Sales Interns").contains("2 sync(s) queued");
        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat)
                && texts(s.card()).contains("Photos of Sales Interns: finished")), PATIENCE);
        List<SimulatedBotConnector.Sent> sent = tenant.botConnector().sentTo(chat);
        JsonNode last = sent.get(sent.size() - 1).card();
        assertThat(texts(last)).as("Lidia has no SharePoint profile yet").contains("1 photo(s) synced, 1 failed");
        String reportUrl = last.path("actions").get(0).path("url").asText();
        String run = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select subject_id from sync_job where request_key like ?").param("scan:" + run + ":%")
                .query(String.class).list()).containsExactlyInAnyOrder(Personas.LIDIA, Personas.MEGAN);
        assertThat(jdbc.sql("select subject_upn from sync_job where request_key like ?").param("scan:" + run + ":%")
                .query(String.class).list()).as("the audit needs no directory call per job")
                .containsExactlyInAnyOrder("lidiah@" + Personas.DOMAIN, "meganb@" + Personas.DOMAIN);
        assertThat(audit.latestAbout(Personas.MEGAN, 1).get(0).action()).isEqualTo("sync-colleague");
    }

    @Test
    void anOperatorRunsThePreflightCheckFromTeamsAndOthersMayNot() throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "preflight adelev@" + Personas.DOMAIN);
        ObjectNode other = teams.message(Personas.MEGAN, "en-US", "preflight");
        teams.post(ask);
        teams.post(other);

        String card = texts(awaitSent(ask, 1).get(0).card());
        assertThat(card).contains("Preflight: everything is in place").contains("✔ token for Microsoft Graph")
                .contains("✔ token for SharePoint admin host").contains("✔ test user: Adele Vance")
                .contains("✔ new photos from Teams: delegated ProfilePhoto.ReadWrite.All consented").doesNotContain("✘");
        assertThat(awaitSent(other, 1).get(0).card().toString()).contains("Only helpdesk operators");
        assertThat(audit.byCorrelation(other.path("id").asText())).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo("refused-not-operator"));
    }

    @Test
    void anOperatorWhoIsNotSignedInSignsInFirstAndTheCommandResumes() throws Exception {
        sandboxSso.setEnabled(false);
        SimUser operator = newColleague("Zane Newoperator").assignAppRole("PhotoSync.Operator");
        SimUser colleague = newColleague("Zed Waiting");
        ObjectNode ask = teams.message(operator.id(), "en-US", "sync photo for " + colleague.userPrincipalName());
        teams.post(ask);
        JsonNode signInCard = awaitSent(ask, 1).get(0).activity().path("attachments").get(0).path("content");
        assertThat(signInCard.path("tokenExchangeResource").path("id").asText()).isNotBlank();

        ObjectNode exchange = ask.deepCopy();
        exchange.remove("text");
        exchange.put("id", "f:" + UUID.randomUUID()).put("type", "invoke").put("name", "signin/tokenExchange");
        exchange.putObject("value").put("id", signInCard.path("tokenExchangeResource").path("id").asText()).put("connectionName", "")
                .put("token", tenant.ssoToken(operator.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID));
        assertThat(teams.post(exchange).statusCode()).isEqualTo(200);

        assertThat(awaitSent(ask, 3).get(2).card().toString()).contains("Zed Waiting's SharePoint photo is up to date");
    }

    private SimUser newColleague(String name) {
        return newPerson(name);
    }

    private SimUser newColleague(String name, String jobTitle, String department) {
        return newPerson(name).setJob(jobTitle, department);
    }

    /** Installs the app for the person, as Teams reports it; returns their chat's id. */
    private String install(String personId) throws InterruptedException {
        ObjectNode added = teams.installed(personId, "en-US");
        assertThat(teams.post(added).statusCode()).isEqualTo(202);
        String chat = TeamsChannel.conversationOf(added);
        awaitSent(chat, 1);
        return chat;
    }

}
