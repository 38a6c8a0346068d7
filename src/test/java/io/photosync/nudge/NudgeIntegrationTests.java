package io.photosync.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.Eventually;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Operators nudge colleagues; nudges reach those the bot can reach, once, within Teams' limits. */
class NudgeIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Nudges nudges;

    @Autowired
    AuditLog audit;

    @AfterEach
    void calmDown() {
        tenant.botConnector().refuseNext(0, 429, Duration.ZERO);
    }

    @Test
    void anOperatorNudgesColleaguesWhoCanTapToSync() throws Exception {
        String megansChat = install(Personas.MEGAN);
        String isaiahsChat = install(Personas.ISAIAH);
        // Someone who has never talked to the bot: no conversation to send to.
        tenant.addUser(UUID.randomUUID().toString(), "newhire@" + Personas.DOMAIN, "New Hire", false);
        ObjectNode command = teams.message(Personas.ALEX, "en-US",
                "nudge meganb@contoso.onmicrosoft.com, " + Personas.ISAIAH + " newhire@contoso.onmicrosoft.com nobody@contoso.onmicrosoft.com");

        assertThat(teams.post(command).statusCode()).isEqualTo(202);

        String reply = awaitSent(TeamsChannel.conversationOf(command), 1).get(0).card().toString();
        assertThat(reply).contains("sending a nudge to Megan Bowen, Isaiah Langer, New Hire,").contains("No such user: nobody@contoso.onmicrosoft.com");
        SimulatedBotConnector.Sent nudge = awaitSent(megansChat, 2).get(1);
        assertThat(nudge.card().toString()).contains("Your SharePoint photo may be out of date").contains("Action.Execute");
        assertThat(awaitSent(isaiahsChat, 2).get(1).card().toString()).contains("may be out of date");
        String campaignId = nudge.card().path("actions").get(0).path("data").path("nudge").asText();
        Eventually.await(() -> nudges.status(campaignId).pending() == 0, PATIENCE);
        assertThat(nudges.status(campaignId)).isEqualTo(new NudgeStatus(3, 0, 2, 0, 1, 0, 0));

        ObjectNode tap = teams.message(Personas.MEGAN, "en-US", null);
        tap.remove("text");
        tap.put("type", "invoke").put("name", "adaptiveCard/action").put("replyToId", nudge.activityId());
        tap.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "syncMyPhoto")
                .putObject("data").put("photosync", "sync-my-photo").put("nudge", campaignId);
        tap.set("conversation", teams.message(Personas.MEGAN, "en-US", "").path("conversation").deepCopy());
        ((ObjectNode) tap.path("conversation")).put("id", megansChat);

        assertThat(teams.post(tap).statusCode()).isEqualTo(200);

        Eventually.await(() -> nudges.status(campaignId).synced() == 1, PATIENCE);
        assertThat(nudges.status(campaignId).tapped()).isEqualTo(1);
    }

    @Test
    void oneColleagueIsFoundByNudgeAsBySyncPhotoFor() throws Exception {
        for (String who : List.of("megan", "Megan Bowen", "meganb@" + Personas.DOMAIN, "MEGANB@" + Personas.DOMAIN.toUpperCase())) {
            ObjectNode command = teams.message(Personas.ALEX, "en-US", "nudge " + who);

            assertThat(teams.post(command).statusCode()).isEqualTo(202);

            String reply = awaitSent(TeamsChannel.conversationOf(command), 1).get(0).card().toString();
            assertThat(reply).as(who).contains("sending a nudge to Megan Bowen,").doesNotContain("No such user").doesNotContain("0 people");
        }
    }

    @Test
    void aNameSeveralPeopleStartWithGetsTheChoiceCardAndTheChoiceNudges() throws Exception {
        String megansChat = install(Personas.MEGAN);
        tenant.addUser(UUID.randomUUID().toString(), "meghan.lund@" + Personas.DOMAIN, "Meghan Lund", false);
        ObjectNode command = teams.message(Personas.ALEX, "en-US", "nudge meg");

        teams.post(command);

        JsonNode choice = awaitSent(TeamsChannel.conversationOf(command), 1).get(0).card();
        assertThat(choice.toString()).contains("Which \\\"meg\\\"?").contains("Megan Bowen").contains("Meghan Lund").contains("Nudge this person");
        JsonNode button = buttonFor(choice, "meganb@" + Personas.DOMAIN);
        assertThat(button.path("data").path("command").asText()).isEqualTo("nudge meganb@" + Personas.DOMAIN);
        ObjectNode pick = tap(command, Personas.ALEX, button, null);

        assertThat(teams.post(pick).statusCode()).isEqualTo(202);

        assertThat(awaitSent(TeamsChannel.conversationOf(command), 2).get(1).card().toString()).contains("sending a nudge to Megan Bowen,");
        assertThat(awaitSent(megansChat, 2).get(1).card().toString()).contains("Your SharePoint photo may be out of date");
    }

    @Test
    void anUnknownNameGetsSuggestionsAndNobodyIsToldOfANudgeToNoOne() throws Exception {
        ObjectNode misspelt = teams.message(Personas.ALEX, "en-US", "nudge Megn Bowen");
        ObjectNode none = teams.message(Personas.ALEX, "nb-NO", "nudge zzqx, qqzx og meg");
        tenant.addUser(UUID.randomUUID().toString(), "meghan.lund@" + Personas.DOMAIN, "Meghan Lund", false);

        teams.post(misspelt);
        teams.post(none);

        String suggestion = awaitSent(TeamsChannel.conversationOf(misspelt), 1).get(0).card().toString();
        assertThat(suggestion).contains("No such user").contains("Did you mean").contains("nudge meganb@" + Personas.DOMAIN);
        String nobody = awaitSent(TeamsChannel.conversationOf(none), 1).get(0).card().toString();
        assertThat(nobody).contains("Ingen å påminne").contains("Fant ingen bruker: zzqx, qqzx").contains("Flere personer passer til meg")
                .doesNotContain("Jeg sender");
    }

    @Test
    void anOperatorNudgesAGroupThroughItsNestedGroupsLeavingGuestsOut() throws Exception {
        List<String> chats = List.of(Personas.MEGAN, Personas.ADELE, Personas.PATTI, Personas.LIDIA, Personas.JOHN_GUEST)
                .stream().map(this::install).toList();
        ObjectNode command = teams.message(Personas.ALEX, "en-US", "<at>PhotoSync</at> nudge group sales AND marketing");

        assertThat(teams.post(command).statusCode()).isEqualTo(202);

        String reply = awaitSent(TeamsChannel.conversationOf(command), 1).get(0).card().toString();
        assertThat(reply).contains("nudge to 4 member(s) of Sales and Marketing").contains("Left out: 1 (guests");
        for (String chat : chats.subList(0, 4)) {
            assertThat(awaitSent(chat, 2)).extracting(s -> s.card().path("body").get(0).path("text").asText())
                    .containsExactly("PhotoSync", "Your SharePoint photo may be out of date");
        }
        Thread.sleep(500);
        assertThat(tenant.botConnector().sentTo(chats.get(4))).hasSize(1); // the guest: the welcome card only
    }

    @Test
    void asksWhichGroupWhenTheNameIsAmbiguousAndSaysSoWhenThereIsNone() throws Exception {
        ObjectNode ambiguous = teams.message(Personas.ALEX, "nb-NO", "påminn gruppe Sales");
        ObjectNode unknown = teams.message(Personas.ALEX, "en-US", "nudge group Finance");

        assertThat(teams.post(ambiguous).statusCode()).isEqualTo(202);
        assertThat(teams.post(unknown).statusCode()).isEqualTo(202);

        assertThat(awaitSent(TeamsChannel.conversationOf(ambiguous), 1).get(0).card().toString())
                .contains("Hvilken gruppe?").contains("Sales and Marketing").contains("Sales Interns");
        assertThat(awaitSent(TeamsChannel.conversationOf(unknown), 1).get(0).card().toString())
                .contains("No such group").contains("no group named").contains("Finance");
    }

    @Test
    void refusesNudgesFromSomeoneWhoIsNotAnOperator() throws Exception {
        ObjectNode command = teams.message(Personas.ADELE, "en-US", "nudge meganb@contoso.onmicrosoft.com");

        assertThat(teams.post(command).statusCode()).isEqualTo(202);

        assertThat(awaitSent(TeamsChannel.conversationOf(command), 1).get(0).card().toString()).contains("Only helpdesk operators");
        assertThat(audit.byCorrelation(command.path("id").asText())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("nudge");
            assertThat(entry.outcome()).isEqualTo("refused-not-operator");
            assertThat(entry.requesterId()).isEqualTo(Personas.ADELE);
        });
    }

    @Test
    void deliversOnceAfterTeamsSaid429() throws Exception {
        String chat = install(Personas.PATTI);
        tenant.botConnector().refuseNext(1, 429, Duration.ofSeconds(1));

        String campaignId = nudges.start(Personas.ALEX, List.of(Personas.PATTI), "en").id();

        Eventually.await(() -> nudges.status(campaignId).sent() == 1, PATIENCE);
        Thread.sleep(1_000);
        assertThat(tenant.botConnector().sentTo(chat)).hasSize(2); // the welcome card, then one nudge
    }

    @Test
    void pausesTheTenantWhen429sPersistAndLosesNothing() throws Exception {
        List<String> people = List.of(Personas.ADELE, Personas.ALEX, Personas.NESTOR, Personas.LYNNE, Personas.JOHN_GUEST);
        List<String> chats = people.stream().map(this::install).toList();
        // A pause another test started (they share the application) would swallow these refusals as "the same burst".
        Eventually.await(() -> !nudges.paused(), PATIENCE);
        int pausesBefore = nudges.pauses();
        tenant.botConnector().refuseNext(6, 429, Duration.ZERO);

        String campaignId = nudges.start(Personas.ALEX, people, "en").id();

        Eventually.await(() -> nudges.status(campaignId).sent() == people.size(), PATIENCE);
        assertThat(nudges.pauses()).isGreaterThan(pausesBefore);
        Thread.sleep(500);
        for (String chat : chats) {
            assertThat(tenant.botConnector().sentTo(chat)).extracting(s -> s.card().path("body").get(0).path("text").asText())
                    .containsExactly("PhotoSync", "Your SharePoint photo may be out of date");
        }
    }

    @Test
    void sendsNothingToSomeoneWhoUninstalledTheApp() throws Exception {
        String chat = install(Personas.LYNNE);
        ObjectNode removed = teams.message(Personas.LYNNE, "en-US", null);
        removed.remove("text");
        removed.put("type", "installationUpdate").put("action", "remove");
        assertThat(teams.post(removed).statusCode()).isEqualTo(202);

        String campaignId = nudges.start(Personas.ALEX, List.of(Personas.LYNNE), "en").id();

        Eventually.await(() -> nudges.status(campaignId).pending() == 0, PATIENCE);
        assertThat(nudges.status(campaignId).noConversation()).isEqualTo(1);
        assertThat(tenant.botConnector().sentTo(chat)).hasSize(1); // the welcome card only
    }

    /** Installs the app for the person, as Teams reports it; returns their chat's id. */
    private String install(String personaId) {
        ObjectNode added = teams.installed(personaId, "en-US");
        assertThat(teams.post(added).statusCode()).isEqualTo(202);
        try {
            awaitSent(TeamsChannel.conversationOf(added), 1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return TeamsChannel.conversationOf(added);
    }

}
