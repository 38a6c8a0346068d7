package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.i18n.Messages;
import io.photosync.scan.RunAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTests {

    private final CommandParser parser = new CommandParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "sync my photo", "Sync my photo", "SYNC MY PHOTO!", "  sync   my\tphoto. ", "<at>PhotoSync</at> sync my photo",
            "<at>Photo Sync</at>&nbsp;sync my photo", "sync my picture please", "Sync photo", "sync", "resync my profile photo",
            "synkroniser bildet mitt", "Synkroniser bildet mitt!", "synk bildet mitt", "synkroniser profilbildet mitt",
            "oppdater bildet mitt nå", "<at>PhotoSync</at> Synkroniser mitt bilde"})
    void readsSyncRequestsInEnglishAndNorwegian(String text) {
        assertThat(parser.parse(text)).isInstanceOf(BotCommand.SyncMyPhoto.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"help", "HELP", "hjelp", "Hjelp!", "<at>PhotoSync</at> help", "?", "hei", "what can you do?", "Hva kan du gjøre?"})
    void readsHelpRequests(String text) {
        assertThat(parser.parse(text)).isInstanceOf(BotCommand.Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync my photo and delete everything", "photo", "what is the weather", "sync alice's photo",
            "sync for alice@contoso.com", "history", "sync photo for ", "delete photo for alice@contoso.com"})
    void treatsAnythingElseAsUnknown(String text) {
        assertThat(parser.parse(text)).isInstanceOf(BotCommand.Unknown.class);
    }

    @Test
    void readsNudgesWithTheTargetsAsWritten() {
        assertThat(parser.parse("<at>PhotoSync</at> Nudge Alice.O&#39;Neil@contoso.com, bob@contoso.com;carol@contoso.com"))
                .isEqualTo(new BotCommand.Nudge(List.of("Alice.O'Neil@contoso.com", "bob@contoso.com", "carol@contoso.com")));
        assertThat(parser.parse("påminn kari@contoso.no")).isEqualTo(new BotCommand.Nudge(List.of("kari@contoso.no")));
        assertThat(parser.parse("nudge")).isInstanceOf(BotCommand.Unknown.class);
    }

    @Test
    void readsSyncsAndHistoryForSomeoneWithTheirNameAsWritten() {
        assertThat(parser.parse("sync photo for alice@contoso.com")).isEqualTo(new BotCommand.SyncColleague("alice@contoso.com"));
        assertThat(parser.parse("<at>PhotoSync</at> Sync the photo of Patti O&#39;Fernandez")).isEqualTo(new BotCommand.SyncColleague("Patti O'Fernandez"));
        assertThat(parser.parse("synkroniser bildet til Kari Nordmann")).isEqualTo(new BotCommand.SyncColleague("Kari Nordmann"));
        assertThat(parser.parse("sync photo for Ola for Sure")).isEqualTo(new BotCommand.SyncColleague("Ola for Sure"));
        assertThat(parser.parse("history for Zoë \"Zee\" 100% #1")).isEqualTo(new BotCommand.History("Zoë \"Zee\" 100% #1"));
        assertThat(parser.parse("historikk for kari@contoso.no")).isEqualTo(new BotCommand.History("kari@contoso.no"));
    }

    @Test
    void readsGroupSyncs() {
        assertThat(parser.parse("sync photos for group Sales and Marketing")).isEqualTo(new BotCommand.SyncGroup("Sales and Marketing"));
        assertThat(parser.parse("synkroniser bildene til gruppe Økonomi")).isEqualTo(new BotCommand.SyncGroup("Økonomi"));
        assertThat(parser.parse("sync photo for group")).isEqualTo(new BotCommand.SyncColleague("group"));
    }

    @Test
    void readsScans() {
        assertThat(parser.parse("Scan")).isEqualTo(new BotCommand.Scan(RunAction.REPORT));
        assertThat(parser.parse("scan and fix!")).isEqualTo(new BotCommand.Scan(RunAction.FIX));
        assertThat(parser.parse("skann og påminn")).isEqualTo(new BotCommand.Scan(RunAction.NUDGE));
        assertThat(parser.parse("scan and delete")).isInstanceOf(BotCommand.Unknown.class);
    }

    @Test
    void readsThePreflightCommand() {
        assertThat(parser.parse("Preflight")).isEqualTo(new BotCommand.Preflight(null));
        assertThat(parser.parse("<at>PhotoSync</at> preflight adele@contoso.com")).isEqualTo(new BotCommand.Preflight("adele@contoso.com"));
        assertThat(parser.parse("preflight for everyone please")).isInstanceOf(BotCommand.Unknown.class);
    }

    @Test
    void readsGroupNudgesWithTheNameAsWritten() {
        assertThat(parser.parse("<at>PhotoSync</at> nudge group  Sales and Marketing ")).isEqualTo(new BotCommand.NudgeGroup("Sales and Marketing"));
        assertThat(parser.parse("Påminn gruppe Økonomi &amp; Lønn")).isEqualTo(new BotCommand.NudgeGroup("Økonomi & Lønn"));
        assertThat(parser.parse("nudge group")).isEqualTo(new BotCommand.Nudge(List.of("group")));
    }

    @Test
    void readsTheNamesOfANudgeAsWholeNamesAddressesAndIds() {
        String id = "00000000-0000-0000-0000-0000000000021";
        assertThat(parser.parse("nudge Megan Bowen")).isEqualTo(new BotCommand.Nudge(List.of("Megan Bowen")));
        assertThat(parser.parse("nudge megan, Isaiah Langer; adele and Patti og Lidia")).isEqualTo(new BotCommand.Nudge(List.of("megan", "Isaiah Langer", "adele", "Patti", "Lidia")));
        assertThat(parser.parse("nudge a@contoso.com b@contoso.com " + id)).isEqualTo(new BotCommand.Nudge(List.of("a@contoso.com", "b@contoso.com", id)));
        assertThat(parser.parse("nudge Megan Bowen a@contoso.com")).isEqualTo(new BotCommand.Nudge(List.of("a@contoso.com", "Megan Bowen")));
        assertThat(parser.parse("nudge , ;")).isInstanceOf(BotCommand.Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void everyExampleTheOperatorsHelpGivesIsAHelpdeskCommand(String language) {
        Messages messages = new Messages(CardsTests.messageSource());
        for (String command : Notices.OPERATOR_COMMANDS) {
            String example = messages.get(Locale.forLanguageTag(language), "card.help.operator." + command + ".example");
            assertThat(parser.parse(example)).as(example).isInstanceOf(BotCommand.ForOperators.class);
        }
    }

    @Test
    void readsUndoForOneselfForAColleagueAndWhatTheUndoButtonsSendInEitherLanguage() {
        String id = "7d0c3c1e-4a51-4f0b-9a53-1f7c9e0a2b11";
        assertThat(parser.parse("undo my photo")).isEqualTo(new BotCommand.UndoMyPhoto());
        assertThat(parser.parse("Angre bildet mitt")).isEqualTo(new BotCommand.UndoMyPhoto());
        assertThat(parser.parse("undo photo for Megan Bowen")).isEqualTo(new BotCommand.UndoFor("Megan Bowen"));
        assertThat(parser.parse("angre bildet til megan")).isEqualTo(new BotCommand.UndoFor("megan"));
        for (Locale language : List.of(Locale.ENGLISH, Messages.NORWEGIAN)) {
            assertThat(parser.parse(PhotoUndo.command(language, id))).as(language.toString()).isEqualTo(new BotCommand.UndoVersion(id));
        }
        Assertions.assertThat(CommandParser.norwegian(PhotoUndo.command(Messages.NORWEGIAN, id))).as("a Norwegian card's button is answered in Norwegian").isTrue();
        assertThat(parser.parse("undo version 42")).isInstanceOf(BotCommand.Unknown.class);
    }

    @Test
    void readsChangeMyPhotoAndWhatTheNewPhotoButtonsSendInEitherLanguage() {
        String id = "7d0c3c1e-4a51-4f0b-9a53-1f7c9e0a2b11";
        for (String change : List.of("change my photo", "Change my picture", "new photo", "upload a new photo", "endre bildet mitt",
                "bytt profilbilde", "last opp nytt bilde")) {
            assertThat(parser.parse(change)).as(change).isEqualTo(new BotCommand.ChangeMyPhoto());
        }
        assertThat(parser.parse("update my photo")).as("still a sync").isEqualTo(new BotCommand.SyncMyPhoto());
        assertThat(parser.parse("set photo for alice@contoso.com")).as("never one's own change")
                .isEqualTo(new BotCommand.SetPhotoFor("alice@contoso.com"));
        assertThat(parser.parse("sett bildet til Megan Bowen")).isEqualTo(new BotCommand.SetPhotoFor("Megan Bowen"));
        assertThat(parser.parse("change")).isInstanceOf(BotCommand.Unknown.class);
        for (Locale language : List.of(Locale.ENGLISH, Messages.NORWEGIAN)) {
            assertThat(parser.parse(NewPhotoFlow.useCommand(language, id))).as(language.toString()).isEqualTo(new BotCommand.UseNewPhoto(id));
            assertThat(parser.parse(NewPhotoFlow.cancelCommand(language, id))).as(language.toString()).isEqualTo(new BotCommand.CancelNewPhoto(id));
        }
        Assertions.assertThat(CommandParser.norwegian(NewPhotoFlow.useCommand(Messages.NORWEGIAN, id))).isTrue();
        Assertions.assertThat(CommandParser.norwegian(NewPhotoFlow.cancelCommand(Messages.NORWEGIAN, id))).isTrue();
        assertThat(parser.parse("use new photo 42")).isInstanceOf(BotCommand.Unknown.class);
    }

    /** What Teams offers under the compose box must do what it says: alone, or followed by a name as its description asks. */
    @Test
    void everyCommandTheTeamsManifestListsIsUnderstoodInBothLanguages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> titles = new ArrayList<>();
        json.readTree(Path.of("teams-manifest/manifest.template.json").toFile()).path("bots").get(0).path("commandLists").get(0)
                .path("commands").forEach(command -> titles.add(command.path("title").asText()));
        json.readTree(Path.of("teams-manifest/nb-no.json").toFile()).properties().forEach(entry -> {
            if (entry.getKey().endsWith(".title")) {
                titles.add(entry.getValue().asText());
            }
        });
        assertThat(titles).hasSize(24);
        for (String title : titles) {
            BotCommand alone = parser.parse(title);
            BotCommand named = parser.parse(title + " Megan");
            assertThat(!(alone instanceof BotCommand.Unknown) || named instanceof BotCommand.ForOperators).as(title).isTrue();
        }
    }

    @Test
    void tellsANorwegianCommandFromAnEnglishOne() {
        Assertions.assertThat(CommandParser.norwegian("Synkroniser bildet mitt")).isTrue();
        Assertions.assertThat(CommandParser.norwegian("<at>PhotoSync</at> påminn gruppe Salg")).isTrue();
        Assertions.assertThat(CommandParser.norwegian("hvorfor vises ikke bildet mitt?")).isTrue();
        Assertions.assertThat(CommandParser.norwegian("sync my photo")).isFalse();
        Assertions.assertThat(CommandParser.norwegian("scan")).isFalse();
        Assertions.assertThat(CommandParser.norwegian("")).isFalse();
    }
}
