package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Attachment;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.photosync.audit.AuditEntry;
import io.photosync.i18n.Messages;
import io.photosync.scan.RunAction;
import io.photosync.scan.RunProgress;
import io.photosync.scan.ScanClass;
import io.photosync.scan.ScanRun;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.KeptPhoto;
import io.photosync.sync.NewPhoto;
import io.photosync.sync.PhotoChange;
import io.photosync.sync.PhotoRejected;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.WriteMode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every card the bot can send, in both languages: valid Adaptive Card 1.5, small enough for Teams, fully worded. */
class CardsTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema schema;
    private static final Messages MESSAGES = new Messages(messageSource());
    private static final Notices NOTICES = new Notices(MESSAGES);
    private static final SyncCards SYNC = new SyncCards(MESSAGES);
    private static final NewPhotoCards NEW_PHOTO = new NewPhotoCards(MESSAGES);
    private static final NudgeCards NUDGES = new NudgeCards(MESSAGES);
    private static final SignInCards SIGN_IN = new SignInCards(MESSAGES);
    private static final HelpdeskCards HELPDESK = new HelpdeskCards(MESSAGES);
    private static final DoctorCards DOCTOR = new DoctorCards(MESSAGES);
    private static final RunCards RUNS = new RunCards(MESSAGES);

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = CardsTests.class.getResourceAsStream("/schemas/adaptive-card-1.5.json")) {
            // Microsoft's file declares draft-06 but names itself with draft-04's "id"; read it as "$id".
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\"id\": \"http://adaptivecards.io", "\"\\$id\": \"http://adaptivecards.io");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6).getSchema(text, InputFormat.JSON);
        }
    }

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    private static final String VERSION = "7d0c3c1e-4a51-4f0b-9a53-1f7c9e0a2b11";

    static List<SyncOutcome> everyOutcome() {
        List<SyncOutcome> outcomes = new ArrayList<>(List.of(
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/x_MThumb.jpg",
                        "\"E1\"", "ab", new byte[3_000], 300),
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/adele_MThumb.jpg",
                        "\"E1\"", "ab", new byte[3_000], 300, WriteMode.DELEGATED, null, null, PhotoChange.SYNC),
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/x_MThumb.jpg",
                        "\"E1\"", "ab", new byte[3_000], 300, WriteMode.APP_ONLY, "permission-missing: SharePoint 403 Access denied",
                        VERSION, PhotoChange.SYNC),
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/x_MThumb.jpg",
                        "\"E1\"", "ab", new byte[3_000], 300, WriteMode.APP_ONLY, null, VERSION, PhotoChange.RESTORE),
                new SyncOutcome.Synced("", "\"E1\"", null, null, 300, WriteMode.APP_ONLY, null, VERSION, PhotoChange.RESTORE),
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/x_MThumb.jpg",
                        "\"E1\"", "ab", new byte[90_000], 300, WriteMode.APP_ONLY, null, VERSION, PhotoChange.RESTORE),
                new SyncOutcome.Synced("https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/x_MThumb.jpg",
                        "\"E2\"", "ab", new byte[3_000], 300, WriteMode.DELEGATED, null, VERSION, PhotoChange.NEW_PHOTO),
                new SyncOutcome.NewPhotoGone(VERSION),
                new SyncOutcome.PhotoChangeRefused("Access is denied. Check credentials and try again."),
                new SyncOutcome.NothingToRestore(VERSION),
                new SyncOutcome.SignInNeeded("no delegated SharePoint token"),
                new SyncOutcome.UserNotFound("0000"),
                new SyncOutcome.GuestNotSupported("john_fabrikam.com#EXT#@contoso.onmicrosoft.com"),
                new SyncOutcome.NoSourcePhoto(),
                new SyncOutcome.NoSharePointProfile("lidiah@contoso.onmicrosoft.com"),
                new SyncOutcome.PermissionMissing("Access denied on SetSingleValueProfileProperty"),
                new SyncOutcome.AccessRefused("SetSingleValueProfileProperty", "contoso-admin.sharepoint.com", "User.ReadWrite.All",
                        "403 Access denied. You do not have permission to perform this action or access this resource."),
                new SyncOutcome.CertificateRequired("contoso-my.sharepoint.com"),
                new SyncOutcome.Throttled(Duration.ofSeconds(90)),
                new SyncOutcome.VerificationFailed("PictureURL differs"),
                new SyncOutcome.Failed("SharePoint answered 500", true)));
        for (PhotoRejected.Reason reason : PhotoRejected.Reason.values()) {
            outcomes.add(new SyncOutcome.UnusableSourcePhoto(reason));
        }
        return outcomes;
    }

    static Stream<Arguments> everyCard() {
        List<Arguments> cards = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Messages.NORWEGIAN)) {
            cards.add(Arguments.of(language + " syncing", SYNC.syncing(language)));
            cards.add(Arguments.of(language + " help", NOTICES.help(language, null)));
            cards.add(Arguments.of(language + " operator's help", NOTICES.help(language, "scna", true)));
            cards.add(Arguments.of(language + " help after nonsense", NOTICES.help(language, "**bold** [link](http://x) " + "x".repeat(200))));
            cards.add(Arguments.of(language + " unknown sender", NOTICES.notice(language, "card.unknown-sender")));
            cards.add(Arguments.of(language + " not operator", NOTICES.notice(language, "card.not-operator")));
            cards.add(Arguments.of(language + " nudge", NUDGES.nudge(language, "7f0c9e5e-1b2a-4c3d-9e8f-0a1b2c3d4e5f")));
            cards.add(Arguments.of(language + " nudge queued", NUDGES.nudgeQueued(language, List.of("Megan Bowen", "Adele Vance", "A", "B"),
                    List.of("nobody@contoso.com"), List.of("meg"), List.of("Out Side"))));
            cards.add(Arguments.of(language + " nudge queued, named", NUDGES.nudgeQueued(language, List.of("Megan Bowen"), List.of(), List.of(), List.of())));
            cards.add(Arguments.of(language + " nobody to nudge", NUDGES.nobodyToNudge(language, List.of("x"), List.of("meg"), List.of())));
            cards.add(Arguments.of(language + " signing in", NOTICES.notice(language, "card.signing-in")));
            cards.add(Arguments.of(language + " signed in", NOTICES.notice(language, "card.signed-in")));
            cards.add(Arguments.of(language + " sign-in failed", SIGN_IN.signInFailed(language, "resourcematchfailed")));
            cards.add(Arguments.of(language + " sign-in failed, unknown code", SIGN_IN.signInFailed(language, "<b>new</b>")));
            cards.add(Arguments.of(language + " group nudge queued", NUDGES.nudgeGroupQueued(language, "Sales and Marketing", 4, 1)));
            cards.add(Arguments.of(language + " which group", NUDGES.whichGroup(language, "Sales", List.of("Sales and Marketing", "Sales Interns"))));
            cards.add(Arguments.of(language + " no group", NOTICES.about(language, "card.group-not-found", "Finance")));
            cards.add(Arguments.of(language + " directory unavailable", NOTICES.about(language, "card.directory-unavailable", "Graph 503")));
            cards.add(Arguments.of(language + " queued", SYNC.queued(language, new SyncOutcome.Throttled(Duration.ofMinutes(3)),
                    Instant.now().plus(Duration.ofMinutes(3)))));
            for (SyncOutcome outcome : everyOutcome()) {
                cards.add(Arguments.of(language + " " + outcome.code(), SYNC.result(language, outcome)));
                cards.add(Arguments.of(language + " colleague " + outcome.code(), SYNC.colleagueResult(language, outcome, "Patti O'Fernandez")));
            }
            List<DirectoryUser> people = List.of(
                    new DirectoryUser("1", "taylor@contoso.com", "Taylor **Twin**", false, "taylor@contoso.com", "Accountant", "Finance", null),
                    new DirectoryUser("2", "t2@contoso.com", "Taylor Twinning", false, null, null, null, null));
            cards.add(Arguments.of(language + " choose person", HELPDESK.choosePerson(language, "Taylor", people, Helpdesk.SYNC_FOR, "card.choose-person.sync")));
            cards.add(Arguments.of(language + " no such user", HELPDESK.noSuchPerson(language, "Megn", people, Helpdesk.HISTORY_FOR, "card.choose-person.history")));
            cards.add(Arguments.of(language + " no such user, no suggestions", HELPDESK.noSuchPerson(language, "zzz", List.of(), Helpdesk.SYNC_FOR, "card.choose-person.sync")));
            cards.add(Arguments.of(language + " colleague syncing", SYNC.colleagueSyncing(language, "Adele Vance")));
            cards.add(Arguments.of(language + " synced by helpdesk", SYNC.syncedByHelpdesk(language, "Alex Wilber",
                    new SyncOutcome.Synced("u", "e", "h", new byte[] {1}, 300).kept(VERSION))));
            cards.add(Arguments.of(language + " restored by helpdesk", SYNC.syncedByHelpdesk(language, "Alex Wilber",
                    new SyncOutcome.Synced("u", "e", "h", new byte[] {1}, 300, WriteMode.APP_ONLY, null, VERSION, PhotoChange.RESTORE))));
            cards.add(Arguments.of(language + " restoring", SYNC.restoring(language, null)));
            NewPhoto sent = new NewPhoto(VERSION, "me", "me", new byte[40_000], new byte[6_000], java.time.Instant.EPOCH, null);
            cards.add(Arguments.of(language + " new photo preview", NEW_PHOTO.preview(language, sent, 648, java.time.Duration.ofHours(24), null)));
            cards.add(Arguments.of(language + " colleague's new photo preview", NEW_PHOTO.preview(language, sent, 648, java.time.Duration.ofHours(24),
                    "Adele Vance")));
            cards.add(Arguments.of(language + " new photo changing", NEW_PHOTO.changing(language, null)));
            cards.add(Arguments.of(language + " colleague's new photo changing", NEW_PHOTO.changing(language, "Adele Vance")));
            cards.add(Arguments.of(language + " attach a colleague's new photo", NEW_PHOTO.attachFor(language, "Adele Vance")));
            cards.add(Arguments.of(language + " propagating", NEW_PHOTO.propagating(language, null, 3)));
            cards.add(Arguments.of(language + " colleague propagating", NEW_PHOTO.propagating(language, "Adele Vance", 0)));
            cards.add(Arguments.of(language + " propagated", NEW_PHOTO.propagated(language, null, 4)));
            cards.add(Arguments.of(language + " not propagated", NEW_PHOTO.notPropagated(language, "Adele Vance", 48)));
            ApprovalCards approval = new ApprovalCards(MESSAGES);
            cards.add(Arguments.of(language + " approval", approval.approval(language, sent, "Adele Vance", "adelev@contoso.com")));
            cards.add(Arguments.of(language + " awaiting approval", approval.awaitingApproval(language, java.time.Duration.ofDays(7))));
            cards.add(Arguments.of(language + " no approver", approval.noApprover(language)));
            cards.add(Arguments.of(language + " approved", approval.approved(language, "Megan Bowen")));
            cards.add(Arguments.of(language + " rejected", approval.rejected(language, "Megan Bowen", "sunglasses")));
            cards.add(Arguments.of(language + " approved by", approval.approvedBy(language, "Megan Bowen", "Adele Vance")));
            cards.add(Arguments.of(language + " rejected by", approval.rejectedBy(language, "Megan Bowen", "Adele Vance", null)));
            cards.add(Arguments.of(language + " not approver", approval.notApprover(language)));
            cards.add(Arguments.of(language + " already decided", approval.alreadyDecided(language)));
            cards.add(Arguments.of(language + " approval expired", approval.approvalExpired(language, java.time.Duration.ofDays(7))));
            cards.add(Arguments.of(language + " approval expired for approver", approval.approvalExpiredForApprover(language, "Adele Vance")));
            cards.add(Arguments.of(language + " new photo by helpdesk", SYNC.syncedByHelpdesk(language, "Alex Wilber",
                    new SyncOutcome.Synced("u", "e", "h", new byte[] {1}, 300, WriteMode.APP_ONLY, null, VERSION, PhotoChange.NEW_PHOTO))));
            cards.add(Arguments.of(language + " new photo cancelled", NEW_PHOTO.cancelled(language)));
            cards.add(Arguments.of(language + " new photo gone", NEW_PHOTO.gone(language, java.time.Duration.ofHours(24))));
            cards.add(Arguments.of(language + " new photo prompt", NEW_PHOTO.prompt(language)));
            cards.add(Arguments.of(language + " new photo unavailable", NEW_PHOTO.unavailable(language, "HTTP 401")));
            for (PhotoRejected.Reason reason : PhotoRejected.Reason.values()) {
                cards.add(Arguments.of(language + " new photo refused " + reason, NEW_PHOTO.refused(language, reason)));
            }
            for (String why : List.of("on-premises", "roles")) {
                cards.add(Arguments.of(language + " new photo forbidden " + why, NEW_PHOTO.forbidden(language, why)));
            }
            cards.add(Arguments.of(language + " colleague restoring", SYNC.restoring(language, "Adele Vance")));
            cards.add(Arguments.of(language + " nothing to undo", SYNC.nothingToUndo(language, null)));
            cards.add(Arguments.of(language + " nothing to undo for a colleague", SYNC.nothingToUndo(language, "Adele Vance")));
            cards.add(Arguments.of(language + " out of scope", NOTICES.about(language, "card.out-of-scope", "Adele Vance")));
            List<KeptPhoto> kept = List.of(
                    new KeptPhoto(VERSION, "s", Instant.parse("2026-11-25T10:00:00Z"), new ProfilePicture("https://x/a_MThumb.jpg", "0", "1"),
                            new byte[1_500], new byte[3_000], new byte[9_000]),
                    new KeptPhoto("0b6f0a43-1c11-4e5e-8f4a-6b2d1f3e9c22", "s", Instant.parse("2026-11-24T10:00:00Z"), new ProfilePicture("", "1"),
                            null, null, null),
                    // Someone's own 60 KB file where the small rendition should be: named, not shown.
                    new KeptPhoto("5e1b7d2a-9c44-4a0e-8d11-2f6a3b9c0d33", "s", Instant.parse("2026-11-23T10:00:00Z"),
                            new ProfilePicture("https://x/a_MThumb.jpg", "0"), new byte[60_000], new byte[90_000], null));
            cards.add(Arguments.of(language + " history", HELPDESK.history(language, "Adele Vance", kept, List.of(
                    new AuditEntry("a", Instant.parse("2026-11-25T10:00:00Z"), "r", "alexw@contoso.com", "s", "adele@contoso.com",
                            "sync-colleague", "app-only", "synced", null, null, "\"E1\"", "ab", "job-1", VERSION),
                    new AuditEntry("b", Instant.parse("2026-11-25T09:00:00Z"), "r", null, "s", null,
                            "sync-colleague", null, "refused-not-operator", "asked", null, null, null, "act-1", null)))));
            cards.add(Arguments.of(language + " preflight", HELPDESK.preflight(language, List.of("✔ configuration: tenant t", "✘ token for SharePoint admin host: grant SharePoint application permission User.ReadWrite.All and consent"), false)));
            Map<ScanClass, Integer> counts = Map.of(ScanClass.MISSING, 12, ScanClass.CURRENT, 300);
            Instant now = Instant.parse("2026-11-25T10:00:00Z");
            RunProgress going = new RunProgress(5, 1, 6, 2, now.minusSeconds(120));
            RunProgress ended = new RunProgress(11, 1, 0, 2, now.minusSeconds(240));
            for (RunAction action : RunAction.values()) {
                ScanRun run = new ScanRun("r1", "a", action, language.toLanguageTag(), null, null,
                        action == RunAction.SYNC_GROUP ? "Sales and Marketing" : null);
                if (!run.groupSync()) {
                    cards.add(Arguments.of(language + " scan running " + action, RUNS.scanProgress(language, counts, action)));
                }
                if (run.acts()) {
                    cards.add(Arguments.of(language + " run acting " + action, RUNS.runActing(language, run, counts, going, now)));
                    cards.add(Arguments.of(language + " run acting, no pace yet " + action,
                            RUNS.runActing(language, run, counts, new RunProgress(0, 0, 12, 0, now), now)));
                    cards.add(Arguments.of(language + " run with nothing to do " + action,
                            RUNS.runFinished(language, run, counts, RunProgress.NONE, "https://bot.example/reports/r1")));
                }
                cards.add(Arguments.of(language + " run finished " + action, RUNS.runFinished(language, run, counts,
                        run.acts() ? ended : RunProgress.NONE, "https://bot.example/reports/r1")));
            }
            cards.add(Arguments.of(language + " empty history", HELPDESK.history(language, "Adele Vance", List.of(), List.of())));
        }
        return cards.stream();
    }

    @Test
    void echoesNamesAndAddressesAsTheyAreButNoMarkdown() {
        assertThat(AdaptiveCard.echo("John Doe (Fabrikam)")).isEqualTo("John Doe (Fabrikam)");
        assertThat(AdaptiveCard.echo("john_fabrikam.com#EXT#@contoso.com")).isEqualTo("john_fabrikam.com#EXT#@contoso.com");
        assertThat(AdaptiveCard.echo("**bold** [link](http://evil) `code` ~~gone~~ _italic_ > quote | cell")).doesNotContain("*", "[", "]", "`", "~", "|", ">")
                .doesNotContain("_italic_");
        assertThat(AdaptiveCard.echo("# Heading")).isEqualTo("Heading");
        assertThat(AdaptiveCard.echo("x".repeat(200))).hasSize(81).endsWith("…");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCard")
    void isAValidAdaptiveCardTeamsAccepts(String name, Attachment card) throws Exception {
        String json = MAPPER.writeValueAsString(card.getContent());

        assertThat(card.getContentType()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(AdaptiveCard.MAX_CARD_BYTES);
        assertThat(json).doesNotContain("{0}").doesNotContain("''");
    }

    @Test
    void schemaCheckRejectsWhatTeamsWouldRefuse() {
        String wrongSize = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\",\"size\":\"Huge\"}]}";
        String noType = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"text\":\"x\"}]}";

        assertThat(schema.validate(wrongSize, InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate(noType, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void showsTheNewPhotoOnlyAsASmallThumbnail() {
        byte[] thumbnail = new byte[4_000];
        String json = SYNC.result(Locale.ENGLISH, new SyncOutcome.Synced("u", "e", "h", thumbnail, 300)).getContent().toString();

        assertThat(json).contains("data:image/jpeg;base64,").contains("300 pixel");
    }

    @Test
    void offersToTryAgainOnlyWhenTryingAgainCanHelp() {
        String throttled = SYNC.result(Locale.ENGLISH, new SyncOutcome.Throttled(Duration.ofMinutes(2))).getContent().toString();
        String noPhoto = SYNC.result(Locale.ENGLISH, new SyncOutcome.NoSourcePhoto()).getContent().toString();

        assertThat(throttled).contains("Try again").contains("about 2 minute");
        assertThat(noPhoto).doesNotContain("Action.Submit").doesNotContain("Action.Execute");
    }

    @Test
    void speaksNorwegianToNorwegians() {
        String json = SYNC.result(Messages.NORWEGIAN, new SyncOutcome.NoSourcePhoto()).getContent().toString();

        assertThat(json).contains("Du har ikke noe bilde i Microsoft 365").contains("Hva du kan gjøre");
    }

    @Test
    void keepsEchoedTextFromRestylingTheCard() {
        String json = NOTICES.help(Locale.ENGLISH, "**boom** [x](http://evil)").getContent().toString();

        assertThat(json).contains("boom x(http://evil)").doesNotContain("**").doesNotContain("](");
    }
}
