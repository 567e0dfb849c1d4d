package io.serverpulse.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.serverpulse.common.alerts.AlertFacts;
import io.serverpulse.common.alerts.AlertMessage;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What a member reads when a count is 0, 1, 2 or 1,234: the noun (and, where the language needs it,
 * the verb or article) agrees with the number, in English, German and French. English and German
 * say "0 messages", French says "0 message" (0 and 1 are singular). Texts are formatted through the
 * real {@link Texts} with the argument types their callers pass; grouped numbers stay grouped in the
 * locale's way, the alert context's plain digits stay plain.
 */
class PluralFormsTest {

    private static final Texts EN = Texts.forLocale("en-US");
    private static final Texts DE = Texts.forLocale("de");
    private static final Texts FR = Texts.forLocale("fr");
    /** The French grouping separator (narrow no-break space). */
    private static final String FR_1234 = "1\u202f234";

    /** The text for each of the counts 0, 1, 2 and 1234. */
    private static List<String> forCounts(LongFunction<String> text) {
        return LongStream.of(0, 1, 2, 1234).mapToObj(text).toList();
    }

    @Test
    void collectedChannelsAgreeWithTheirCount() {
        // GIVEN an admin adds or removes a collected channel, leaving n collected (an int, as the command passes it)
        // WHEN the reply is worded
        // THEN "channel" agrees with n
        assertThat(forCounts(n -> EN.get("channels.collect-added", "<#7>", (int) n))).containsExactly(
                "✅ ServerPulse now counts activity in <#7> (0 channels collected). It counts messages and reactions, never their text.",
                "✅ ServerPulse now counts activity in <#7> (1 channel collected). It counts messages and reactions, never their text.",
                "✅ ServerPulse now counts activity in <#7> (2 channels collected). It counts messages and reactions, never their text.",
                "✅ ServerPulse now counts activity in <#7> (1,234 channels collected). It counts messages and reactions, never their text.");
        assertThat(forCounts(n -> DE.get("channels.collect-removed", "<#7>", (int) n))).containsExactly(
                "✅ ServerPulse zählt die Aktivität in <#7> nicht mehr (0 Kanäle erfasst). Bereits gespeicherte Zahlen bleiben bis zu ihrem Ablauf erhalten.",
                "✅ ServerPulse zählt die Aktivität in <#7> nicht mehr (1 Kanal erfasst). Bereits gespeicherte Zahlen bleiben bis zu ihrem Ablauf erhalten.",
                "✅ ServerPulse zählt die Aktivität in <#7> nicht mehr (2 Kanäle erfasst). Bereits gespeicherte Zahlen bleiben bis zu ihrem Ablauf erhalten.",
                "✅ ServerPulse zählt die Aktivität in <#7> nicht mehr (1.234 Kanäle erfasst). Bereits gespeicherte Zahlen bleiben bis zu ihrem Ablauf erhalten.");
        assertThat(forCounts(n -> FR.get("channels.collect-added", "<#7>", (int) n))).containsExactly(
                "✅ ServerPulse compte désormais l’activité dans <#7> (0 salon suivi). Il compte les messages et les réactions, jamais leur texte.",
                "✅ ServerPulse compte désormais l’activité dans <#7> (1 salon suivi). Il compte les messages et les réactions, jamais leur texte.",
                "✅ ServerPulse compte désormais l’activité dans <#7> (2 salons suivis). Il compte les messages et les réactions, jamais leur texte.",
                "✅ ServerPulse compte désormais l’activité dans <#7> (" + FR_1234 + " salons suivis). Il compte les messages et les réactions, jamais leur texte.");
        assertThat(EN.get("setup.too-many-channels", 1)).startsWith("You collect 1 channel, more than");
        assertThat(DE.get("setup.too-many-channels", 26)).startsWith("Du erfasst 26 Kanäle, mehr als");
        assertThat(FR.get("setup.too-many-channels", 1)).startsWith("Tu suis 1 salon, plus que");
    }

    @Test
    void leaderboardLinesAndFooterAgreeWithTheMessageCount() {
        // GIVEN a leaderboard line and footer with n messages (longs, as LeaderboardView passes them)
        // WHEN they are worded
        // THEN "message" agrees with n and the count keeps its grouping
        assertThat(forCounts(n -> EN.get("leaderboard.line", "🥇", "42", n, 0.5))).containsExactly(
                "🥇 <@42> — **0** messages · 50.0%", "🥇 <@42> — **1** message · 50.0%",
                "🥇 <@42> — **2** messages · 50.0%", "🥇 <@42> — **1,234** messages · 50.0%");
        assertThat(forCounts(n -> DE.get("leaderboard.line", "🥇", "42", n, 0.5))).containsExactly(
                "🥇 <@42> — **0** Nachrichten · 50,0%", "🥇 <@42> — **1** Nachricht · 50,0%",
                "🥇 <@42> — **2** Nachrichten · 50,0%", "🥇 <@42> — **1.234** Nachrichten · 50,0%");
        assertThat(forCounts(n -> FR.get("leaderboard.line", "🥇", "42", n, 0.5))).containsExactly(
                "🥇 <@42> — **0** message · 50,0%", "🥇 <@42> — **1** message · 50,0%",
                "🥇 <@42> — **2** messages · 50,0%", "🥇 <@42> — **" + FR_1234 + "** messages · 50,0%");
        assertThat(forCounts(n -> EN.get("leaderboard.footer", n))).containsExactly(
                "Share of 0 messages counted in this period. ServerPulse counts messages, never their text.",
                "Share of 1 message counted in this period. ServerPulse counts messages, never their text.",
                "Share of 2 messages counted in this period. ServerPulse counts messages, never their text.",
                "Share of 1,234 messages counted in this period. ServerPulse counts messages, never their text.");
        assertThat(forCounts(n -> DE.get("leaderboard.footer", n))).containsExactly(
                "Anteil an 0 in diesem Zeitraum gezählten Nachrichten. ServerPulse zählt Nachrichten, nie ihren Text.",
                "Anteil an 1 in diesem Zeitraum gezählten Nachricht. ServerPulse zählt Nachrichten, nie ihren Text.",
                "Anteil an 2 in diesem Zeitraum gezählten Nachrichten. ServerPulse zählt Nachrichten, nie ihren Text.",
                "Anteil an 1.234 in diesem Zeitraum gezählten Nachrichten. ServerPulse zählt Nachrichten, nie ihren Text.");
        assertThat(forCounts(n -> FR.get("leaderboard.footer", n))).containsExactly(
                "Part de 0 message compté sur cette période. ServerPulse compte les messages, jamais leur texte.",
                "Part de 1 message compté sur cette période. ServerPulse compte les messages, jamais leur texte.",
                "Part des 2 messages comptés sur cette période. ServerPulse compte les messages, jamais leur texte.",
                "Part des " + FR_1234 + " messages comptés sur cette période. ServerPulse compte les messages, jamais leur texte.");
    }

    @Test
    void exportRepliesAgreeWithRecordsFilesAndOptedOutMembers() {
        // GIVEN an export of n records (a long), split into n files, leaving n opted-out members out
        // WHEN the reply is worded
        // THEN each noun agrees with its number
        assertThat(forCounts(n -> EN.get("export.ready", "CSV", n, "all time"))).extracting(s -> s.substring(0, s.indexOf(':')))
                .containsExactly("📦 This server’s data as CSV, all time (0 records)", "📦 This server’s data as CSV, all time (1 record)",
                        "📦 This server’s data as CSV, all time (2 records)", "📦 This server’s data as CSV, all time (1,234 records)");
        assertThat(forCounts(n -> DE.get("export.ready", "CSV", n, "gesamte Zeit"))).extracting(s -> s.substring(0, s.indexOf(':')))
                .containsExactly("📦 Die Daten dieses Servers als CSV, gesamte Zeit (0 Datensätze)",
                        "📦 Die Daten dieses Servers als CSV, gesamte Zeit (1 Datensatz)",
                        "📦 Die Daten dieses Servers als CSV, gesamte Zeit (2 Datensätze)",
                        "📦 Die Daten dieses Servers als CSV, gesamte Zeit (1.234 Datensätze)");
        assertThat(forCounts(n -> FR.get("export.ready", "CSV", n, "toute la période"))).extracting(s -> s.substring(0, s.indexOf(" :")))
                .containsExactly("📦 Les données de ce serveur en CSV, toute la période (0 enregistrement)",
                        "📦 Les données de ce serveur en CSV, toute la période (1 enregistrement)",
                        "📦 Les données de ce serveur en CSV, toute la période (2 enregistrements)",
                        "📦 Les données de ce serveur en CSV, toute la période (" + FR_1234 + " enregistrements)");
        assertThat(EN.get("export.split", 2, "CSV")).isEqualTo(
                "To fit Discord’s limit on attachments it is split into 2 zip files, each a complete CSV file of part of the records.");
        assertThat(DE.get("export.split", 1, "CSV")).isEqualTo(
                "Damit er in Discords Grenze für Anhänge passt, ist er auf 1 ZIP-Datei verteilt, jede eine vollständige CSV-Datei mit einem Teil der Datensätze.");
        assertThat(FR.get("export.too-large", 30, 25, 1)).startsWith("L’export fait environ 30 Mo : même compressé et réparti en 1 fichier, il dépasse");
        assertThat(forCounts(n -> EN.get("export.opted-out", n))).containsExactly("0 members who opted out are left out.",
                "1 member who opted out is left out.", "2 members who opted out are left out.", "1,234 members who opted out are left out.");
        assertThat(forCounts(n -> DE.get("export.opted-out", n))).containsExactly(
                "0 Mitglieder, die sich abgemeldet haben, sind nicht enthalten.", "1 Mitglied, das sich abgemeldet hat, ist nicht enthalten.",
                "2 Mitglieder, die sich abgemeldet haben, sind nicht enthalten.", "1.234 Mitglieder, die sich abgemeldet haben, sind nicht enthalten.");
        assertThat(forCounts(n -> FR.get("export.opted-out", n))).containsExactly("0 membre qui s’est retiré est laissé de côté.",
                "1 membre qui s’est retiré est laissé de côté.", "2 membres qui se sont retirés sont laissés de côté.",
                FR_1234 + " membres qui se sont retirés sont laissés de côté.");
    }

    @Test
    void retentionDaysAgreeWithTheirNumber() {
        // GIVEN retention periods as the command passes them (ints; leaderboards may be kept 1 day)
        // WHEN the confirmation and the opt-out reply are worded
        // THEN "day" agrees with each number
        assertThat(EN.get("retention.set", 0, 1, 2)).isEqualTo(
                "✅ This server’s data is now kept for: metrics 0 days · leaderboards 1 day · AI summaries 2 days.");
        assertThat(EN.get("retention.set", 1234, 1, 1)).isEqualTo(
                "✅ This server’s data is now kept for: metrics 1,234 days · leaderboards 1 day · AI summaries 1 day.");
        assertThat(DE.get("retention.set", 0, 1, 2)).isEqualTo(
                "✅ Die Daten dieses Servers werden jetzt aufbewahrt: Metriken 0 Tage · Bestenlisten 1 Tag · KI-Zusammenfassungen 2 Tage.");
        assertThat(FR.get("retention.set", 0, 1, 1234)).isEqualTo(
                "✅ Les données de ce serveur sont désormais conservées : métriques 0 jour · classements 1 jour · résumés IA " + FR_1234 + " jours.");
        assertThat(EN.get("privacy.opted-out", 1)).contains("until it expires (after at most 1 day);");
        assertThat(EN.get("privacy.opted-out", 30)).contains("until it expires (after at most 30 days);");
        assertThat(DE.get("privacy.opted-out", 1)).contains("bis es abläuft (nach höchstens 1 Tag);");
        assertThat(DE.get("privacy.opted-out", 30)).contains("bis es abläuft (nach höchstens 30 Tagen);");
        assertThat(FR.get("privacy.opted-out", 1)).contains("jusqu’à son expiration (au plus 1 jour) ;");
        assertThat(FR.get("privacy.opted-out", 30)).contains("jusqu’à son expiration (au plus 30 jours) ;");
        // a range's noun is the range's: "between 1 and 365 days" stays as it is
        assertThat(EN.get("retention.out-of-range", "leaderboards", 1, 365)).isEqualTo("**leaderboards** must be between 1 and 365 days.");
    }

    @Test
    void erasedRowsAgreeWithTheirCounts() {
        // GIVEN a member's erasure removed n rows of each kind (longs, as MemberErasure holds them)
        // WHEN /privacy forget and purge-member reply
        // THEN every kind of row agrees with its own count
        assertThat(EN.get("privacy.forgotten", 1L, 2L, 0L, 1L)).isEqualTo("🗑️ Erased what ServerPulse kept about you in this server: "
                + "1 hourly activity row, 2 daily activity rows, 0 join and leave records, 1 cached leaderboard that listed you. "
                + "Channel and server totals stay: they hold no member.");
        assertThat(EN.get("privacy.purged", "<@9>", 1234L, 1L, 1L, 2L)).isEqualTo("🗑️ Erased what ServerPulse kept about <@9> in this server: "
                + "1,234 hourly activity rows, 1 daily activity row, 1 join or leave record, 2 cached leaderboards that listed them. "
                + "Channel and server totals stay: they hold no member.");
        assertThat(DE.get("privacy.forgotten", 1L, 2L, 0L, 1L)).isEqualTo("🗑️ Gelöscht, was ServerPulse auf diesem Server über dich gespeichert hatte: "
                + "1 stündliche Aktivitätszeile, 2 tägliche Aktivitätszeilen, 0 Beitritts- und Austrittseinträge, "
                + "1 gespeicherte Bestenliste, die dich nannte. Kanal- und Serversummen bleiben: sie nennen kein Mitglied.");
        assertThat(DE.get("privacy.purged", "<@9>", 1234L, 1L, 1L, 2L)).isEqualTo("🗑️ Gelöscht, was ServerPulse auf diesem Server über <@9> gespeichert hatte: "
                + "1.234 stündliche Aktivitätszeilen, 1 tägliche Aktivitätszeile, 1 Beitritts- oder Austrittseintrag, "
                + "2 gespeicherte Bestenlisten, die das Mitglied nannten. Kanal- und Serversummen bleiben: sie nennen kein Mitglied.");
        assertThat(FR.get("privacy.forgotten", 1L, 2L, 0L, 1L)).isEqualTo("🗑️ Effacé ce que ServerPulse gardait sur toi sur ce serveur : "
                + "1 ligne d’activité horaire, 2 lignes d’activité quotidiennes, 0 arrivée ou départ, 1 classement en cache qui te citait. "
                + "Les totaux des salons et du serveur restent : ils ne citent aucun membre.");
        assertThat(FR.get("privacy.purged", "<@9>", 1234L, 1L, 2L, 0L)).isEqualTo("🗑️ Effacé ce que ServerPulse gardait sur <@9> sur ce serveur : "
                + FR_1234 + " lignes d’activité horaires, 1 ligne d’activité quotidienne, 2 arrivées et départs, 0 classement en cache qui citait ce membre. "
                + "Les totaux des salons et du serveur restent : ils ne citent aucun membre.");
    }

    @Test
    void statusAndProviderTestAgreeWithTheirNumbers() {
        // GIVEN the status lookback in days and the provider check's timeout in seconds (longs)
        // WHEN they are worded
        // THEN the noun agrees; today's constants (3 days, 15 s) read as before
        assertThat(EN.get("status.no-activity", 3L)).isEqualTo("No activity counted in the last 3 days.");
        assertThat(EN.get("status.no-activity", 1L)).isEqualTo("No activity counted in the last 1 day.");
        assertThat(DE.get("status.no-activity", 3L)).isEqualTo("In den letzten 3 Tagen wurde keine Aktivität gezählt.");
        assertThat(DE.get("status.no-activity", 1L)).isEqualTo("Seit 1 Tag wurde keine Aktivität gezählt.");
        assertThat(FR.get("status.no-activity", 3L)).isEqualTo("Aucune activité comptée ces 3 derniers jours.");
        assertThat(FR.get("status.no-activity", 1L)).isEqualTo("Aucune activité comptée depuis 1 jour.");
        assertThat(EN.get("ai.failure.TIMEOUT", 15L)).isEqualTo("no answer within 15 seconds.");
        assertThat(EN.get("ai.failure.TIMEOUT", 1L)).isEqualTo("no answer within 1 second.");
        assertThat(DE.get("ai.failure.TIMEOUT", 1L)).isEqualTo("keine Antwort innerhalb von 1 Sekunde.");
        assertThat(FR.get("ai.failure.TIMEOUT", 1L)).isEqualTo("pas de réponse en 1 seconde.");
    }

    @Test
    void alertRulesAgreeWithTheirThreshold() {
        // GIVEN an alert rule's threshold (an int, as AlertRule holds it) and its window
        // WHEN /serverpulse status or /alert-threshold describes it
        // THEN "join" and "message" agree with the threshold
        assertThat(forCounts(n -> EN.get("alerts.rule.raid", (int) n, "1 min"))).containsExactly(
                "0 joins within 1 min", "1 join within 1 min", "2 joins within 1 min", "1,234 joins within 1 min");
        assertThat(EN.get("alerts.rule.raid-factor", 1, "1 min", 3.0)).isEqualTo("1 join within 1 min, or 3× the usual join rate");
        assertThat(forCounts(n -> EN.get("alerts.rule.deletion", (int) n, "30 s"))).containsExactly(
                "0 deleted messages within 30 s", "1 deleted message within 30 s", "2 deleted messages within 30 s",
                "1,234 deleted messages within 30 s");
        assertThat(forCounts(n -> DE.get("alerts.rule.deletion", (int) n, "30 s"))).containsExactly(
                "0 gelöschte Nachrichten innerhalb von 30 s", "1 gelöschte Nachricht innerhalb von 30 s",
                "2 gelöschte Nachrichten innerhalb von 30 s", "1.234 gelöschte Nachrichten innerhalb von 30 s");
        assertThat(forCounts(n -> FR.get("alerts.rule.raid", (int) n, "1 min"))).containsExactly(
                "0 arrivée en 1 min", "1 arrivée en 1 min", "2 arrivées en 1 min", FR_1234 + " arrivées en 1 min");
    }

    @Test
    void alertContextsAgreeWithCountsAndRoundedRates() {
        // GIVEN the numbers an alert rule reports
        // WHEN AlertMessage words them (counts as plain digits, rates rounded to one decimal)
        // THEN the noun agrees with the number a member reads
        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.RaidOpened(n, 60_000, null, 10), EN))).containsExactly(
                "0 joins in 60 s (alert at 10)", "1 join in 60 s (alert at 10)", "2 joins in 60 s (alert at 10)",
                "1234 joins in 60 s (alert at 10)");
        assertThat(AlertMessage.context(new AlertFacts.RaidOpened(14, 60_000, 0.96, 10), EN)).isEqualTo("usually 1 join/min, now 14 in 60 s");
        assertThat(AlertMessage.context(new AlertFacts.RaidOpened(14, 60_000, 0.3, 10), EN)).isEqualTo("usually 0.3 joins/min, now 14 in 60 s");
        assertThat(AlertMessage.context(new AlertFacts.RaidEnded(5, 1, 60_000, 1.0), DE))
                .isEqualTo("üblich 1 Beitritt/Min., Spitze 5 in 60 s, insgesamt 1 Beitritt");
        assertThat(AlertMessage.context(new AlertFacts.RaidEnded(5, 0, 60_000, null), FR)).isEqualTo("pic de 5 en 60 s, 0 arrivée au total");
        assertThat(AlertMessage.context(new AlertFacts.RaidEnded(5, 1234, 60_000, 1.5), FR))
                .isEqualTo("d’habitude 1,5 arrivée/min, pic de 5 en 60 s, 1234 arrivées au total");

        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.DeletionOpened(n, 30_000, List.of(123L)), EN))).containsExactly(
                "0 messages deleted in 30 s in <#123>", "1 message deleted in 30 s in <#123>", "2 messages deleted in 30 s in <#123>",
                "1234 messages deleted in 30 s in <#123>");
        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.DeletionOpened(n, 30_000, List.of()), DE))).containsExactly(
                "0 Nachrichten in 30 s gelöscht", "1 Nachricht in 30 s gelöscht", "2 Nachrichten in 30 s gelöscht", "1234 Nachrichten in 30 s gelöscht");
        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.DeletionEnded(n, n, 30_000, List.of()), FR))).containsExactly(
                "pic de 0 message supprimé en 30 s, 0 au total", "pic de 1 message supprimé en 30 s, 1 au total",
                "pic de 2 messages supprimés en 30 s, 2 au total", "pic de 1234 messages supprimés en 30 s, 1234 au total");

        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.VoiceOpened(9, n), EN))).containsExactly(
                "usually 0 members in voice, now 9", "usually 1 member in voice, now 9", "usually 2 members in voice, now 9",
                "usually 1234 members in voice, now 9");
        assertThat(AlertMessage.context(new AlertFacts.VoiceEnded(9, 1.04), DE)).isEqualTo("üblich 1 Mitglied im Sprachkanal, Spitze 9");
        assertThat(AlertMessage.context(new AlertFacts.VoiceEnded(9, 1.5), DE)).isEqualTo("üblich 1,5 Mitglieder im Sprachkanal, Spitze 9");
        assertThat(AlertMessage.context(new AlertFacts.VoiceEnded(9, 1.5), FR)).isEqualTo("d’habitude 1,5 membre en vocal, pic de 9");
        assertThat(AlertMessage.context(new AlertFacts.VoiceEnded(9, 2), FR)).isEqualTo("d’habitude 2 membres en vocal, pic de 9");

        assertThat(AlertMessage.context(new AlertFacts.DropObserved(0, 1, 1, 1), EN))
                .isEqualTo("usually 1 message at this hour (over 1 previous day), 0 in the last hour");
        assertThat(AlertMessage.context(new AlertFacts.DropObserved(3, 1234, 6, 3), EN))
                .isEqualTo("usually 1234 messages in these 3 h (over 6 previous days), 3 in the last 3 h");
        assertThat(AlertMessage.context(new AlertFacts.DropObserved(0, 1, 1, 1), DE))
                .isEqualTo("üblich 1 Nachricht zu dieser Stunde (über 1 Vortag), 0 in der letzten Stunde");
        assertThat(AlertMessage.context(new AlertFacts.DropObserved(0, 0.4, 1, 1), FR))
                .isEqualTo("d’habitude 0,4 message à cette heure (sur 1 jour précédent), 0 dans la dernière heure");
        assertThat(forCounts(n -> AlertMessage.context(new AlertFacts.DropEnded(null, n, 120), EN))).containsExactly(
                "alert switched off; the drop began with 0 messages (usually 120)",
                "alert switched off; the drop began with 1 message (usually 120)",
                "alert switched off; the drop began with 2 messages (usually 120)",
                "alert switched off; the drop began with 1234 messages (usually 120)");
        assertThat(AlertMessage.context(new AlertFacts.DropEnded(null, 1, 120), DE))
                .isEqualTo("Alarm ausgeschaltet; der Einbruch begann mit 1 Nachricht (üblich 120)");
        assertThat(AlertMessage.context(new AlertFacts.DropEnded(null, 0, 120), FR))
                .isEqualTo("alerte désactivée ; la chute a commencé avec 0 message (d’habitude 120)");
    }

    @Test
    void digestSentencesAgreeWithTheirCounts() {
        // GIVEN a digest's counts (longs, as the report holds them)
        // WHEN "what changed" and the embed's fields are worded
        // THEN nouns, and the verbs that go with them, agree with the counts
        assertThat(forCounts(n -> EN.get("digest.changed.voice.up", 25L, n))).containsExactly(
                "Voice time rose 25 % to 0 minutes.", "Voice time rose 25 % to 1 minute.", "Voice time rose 25 % to 2 minutes.",
                "Voice time rose 25 % to 1,234 minutes.");
        assertThat(DE.get("digest.changed.voice.down", 50L, 1L)).isEqualTo("Die Zeit in Sprachkanälen fiel um 50 % auf 1 Minute.");
        assertThat(FR.get("digest.changed.voice.down", 50L, 1234L))
                .isEqualTo("Le temps en vocal a baissé de 50 % pour tomber à " + FR_1234 + " minutes.");

        assertThat(EN.get("digest.changed.retention", 0L, 1L, "last week")).isEqualTo("0 of the 1 member who joined last week took part.");
        assertThat(EN.get("digest.changed.retention", 2L, 1234L, "last week")).isEqualTo("2 of the 1,234 members who joined last week took part.");
        assertThat(DE.get("digest.changed.retention", 1L, 1L, "in der Vorwoche"))
                .isEqualTo("1 von 1 Mitglied, das in der Vorwoche beigetreten ist, hat mitgemacht.");
        assertThat(DE.get("digest.changed.retention", 2L, 1234L, "in der Vorwoche"))
                .isEqualTo("2 von 1.234 Mitgliedern, die in der Vorwoche beigetreten sind, haben mitgemacht.");
        assertThat(FR.get("digest.changed.retention", 0L, 1L, "la semaine dernière"))
                .isEqualTo("0 sur 1 membre arrivé la semaine dernière a participé.");
        assertThat(FR.get("digest.changed.retention", 2L, 1234L, "la semaine dernière"))
                .isEqualTo("2 sur " + FR_1234 + " membres arrivés la semaine dernière ont participé.");
        assertThat(DE.get("digest.retention.value", 1L, 1L, "am Vortag", 1.0))
                .isEqualTo("1 von 1, das am Vortag beigetreten ist, war aktiv (100\u00a0%).");
        assertThat(FR.get("digest.retention.value", 1L, 2L, "la veille", 0.5))
                .isEqualTo("1 sur 2 arrivés la veille a participé (50\u00a0%).");
        assertThat(FR.get("digest.members.value", "+0", 1L, 1L)).isEqualTo("**+0** net\n1 arrivé · 1 parti");
        assertThat(FR.get("digest.changed.growth.up", 1L, 2L, 1L)).isEqualTo("Le serveur a gagné 1 membre (2 arrivés, 1 parti).");

        assertThat(EN.get("digest.changed.growth.down", 1L, 0L, 1L)).isEqualTo("The server shrank by 1 member (0 joined, 1 left).");
        assertThat(DE.get("digest.changed.growth.up", 1234L, 1234L, 0L))
                .isEqualTo("Der Server wuchs um 1.234 Mitglieder (1.234 beigetreten, 0 gegangen).");
        assertThat(forCounts(n -> EN.get("digest.changed.channel.up", "5", n))).containsExactly(
                "<#5> grew the most (+0 messages).", "<#5> grew the most (+1 message).", "<#5> grew the most (+2 messages).",
                "<#5> grew the most (+1,234 messages).");
        assertThat(DE.get("digest.changed.channel.down", "5", 0L)).isEqualTo("<#5> wurde am stärksten ruhiger (−0 Nachrichten).");
        assertThat(forCounts(n -> EN.get("digest.changed.alerts", (int) n, "Join raid"))).containsExactly(
                "0 alerts were raised: Join raid.", "1 alert was raised: Join raid.", "2 alerts were raised: Join raid.",
                "1,234 alerts were raised: Join raid.");
        assertThat(DE.get("digest.changed.alerts", 1, "Beitrittswelle")).isEqualTo("1 Alarm wurde ausgelöst: Beitrittswelle.");
        assertThat(FR.get("digest.changed.alerts", 0, "Vague d’arrivées")).isEqualTo("0 alerte a été levée : Vague d’arrivées.");
    }

    @Test
    void sentimentCountsAgreeWithTheirNumber() {
        // GIVEN n scored messages (longs)
        // WHEN the sentiment summary words them
        // THEN "message" agrees with n, 0 included
        assertThat(forCounts(n -> EN.get("sentiment.summary.scored", n))).containsExactly("0 messages scored in this period.",
                "1 message scored in this period.", "2 messages scored in this period.", "1,234 messages scored in this period.");
        assertThat(DE.get("sentiment.summary.scored", 0L)).isEqualTo("0 Nachrichten in diesem Zeitraum bewertet.");
        assertThat(FR.get("sentiment.summary.scored", 0L)).isEqualTo("0 message évalué sur cette période.");
        assertThat(EN.get("sentiment.summary.channel-line", "5", 0L, 0.0, 0.0, 0.0))
                .isEqualTo("<#5> — **0** messages: 😊 0.0% · 😐 0.0% · 😞 0.0%");
    }
}
