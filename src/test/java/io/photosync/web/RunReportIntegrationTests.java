package io.photosync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimGroup;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.EntraBrowser;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an operator starts in Teams and follows to the end: a tenant scan of a few hundred people
 * in every state, fixed or nudged; a group's bulk sync; and the report of each, in the browser
 * (operators only) and as CSV. Its own application and simulated tenant (closed after), so that
 * the few hundred people do not slow every other test's scans. Every Microsoft call takes 10 ms, so
 * that the syncs are still going when the card first follows them, however fast the machine.
 */
@TestPropertySource(properties = {"photosync.test.tenant=a-few-hundred-people", "photosync.sandbox.latency=10ms"})
@DirtiesContext
class RunReportIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Autowired
    OkHttpClient http;

    @Autowired
    AuditLog audit;

    /** The people of one test, by what the scan should find. */
    private final Map<String, List<SimUser>> people = new LinkedHashMap<>();

    @Test
    void scanAndFixAFewHundredPeopleFollowsEverySyncAndReportsEveryone() throws Exception {
        populate("current", 80, true, true, "synced now");
        populate("stale", 60, true, true, "synced earlier");
        populate("missing", 60, true, true, null);
        populate("no_source_photo", 40, false, true, null);
        populate("orphaned", 20, false, true, "shown in SharePoint");
        populate("skipped", 20, true, false, null);
        for (int i = 0; i < 10; i++) {
            tenant.addUser(UUID.randomUUID().toString(), "guest" + i + "_fabrikam.com#EXT#@" + Personas.DOMAIN, "Bulk Guest " + i, true);
        }
        SimUser formula = person("=HYPERLINK(\"https://evil.example\",\"click\")", true, true);
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "scan and fix");

        assertThat(teams.post(ask).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitFinished(ask, "Finished:");
        JsonNode last = sent.get(sent.size() - 1).card();
        assertThat(sent.stream().map(s -> texts(s.card())).filter(text -> text.contains("This card changes as they go")).toList())
                .as("the card followed the syncs while they went").isNotEmpty();
        assertThat(sent.stream().filter(s -> facts(s.card()).containsKey("To go")).map(s -> facts(s.card()).get("To go")).distinct().count())
                .as("the count to go went down").isGreaterThan(1);
        Map<String, String> facts = facts(last);
        assertThat(facts.get("To go")).isEqualTo("0");
        String reportUrl = reportUrl(last);

        EntraBrowser browser = new EntraBrowser(http, port);
        EntraBrowser.Page signedIn = browser.signInThrough(reportUrl, Personas.ALEX);
        assertThat(signedIn.status()).as("back to the report").isEqualTo(303);
        assertThat(signedIn.setCookie()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/reports");
        EntraBrowser.Page page = browser.open(signedIn.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.csp()).contains("default-src 'none'");
        assertThat(page.body()).contains("Tenant scan of").contains("sync every stale or missing photo")
                .contains("Bulk stale 7").contains("photo changed since the last sync").contains("Synced")
                .contains("=HYPERLINK(&quot;https://evil.example&quot;").doesNotContain("<script");

        List<Map<String, String>> csv = csv(browser.open(reportUrl + "/report.csv"));
        Map<String, Map<String, String>> byId = new HashMap<>();
        csv.forEach(row -> byId.put(row.get("object_id"), row));
        people.forEach((expected, group) -> group.forEach(person -> {
            Map<String, String> row = byId.get(person.id());
            assertThat(row).as(person.displayName()).isNotNull();
            assertThat(row.get("class")).as(person.displayName()).isEqualTo(expected);
            assertThat(row.get("outcome")).as(person.displayName()).isEqualTo(expected.equals("stale") || expected.equals("missing") ? "synced" : "none");
        }));
        assertThat(byId.get(formula.id()).get("display_name")).as("no spreadsheet formula").startsWith("'=HYPERLINK");
        assertThat(csv).as("guests are not members").noneMatch(row -> row.get("display_name").startsWith("Bulk Guest"));
        for (String scanClass : List.of("current", "stale", "missing", "no_source_photo", "orphaned", "skipped")) {
            String title = Map.of("current", "Current", "stale", "Stale", "missing", "Missing", "no_source_photo", "No photo in Microsoft 365",
                    "orphaned", "Only in SharePoint", "skipped", "No SharePoint profile yet").get(scanClass);
            assertThat(facts.get(title)).as(scanClass + " on the card = rows in the report")
                    .isEqualTo(String.valueOf(csv.stream().filter(row -> row.get("class").equals(scanClass)).count()));
        }
        long synced = csv.stream().filter(row -> row.get("outcome").equals("synced")).count();
        assertThat(facts.get("Synced")).isEqualTo(String.valueOf(synced));
        assertThat(synced).isGreaterThanOrEqualTo(121);
        assertThat(csv.stream().filter(row -> row.get("outcome").equals("sync_failed")).count()).isEqualTo(Long.parseLong(facts.get("Failed")));
        people.get("missing").forEach(person -> assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL"))
                .as("fixed in SharePoint").hasValueSatisfying(url -> assertThat(url).isNotBlank()));
    }

    @Test
    void scanAndNudgeRemindsThoseWhoCanBeReachedAndSaysWhoCouldNot() throws Exception {
        populate("missing", 3, true, true, null);
        SimUser chatting = people.get("missing").get(0);
        ObjectNode hello = teams.message(chatting.id(), "en-US", "hello");
        teams.post(hello);
        awaitSent(hello, 1);
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "scan and nudge");

        teams.post(ask);

        JsonNode last = awaitFinished(ask, "Finished:").stream().reduce((a, b) -> b).orElseThrow().card();
        assertThat(texts(last)).contains("people nudged").contains("could not be reached");
        EntraBrowser browser = new EntraBrowser(http, port);
        browser.signInThrough(reportUrl(last), Personas.ALEX);
        Map<String, String> outcomes = new HashMap<>();
        csv(browser.open(reportUrl(last) + "/report.csv")).forEach(row -> outcomes.put(row.get("object_id"), row.get("outcome")));
        assertThat(outcomes.get(chatting.id())).isEqualTo("nudged");
        assertThat(outcomes.get(people.get("missing").get(1).id())).isEqualTo("no_conversation");
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(hello))).as("the nudge reached the chat")
                .anyMatch(s -> texts(s.card()).contains("Sync my photo") || s.card().toString().contains("Sync my photo"));
    }

    @Test
    void aGroupSyncFollowsItsMembersAndItsReportNamesWhoWasLeftOut() throws Exception {
        populate("missing", 12, true, true, null);
        SimUser guest = tenant.addUser(UUID.randomUUID().toString(), "crewguest_fabrikam.com#EXT#@" + Personas.DOMAIN, "Crew Guest", true);
        SimGroup crew = tenant.addGroup(UUID.randomUUID().toString(), "Bulk Crew " + UUID.randomUUID().toString().substring(0, 6));
        people.get("missing").forEach(crew::add);
        crew.add(guest);
        ObjectNode ask = teams.message(Personas.ALEX, "nb-NO", "synkroniser bildene til gruppen " + crew.displayName());

        teams.post(ask);

        List<SimulatedBotConnector.Sent> sent = awaitFinished(ask, "Ferdig:");
        JsonNode last = sent.get(sent.size() - 1).card();
        assertThat(sent.get(sent.size() - 1).activityId()).as("updated in place").isEqualTo(sent.get(0).activityId());
        assertThat(texts(last)).contains("Bildene til " + crew.displayName() + ": ferdig").contains("12 bilde(r) synkronisert, 0 mislyktes")
                .contains("Utelatt: 1");
        EntraBrowser browser = new EntraBrowser(http, port);
        browser.signInThrough(reportUrl(last), Personas.ALEX);
        EntraBrowser.Page page = browser.open(reportUrl(last));
        assertThat(page.body()).contains("lang=\"nb\"").contains("Bildesynkronisering for gruppen " + crew.displayName())
                .contains("Crew Guest").contains("Utelatt: gjest").contains("Synkronisert");
        List<Map<String, String>> csv = csv(browser.open(reportUrl(last) + "/report.csv"));
        assertThat(csv).hasSize(13);
        assertThat(csv).filteredOn(row -> row.get("outcome").equals("synced")).hasSize(12);
    }

    /**
     * Login CSRF: an operator completes Entra's sign-in but lets someone else's browser post the
     * answer to PhotoSync. That browser must not end up signed in as them, and their own does.
     */
    @Test
    void aSignInFinishedInAnotherBrowserSignsThatBrowserInToNothing() throws Exception {
        String reportUrl = reportOfAReportOnlyScan();
        EntraBrowser attacker = new EntraBrowser(http, port);
        String entrasAnswer = attacker.formFromEntra(reportUrl, Personas.ALEX);

        EntraBrowser victim = new EntraBrowser(http, port);
        EntraBrowser.Page planted = victim.postForm(entrasAnswer);
        assertThat(planted.status()).isEqualTo(303);

        assertThat(victim.open(planted.location()).status()).as("the planted session is thrown away: sign in yourself").isEqualTo(302);
        assertThat(victim.open(planted.location()).status()).isEqualTo(302);
        EntraBrowser.Page own = attacker.signInThrough(reportUrl, Personas.ALEX);
        assertThat(attacker.open(own.location()).status()).as("in the browser that started it, a sign-in works").isEqualTo(200);
    }

    /** Alex runs a "scan" (report only) and it ends; the link its card gives. */
    private String reportOfAReportOnlyScan() throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "scan");
        teams.post(ask);
        return reportUrl(awaitFinished(ask, "Nothing was changed").stream().reduce((a, b) -> b).orElseThrow().card());
    }

    @Test
    void onlyOperatorsReadReports() throws Exception {
        String reportUrl = reportOfAReportOnlyScan();

        EntraBrowser stranger = new EntraBrowser(http, port);
        EntraBrowser.Page toEntra = stranger.open(reportUrl);
        assertThat(toEntra.status()).isEqualTo(302);
        assertThat(toEntra.location()).startsWith(tenant.baseUrl()).doesNotContain("login_hint");
        EntraBrowser.Page megan = new EntraBrowser(http, port).signInThrough(reportUrl, Personas.MEGAN);
        assertThat(megan.status()).isEqualTo(403);
        assertThat(megan.body()).contains("Only the helpdesk can read reports");
        assertThat(megan.setCookie()).isNull();
        stranger.cookie(ReportPage.COOKIE + "=made-up");
        assertThat(stranger.open(reportUrl).status()).as("an unknown session signs in again").isEqualTo(302);
        assertThat(stranger.open(reportUrl + "/report.csv").status()).isEqualTo(302);
        assertThat(stranger.open(reportUrl.replaceAll("/reports/.*", "/reports/callback?state=made-up&code=x")).status()).isEqualTo(400);

        EntraBrowser alex = new EntraBrowser(http, port);
        alex.signInThrough(reportUrl, Personas.ALEX);
        assertThat(alex.open(reportUrl).status()).isEqualTo(200);
        EntraBrowser.Page unknown = alex.open(reportUrl.replaceAll("/reports/.*", "/reports/" + UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No such report");
        EntraBrowser.Page csv = alex.open(reportUrl + "/report.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFdisplay_name,user_principal_name,object_id,class,finding,outcome,outcome_detail\r\n");
    }

    private void populate(String scanClass, int count, boolean photo, boolean profile, String history) throws IOException {
        List<SimUser> group = people.computeIfAbsent(scanClass, key -> new ArrayList<>());
        for (int i = 0; i < count; i++) {
            SimUser person = person("Bulk " + scanClass.replace('_', ' ') + " " + i, photo, profile);
            if ("synced now".equals(history) || "synced earlier".equals(history)) {
                String etag = "synced now".equals(history) ? person.photoEtag() : "\"an-earlier-photo\"";
                audit.record(AuditEvent.of(AuditAction.SYNC_COLLEAGUE, new AuditEvent.Person(Personas.ALEX, null),
                        new AuditEvent.Person(person.id(), person.userPrincipalName()), "synced").withMode("app-only")
                        .withPhoto(null, etag, null).correlatedWith("test-history"));
            }
            if ("synced earlier".equals(history) || "shown in SharePoint".equals(history)) {
                tenant.showInSharePoint(person.userPrincipalName(), adele());
            }
            group.add(person);
        }
    }

    private SimUser person(String name, boolean photo, boolean profile) {
        return NewPeople.add(tenant, name, photo, profile);
    }

    private static BufferedImage adele() throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Personas.byId(Personas.ADELE).photo()));
    }

    private List<SimulatedBotConnector.Sent> awaitFinished(ObjectNode ask, String words) throws InterruptedException {
        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat) && texts(s.card()).contains(words)), PATIENCE);
        return tenant.botConnector().sentTo(chat);
    }

    private static String reportUrl(JsonNode card) {
        JsonNode open = card.path("actions").get(0);
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        return open.path("url").asText();
    }

    /** The card's facts, title to value (the last FactSet wins a repeated title). */
    private static Map<String, String> facts(JsonNode card) {
        Map<String, String> facts = new HashMap<>();
        card.findValues("facts").forEach(set -> set.forEach(fact -> facts.put(fact.path("title").asText(), fact.path("value").asText())));
        return facts;
    }

    /** A CSV answer as rows of column → value (RFC 4180 quoting). */
    private static List<Map<String, String>> csv(EntraBrowser.Page page) {
        assertThat(page.status()).isEqualTo(200);
        List<List<String>> records = parseCsv(page.body().replaceFirst("^\uFEFF", ""));
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return records;
    }
}
