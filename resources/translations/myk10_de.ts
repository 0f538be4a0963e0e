<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AgendaDelegate</name>
    <message>
        <source>no room</source>
        <translation>kein Raum</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 Block</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} Blöcke</translation>
    </message>
    <message>
        <source>Day {number}</source>
        <translation>Tag {number}</translation>
    </message>
    <message>
        <source>Day {number}: {date}</source>
        <translation>Tag {number}: {date}</translation>
    </message>
    <message>
        <source>starts at {time}, no blocks yet</source>
        <translation>Beginn {time}, noch keine Blöcke</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} Warnungen</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>ohne Kategorie</translation>
    </message>
    <message>
        <source>Per category: {totals}</source>
        <translation>Je Kategorie: {totals}</translation>
    </message>
    <message>
        <source>no room</source>
        <translation>kein Raum</translation>
    </message>
    <message>
        <source>{count} working groups in parallel, each in its own room</source>
        <translation>{count} Arbeitsgruppen parallel, jede in einem eigenen Raum</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>{count} rooms</source>
        <translation>{count} Räume</translation>
    </message>
    <message>
        <source>(before)</source>
        <translation>(vorher)</translation>
    </message>
    <message>
        <source>Fixed start time: {time}</source>
        <translation>Feste Startzeit: {time}</translation>
    </message>
    <message>
        <source>(+1): after midnight, on the next day</source>
        <translation>(+1): nach Mitternacht, am nächsten Tag</translation>
    </message>
    <message>
        <source>(before): fixed to start before its day begins at {time}</source>
        <translation>(vorher): fest auf eine Zeit vor dem Tagesbeginn um {time} gelegt</translation>
    </message>
    <message>
        <source>For facilitators only: left out of the participants&apos; handout.</source>
        <translation>Nur für die Moderation: erscheint nicht im Handout für die Teilnehmenden.</translation>
    </message>
    <message>
        <source>Category: {name}</source>
        <translation>Kategorie: {name}</translation>
    </message>
    <message>
        <source>Goal: {goal}</source>
        <translation>Ziel: {goal}</translation>
    </message>
    <message>
        <source>Drag to move (Ctrl: copy), or Alt+↑/↓; Alt+Page ↑/↓ moves to another day.</source>
        <translation>Zum Verschieben ziehen (mit Strg: kopieren) oder Alt+↑/↓; Alt+Bild ↑/↓ verschiebt in einen anderen Tag.</translation>
    </message>
</context>
<context>
    <name>AgendaOperation</name>
    <message>
        <source>The chosen board belongs to another workshop.</source>
        <translation>Die gewählte Pinnwand gehört zu einem anderen Workshop.</translation>
    </message>
    <message>
        <source>The chosen ballot belongs to another workshop.</source>
        <translation>Die gewählte Abstimmung gehört zu einem anderen Workshop.</translation>
    </message>
    <message>
        <source>This workshop already has a day with this date.</source>
        <translation>Dieser Workshop hat schon einen Tag mit diesem Datum.</translation>
    </message>
    <message>
        <source>It cannot be put there: the {entity} next to that place is no longer in this list.</source>
        <translation>Dort lässt es sich nicht einfügen: Der Nachbar an dieser Stelle ({entity}) ist nicht mehr in dieser Liste.</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Change day</source>
        <translation>Tag ändern</translation>
    </message>
    <message>
        <source>Move day</source>
        <translation>Tag verschieben</translation>
    </message>
    <message>
        <source>Copy day</source>
        <translation>Tag kopieren</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Block hinzufügen</translation>
    </message>
    <message>
        <source>Fix start time</source>
        <translation>Startzeit festlegen</translation>
    </message>
    <message>
        <source>Free start time</source>
        <translation>Startzeit freigeben</translation>
    </message>
    <message>
        <source>Change block</source>
        <translation>Block ändern</translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation>Dauer ändern</translation>
    </message>
    <message>
        <source>Move block</source>
        <translation>Block verschieben</translation>
    </message>
    <message>
        <source>A block can only move to a day of the same workshop.</source>
        <translation>Ein Block kann nur in einen Tag desselben Workshops verschoben werden.</translation>
    </message>
    <message>
        <source>Copy block</source>
        <translation>Block kopieren</translation>
    </message>
    <message>
        <source>A block can only be copied to a day of the same workshop.</source>
        <translation>Ein Block kann nur in einen Tag desselben Workshops kopiert werden.</translation>
    </message>
    <message>
        <source>Split into working groups</source>
        <translation>In Arbeitsgruppen aufteilen</translation>
    </message>
    <message>
        <source>A block splits into at least two working groups.</source>
        <translation>Ein Block wird in mindestens zwei Arbeitsgruppen aufgeteilt.</translation>
    </message>
    <message>
        <source>This block is already split into working groups; add another group to it instead.</source>
        <translation>Dieser Block ist schon in Arbeitsgruppen aufgeteilt; fügen Sie stattdessen eine weitere Gruppe hinzu.</translation>
    </message>
    <message>
        <source>Add working group</source>
        <translation>Arbeitsgruppe hinzufügen</translation>
    </message>
    <message>
        <source>Change working group</source>
        <translation>Arbeitsgruppe ändern</translation>
    </message>
    <message>
        <source>Join working groups</source>
        <translation>Arbeitsgruppen zusammenführen</translation>
    </message>
    <message>
        <source>The material “{name}” is listed twice.</source>
        <translation>Das Material „{name}“ steht zweimal in der Liste.</translation>
    </message>
    <message>
        <source>Change materials</source>
        <translation>Material ändern</translation>
    </message>
    <message>
        <source>Start block</source>
        <translation>Block starten</translation>
    </message>
    <message>
        <source>End block</source>
        <translation>Block beenden</translation>
    </message>
    <message>
        <source>Skip block</source>
        <translation>Block überspringen</translation>
    </message>
    <message>
        <source>Next block</source>
        <translation>Nächster Block</translation>
    </message>
    <message>
        <source>Reset recorded times</source>
        <translation>Erfasste Zeiten zurücksetzen</translation>
    </message>
    <message>
        <source>This block has not started, so it cannot end.</source>
        <translation>Dieser Block hat noch nicht begonnen und kann deshalb nicht enden.</translation>
    </message>
    <message>
        <source>A block cannot end before it started.</source>
        <translation>Ein Block kann nicht vor seinem Beginn enden.</translation>
    </message>
    <message>
        <source>This workshop has no agenda yet, so there is nothing to save as a template.</source>
        <translation>Dieser Workshop hat noch keinen Ablaufplan, daher gibt es nichts als Vorlage zu speichern.</translation>
    </message>
    <message>
        <source>This template is a whole agenda: add it to the workshop as new days instead.</source>
        <translation>Diese Vorlage ist ein ganzer Ablaufplan: Fügen Sie sie dem Workshop stattdessen als neue Tage hinzu.</translation>
    </message>
    <message>
        <source>This template is a single block: insert it into a day instead.</source>
        <translation>Diese Vorlage ist ein einzelner Block: Fügen Sie sie stattdessen in einen Tag ein.</translation>
    </message>
    <message>
        <source>Save agenda as template</source>
        <translation>Ablaufplan als Vorlage speichern</translation>
    </message>
    <message>
        <source>Save block as template</source>
        <translation>Block als Vorlage speichern</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Vorlage umbenennen</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Vorlage einfügen</translation>
    </message>
    <message>
        <source>Add agenda template</source>
        <translation>Ablaufplan-Vorlage hinzufügen</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Plenary</source>
        <translation>Plenum</translation>
    </message>
    <message>
        <source>Work phase</source>
        <translation>Arbeitsphase</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&lt;b&gt;In all:&lt;/b&gt; {days}, {blocks}, {time}</source>
        <translation>&lt;b&gt;Insgesamt:&lt;/b&gt; {days}, {blocks}, {time}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tage</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>ohne Kategorie</translation>
    </message>
    <message>
        <source>Click to select the block</source>
        <translation>Klicken, um den Block auszuwählen</translation>
    </message>
    <message>
        <source>The times fit: no gaps or overlaps.</source>
        <translation>Die Zeiten passen: keine Lücken oder Überschneidungen.</translation>
    </message>
    <message>
        <source>1 warning: click it to select its block</source>
        <translation>1 Warnung: ein Klick wählt ihren Block aus</translation>
    </message>
    <message>
        <source>{count} warnings: click one to select its block</source>
        <translation>{count} Warnungen: ein Klick wählt den Block aus</translation>
    </message>
    <message>
        <source>fixed start time</source>
        <translation>feste Startzeit</translation>
    </message>
    <message>
        <source>No blocks yet. Add one, or drag a method from the library onto this day.</source>
        <translation>Noch keine Blöcke. Fügen Sie einen hinzu oder ziehen Sie eine Methode aus der Bibliothek auf diesen Tag.</translation>
    </message>
    <message>
        <source>Per category:</source>
        <translation>Je Kategorie:</translation>
    </message>
    <message>
        <source>New block</source>
        <translation>Neuer Block</translation>
    </message>
    <message>
        <source>“{title}” was deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>„{title}“ wurde gelöscht. Rückgängig (Strg+Z) holt den Block zurück.</translation>
    </message>
    <message>
        <source>{day} was deleted with {blocks}. Undo (Ctrl+Z) brings it back.</source>
        <translation>{day} wurde mit {blocks} gelöscht. Rückgängig (Strg+Z) holt den Tag zurück.</translation>
    </message>
    <message>
        <source>{day} was deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>{day} wurde gelöscht. Rückgängig (Strg+Z) holt den Tag zurück.</translation>
    </message>
    <message>
        <source>Give the days a date first: a calendar needs dates</source>
        <translation>Geben Sie den Tagen zuerst ein Datum: Ohne Datum gibt es keine Kalendereinträge</translation>
    </message>
    <message>
        <source>One calendar entry per block of the days with a date, for Outlook, Thunderbird or a phone; without the blocks for the facilitation team only</source>
        <translation>Ein Kalendereintrag je Block der Tage mit Datum, für Outlook, Thunderbird oder das Smartphone; ohne die Blöcke nur für die Moderation</translation>
    </message>
    <message>
        <source>Save the handout for the participants</source>
        <translation>Handout für die Teilnehmenden speichern</translation>
    </message>
    <message>
        <source>Agenda – {title}</source>
        <translation>Ablaufplan – {title}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the run sheet for the facilitation team</source>
        <translation>Regieplan für das Moderationsteam speichern</translation>
    </message>
    <message>
        <source>Run sheet – {title}</source>
        <translation>Regieplan – {title}</translation>
    </message>
    <message>
        <source>Save the agenda as a calendar file</source>
        <translation>Ablaufplan als Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>the workshop no longer exists</source>
        <translation>den Workshop gibt es nicht mehr</translation>
    </message>
    <message>
        <source>The handout for the participants was saved: {path}</source>
        <translation>Das Handout für die Teilnehmenden wurde gespeichert: {path}</translation>
    </message>
    <message>
        <source>The run sheet for the facilitation team was saved: {path}</source>
        <translation>Der Regieplan für das Moderationsteam wurde gespeichert: {path}</translation>
    </message>
    <message>
        <source>The calendar file was saved: {path}. Calendar programs such as Outlook or Thunderbird can import it.</source>
        <translation>Die Kalenderdatei wurde gespeichert: {path}. Kalenderprogramme wie Outlook oder Thunderbird können sie importieren.</translation>
    </message>
    <message>
        <source>Days without a date are not in it.</source>
        <translation>Tage ohne Datum sind nicht darin enthalten.</translation>
    </message>
    <message>
        <source>The file could not be saved to {path}: {reason}</source>
        <translation>Die Datei konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>New &amp;block</source>
        <translation>Neuer &amp;Block</translation>
    </message>
    <message>
        <source>Add a block after the selected one</source>
        <translation>Einen Block nach dem ausgewählten einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Dupli&amp;zieren</translation>
    </message>
    <message>
        <source>Add a copy of the selected block after it</source>
        <translation>Eine Kopie des ausgewählten Blocks dahinter einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected block or day; undo brings it back</source>
        <translation>Den ausgewählten Block oder Tag löschen; Rückgängig holt ihn zurück</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the block up</source>
        <translation>Den Block nach oben verschieben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the block down</source>
        <translation>Den Block nach unten verschieben</translation>
    </message>
    <message>
        <source>To the pre&amp;vious day</source>
        <translation>In den &amp;vorigen Tag</translation>
    </message>
    <message>
        <source>Move the block to the end of the previous day</source>
        <translation>Den Block an das Ende des vorigen Tages verschieben</translation>
    </message>
    <message>
        <source>To the &amp;next day</source>
        <translation>In den &amp;nächsten Tag</translation>
    </message>
    <message>
        <source>Move the block to the start of the next day</source>
        <translation>Den Block an den Anfang des nächsten Tages verschieben</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Go to the block&apos;s fields</source>
        <translation>Zu den Feldern des Blocks springen</translation>
    </message>
    <message>
        <source>Add d&amp;ay</source>
        <translation>Tag &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a day after the last one</source>
        <translation>Einen Tag nach dem letzten hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Copy day</source>
        <translation>Tag &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected day with all its blocks</source>
        <translation>Den ausgewählten Tag mit allen Blöcken kopieren</translation>
    </message>
    <message>
        <source>Delete day</source>
        <translation>Tag löschen</translation>
    </message>
    <message>
        <source>Delete the selected day with all its blocks; undo brings it back</source>
        <translation>Den ausgewählten Tag mit allen Blöcken löschen; Rückgängig holt ihn zurück</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>&amp;Materialliste</translation>
    </message>
    <message>
        <source>The materials checklist of the whole workshop</source>
        <translation>Die Materialliste des ganzen Workshops</translation>
    </message>
    <message>
        <source>Me&amp;thods</source>
        <translation>Me&amp;thoden</translation>
    </message>
    <message>
        <source>Show or hide the method library</source>
        <translation>Die Methodenbibliothek zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Search methods</source>
        <translation>Methoden suchen</translation>
    </message>
    <message>
        <source>Search the method library</source>
        <translation>In der Methodenbibliothek suchen</translation>
    </message>
    <message>
        <source>&amp;Start the workshop</source>
        <translation>Workshop &amp;starten</translation>
    </message>
    <message>
        <source>Run the agenda live with a timer</source>
        <translation>Den Ablaufplan live mit Timer durchführen</translation>
    </message>
    <message>
        <source>Print &amp;&amp; e&amp;xport</source>
        <translation>&amp;Drucken &amp;&amp; Exportieren</translation>
    </message>
    <message>
        <source>The handout, the run sheet or the calendar file of this agenda</source>
        <translation>Das Handout, der Regieplan oder die Kalenderdatei dieses Ablaufplans</translation>
    </message>
    <message>
        <source>&amp;Handout for the participants (PDF)…</source>
        <translation>&amp;Handout für die Teilnehmenden (PDF)…</translation>
    </message>
    <message>
        <source>Times, titles and rooms to hand out; without notes and without the blocks for the facilitation team only</source>
        <translation>Zeiten, Titel und Räume zum Austeilen; ohne Notizen und ohne die Blöcke nur für die Moderation</translation>
    </message>
    <message>
        <source>&amp;Run sheet for the facilitation team (PDF)…</source>
        <translation>&amp;Regieplan für das Moderationsteam (PDF)…</translation>
    </message>
    <message>
        <source>Everything for the facilitation team: notes, goals, who is responsible, materials and the blocks for the team only</source>
        <translation>Alles für das Moderationsteam: Notizen, Ziele, Verantwortliche, Material und die Blöcke nur für die Moderation</translation>
    </message>
    <message>
        <source>Agenda as &amp;calendar file (.ics)…</source>
        <translation>Ablaufplan als &amp;Kalenderdatei (.ics)…</translation>
    </message>
    <message>
        <source>Save &amp;block as template…</source>
        <translation>&amp;Block als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Keep the selected block to use it again in other workshops</source>
        <translation>Den gewählten Block aufbewahren, um ihn in anderen Workshops wieder zu verwenden</translation>
    </message>
    <message>
        <source>Save &amp;agenda as template…</source>
        <translation>&amp;Ablaufplan als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Keep the whole agenda to start other workshops from it</source>
        <translation>Den ganzen Ablaufplan aufbewahren, um andere Workshops damit zu beginnen</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ablaufplan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <source>The method library ({key})</source>
        <translation>Die Methodenbibliothek ({key})</translation>
    </message>
    <message>
        <source>Timing warnings</source>
        <translation>Warnungen zum Zeitplan</translation>
    </message>
    <message>
        <source>Choose a workshop in the navigator on the left to plan its agenda.</source>
        <translation>Wählen Sie links im Navigator einen Workshop, um seinen Ablauf zu planen.</translation>
    </message>
    <message>
        <source>This workshop has no agenda yet.

Start with its first day, then add blocks or drag methods from the library into it.</source>
        <translation>Dieser Workshop hat noch keinen Ablaufplan.

Beginnen Sie mit dem ersten Tag und fügen Sie dann Blöcke hinzu oder ziehen Sie Methoden aus der Bibliothek hinein.</translation>
    </message>
    <message>
        <source>Add the first day</source>
        <translation>Ersten Tag hinzufügen</translation>
    </message>
    <message>
        <source>Start from a template ▾</source>
        <translation>Von Vorlage beginnen ▾</translation>
    </message>
    <message>
        <source>Add the days of one of your agenda templates, with their blocks</source>
        <translation>Die Tage einer Ihrer Ablaufplan-Vorlagen mit ihren Blöcken hinzufügen</translation>
    </message>
    <message>
        <source>Select a block to edit it, or a day to change its date and start time.</source>
        <translation>Wählen Sie einen Block, um ihn zu bearbeiten, oder einen Tag, um Datum und Beginn zu ändern.</translation>
    </message>
</context>
<context>
    <name>AgendaProjector</name>
    <message>
        <source>Agenda on the projector</source>
        <translation>Ablaufplan auf dem Beamer</translation>
    </message>
    <message>
        <source>Time left in the current block</source>
        <translation>Restzeit des laufenden Blocks</translation>
    </message>
</context>
<context>
    <name>AgendaReport</name>
    <message>
        <source>Agenda</source>
        <translation>Ablaufplan</translation>
    </message>
    <message>
        <source>Run sheet for the facilitation team</source>
        <translation>Regieplan für das Moderationsteam</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>{weekday}, {day:02d}/{month:02d}/{year}</source>
        <translation>{weekday}, {day:02d}.{month:02d}.{year}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>Day {number} · {date}</source>
        <translation>Tag {number} · {date}</translation>
    </message>
    <message>
        <source>Day {number}</source>
        <translation>Tag {number}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Room and responsible</source>
        <translation>Raum und Verantwortung</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Needed for</source>
        <translation>Gebraucht für</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>In {count} working groups:</source>
        <translation>In {count} Arbeitsgruppen:</translation>
    </message>
    <message>
        <source>Facilitator only</source>
        <translation>Nur für die Moderation</translation>
    </message>
    <message>
        <source>Method: {method}</source>
        <translation>Methode: {method}</translation>
    </message>
    <message>
        <source>Goal: {goal}</source>
        <translation>Ziel: {goal}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notizen: {notes}</translation>
    </message>
    <message>
        <source>Responsible: {name}</source>
        <translation>Verantwortlich: {name}</translation>
    </message>
    <message>
        <source>fixed start</source>
        <translation>feste Startzeit</translation>
    </message>
    <message>
        <source>actual {start}–{end}</source>
        <translation>tatsächlich {start}–{end}</translation>
    </message>
    <message>
        <source>started {start}, no end recorded</source>
        <translation>begonnen {start}, kein Ende erfasst</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>extended live by {minutes} min</source>
        <translation>live um {minutes} min verlängert</translation>
    </message>
    <message>
        <source>Planned {start}–{end} · {total} of blocks</source>
        <translation>Geplant {start}–{end} · {total} Programm</translation>
    </message>
    <message>
        <source>Actually run {start}–{end} (planned {planned_start}–{planned_end})</source>
        <translation>Tatsächlich {start}–{end} (geplant {planned_start}–{planned_end})</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>ohne Kategorie</translation>
    </message>
    <message>
        <source>Check the timing:</source>
        <translation>Zeitplan prüfen:</translation>
    </message>
    <message>
        <source>Materials checklist for the whole workshop</source>
        <translation>Materialliste für den ganzen Workshop</translation>
    </message>
    <message>
        <source>No materials are listed for this workshop.</source>
        <translation>Für diesen Workshop ist kein Material eingetragen.</translation>
    </message>
    <message>
        <source>No blocks planned for this day.</source>
        <translation>Für diesen Tag sind keine Blöcke geplant.</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>The block&apos;s board is open. Ctrl+2 takes you back to the run.</source>
        <translation>Die Pinnwand des Blocks ist offen. Strg+2 führt zurück zum Ablauf.</translation>
    </message>
</context>
<context>
    <name>AgendaTiming</name>
    <message>
        <source>“{block}” has a fixed start time earlier than “{other}”, which comes before it.</source>
        <translation>„{block}“ hat eine frühere feste Startzeit als „{other}“, das davor steht.</translation>
    </message>
    <message>
        <source>“{block}” has no duration.</source>
        <translation>„{block}“ hat keine Dauer.</translation>
    </message>
    <message>
        <source>Nothing is planned for {duration} before “{block}”, which has a fixed start time.</source>
        <translation>Vor „{block}“ (feste Startzeit) ist {duration} lang nichts geplant.</translation>
    </message>
    <message>
        <source>The blocks before “{block}” run {duration} past its fixed start time.</source>
        <translation>Die Blöcke vor „{block}“ laufen {duration} über dessen feste Startzeit hinaus.</translation>
    </message>
    <message>
        <source>“{block}” runs {duration} into “{other}”, which has a fixed start time: shorten or drop it.</source>
        <translation>„{block}“ reicht {duration} in „{other}“ (feste Startzeit) hinein: kürzen oder streichen.</translation>
    </message>
    <message>
        <source>“{block}” is fixed to start while “{other}” is still running ({duration} overlap).</source>
        <translation>„{block}“ beginnt zu fester Zeit, während „{other}“ noch läuft ({duration} Überschneidung).</translation>
    </message>
    <message>
        <source>“{block}” is fixed to start {duration} before the day begins.</source>
        <translation>„{block}“ beginnt zu fester Zeit {duration} vor Tagesbeginn.</translation>
    </message>
    <message>
        <source>The day runs {duration} past midnight, from “{block}” on.</source>
        <translation>Der Tag geht ab „{block}“ {duration} über Mitternacht hinaus.</translation>
    </message>
    <message>
        <source>The working group “{other}” of “{block}” has no room.</source>
        <translation>Die Arbeitsgruppe „{other}“ von „{block}“ hat keinen Raum.</translation>
    </message>
    <message>
        <source>The working group “{other}” of “{block}” is in the same room as another group of this block.</source>
        <translation>Die Arbeitsgruppe „{other}“ von „{block}“ ist im selben Raum wie eine andere Gruppe dieses Blocks.</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} Std.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>MYK10 Workshop is already open with the data folder {folder}. Please use that window, or close it before starting again.</source>
        <translation>MYK10 Workshop ist mit dem Datenordner {folder} bereits geöffnet. Bitte verwenden Sie dieses Fenster oder schließen Sie es, bevor Sie das Programm erneut starten.</translation>
    </message>
    <message>
        <source>The data folder {folder} already holds projects; the demo project is loaded only into an empty folder. Choose a new folder with --data-dir.</source>
        <translation>Der Datenordner {folder} enthält bereits Projekte; das Demo-Projekt wird nur in einen leeren Ordner geladen. Wählen Sie mit --data-dir einen neuen Ordner.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Before an app update</source>
        <translation>Vor einem Programm-Update</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Vor einem Import</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Saved by hand</source>
        <translation>Von Hand gesichert</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Copies of all your data, made every day, before updates and imports, and whenever you ask for one. Restoring one replaces everything with that state; the current state is saved as a backup first.</source>
        <translation>Kopien all Ihrer Daten – täglich, vor Updates und Importen und wann immer Sie eine anfordern. Beim Wiederherstellen wird alles durch diesen Stand ersetzt; der aktuelle Stand wird vorher ebenfalls gesichert.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Open the &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the backup of {when}?

Everything changed since then is replaced by that state. The current state is saved as a backup first, so you can go back to it.</source>
        <translation>Die Sicherung vom {when} wiederherstellen?

Alles, was seitdem geändert wurde, wird durch diesen Stand ersetzt. Der aktuelle Stand wird vorher gesichert, sodass Sie zu ihm zurückkehren können.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>BallotEditor</name>
    <message>
        <source>Dots per person</source>
        <translation>Punkte pro Person</translation>
    </message>
    <message>
        <source>At most per option</source>
        <translation>Höchstens pro Option</translation>
    </message>
    <message>
        <source>At most choices (0: any number)</source>
        <translation>Höchstens wählbar (0: beliebig viele)</translation>
    </message>
    <message>
        <source>Lowest rating</source>
        <translation>Niedrigste Bewertung</translation>
    </message>
    <message>
        <source>Highest rating</source>
        <translation>Höchste Bewertung</translation>
    </message>
    <message>
        <source>Word for the lowest</source>
        <translation>Wort für die niedrigste</translation>
    </message>
    <message>
        <source>Word for the highest</source>
        <translation>Wort für die höchste</translation>
    </message>
    <message>
        <source>Places to give (0: all options)</source>
        <translation>Zu vergebende Plätze (0: alle Optionen)</translation>
    </message>
    <message>
        <source>Points per person</source>
        <translation>Punkte pro Person</translation>
    </message>
    <message>
        <source>Across (x axis)</source>
        <translation>Waagerecht (x-Achse)</translation>
    </message>
    <message>
        <source>Left end</source>
        <translation>Linkes Ende</translation>
    </message>
    <message>
        <source>Right end</source>
        <translation>Rechtes Ende</translation>
    </message>
    <message>
        <source>Up (y axis)</source>
        <translation>Senkrecht (y-Achse)</translation>
    </message>
    <message>
        <source>Bottom end</source>
        <translation>Unteres Ende</translation>
    </message>
    <message>
        <source>Top end</source>
        <translation>Oberes Ende</translation>
    </message>
    <message>
        <source>Longest idea (characters)</source>
        <translation>Längste Idee (Zeichen)</translation>
    </message>
    <message>
        <source>No board</source>
        <translation>Keine Pinnwand</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Frage</translation>
    </message>
    <message>
        <source>What participants see above the options</source>
        <translation>Was die Teilnehmenden über den Optionen lesen</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Pinnwand</translation>
    </message>
    <message>
        <source>Options (double-click to rename)</source>
        <translation>Optionen (Doppelklick zum Umbenennen)</translation>
    </message>
    <message>
        <source>New option, Enter adds it</source>
        <translation>Neue Option, Eingabetaste fügt sie hinzu</translation>
    </message>
    <message>
        <source>&amp;Add option</source>
        <translation>Option &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Delete option</source>
        <translation>Option löschen</translation>
    </message>
    <message>
        <source>+ &amp;Clusters</source>
        <translation>+ &amp;Cluster</translation>
    </message>
    <message>
        <source>Add the board&apos;s clusters as options</source>
        <translation>Die Cluster der Pinnwand als Optionen hinzufügen</translation>
    </message>
    <message>
        <source>+ &amp;Notes</source>
        <translation>+ &amp;Notizen</translation>
    </message>
    <message>
        <source>Add the board&apos;s notes as options</source>
        <translation>Die Notizen der Pinnwand als Optionen hinzufügen</translation>
    </message>
</context>
<context>
    <name>BallotPrioritiesDialog</name>
    <message>
        <source>The workshops of this project have no ballots yet. Make one on the Voting page.</source>
        <translation>Die Workshops dieses Projekts haben noch keine Abstimmungen. Legen Sie eine auf der Seite „Abstimmung“ an.</translation>
    </message>
    <message>
        <source>Choose a ballot to see which priorities it gives.</source>
        <translation>Wählen Sie eine Abstimmung, um zu sehen, welche Prioritäten sie ergibt.</translation>
    </message>
    <message>
        <source>{title}
{workshop} · {kind} · {count} voted</source>
        <translation>{title}
{workshop} · {kind} · {count} abgestimmt</translation>
    </message>
    <message>
        <source>“{ballot}” gives {count} measures a priority; {changing} of them change. Measures the ballot is not about keep theirs. Undo takes it back.</source>
        <translation>„{ballot}“ gibt {count} Maßnahmen eine Priorität; bei {changing} davon ändert sie sich. Maßnahmen, um die es in der Abstimmung nicht geht, behalten ihre. Rückgängig nimmt es zurück.</translation>
    </message>
    <message>
        <source>Take priorities from a ballot</source>
        <translation>Prioritäten aus einer Abstimmung übernehmen</translation>
    </message>
    <message>
        <source>Each measure gets the rank that its cluster or idea reached in the ballot as its priority: 1 for the most votes.</source>
        <translation>Jede Maßnahme bekommt als Priorität den Platz, den ihr Cluster oder ihre Idee in der Abstimmung erreicht hat: 1 für die meisten Stimmen.</translation>
    </message>
    <message>
        <source>&amp;Ballots of this project&apos;s workshops:</source>
        <translation>&amp;Abstimmungen in den Workshops dieses Projekts:</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Through option</source>
        <translation>Über die Option</translation>
    </message>
    <message>
        <source>&amp;Take priorities</source>
        <translation>Prioritäten &amp;übernehmen</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>each working group has its own room</source>
        <translation>jede Arbeitsgruppe hat ihren eigenen Raum</translation>
    </message>
    <message>
        <source>A block needs a duration of at least 1 minute; it keeps its {minutes} min.</source>
        <translation>Ein Block braucht eine Dauer von mindestens 1 Minute; er behält seine {minutes} Min.</translation>
    </message>
    <message>
        <source>Working group {number}</source>
        <translation>Arbeitsgruppe {number}</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Methode</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>Res&amp;ponsible</source>
        <translation>&amp;Verantwortlich</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Pinnwand</translation>
    </message>
    <message>
        <source>B&amp;allot</source>
        <translation>&amp;Abstimmung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Minutes; the times of the blocks after it follow</source>
        <translation>Minuten; die Zeiten der folgenden Blöcke passen sich an</translation>
    </message>
    <message>
        <source>fi&amp;xed</source>
        <translation>&amp;fest</translation>
    </message>
    <message>
        <source>The block starts at this clock time whatever comes before it (lunch at 12:30); gaps and overlaps are shown as warnings</source>
        <translation>Der Block beginnt zu dieser Uhrzeit, egal was davor liegt (Mittagessen um 12:30); Lücken und Überschneidungen werden als Warnung angezeigt</translation>
    </message>
    <message>
        <source>When the block starts; a time typed in here fixes it (like lunch at 12:30)</source>
        <translation>Wann der Block beginnt; eine hier eingegebene Uhrzeit legt ihn fest (wie das Mittagessen um 12:30)</translation>
    </message>
    <message>
        <source>for facilitators only</source>
        <translation>nur für die Moderation</translation>
    </message>
    <message>
        <source>Left out of the participants&apos; handout; kept in the facilitators&apos; run sheet</source>
        <translation>Erscheint nicht im Handout für die Teilnehmenden, nur im Regieplan der Moderation</translation>
    </message>
    <message>
        <source>Blocks of one category share a colour</source>
        <translation>Blöcke einer Kategorie haben dieselbe Farbe</translation>
    </message>
    <message>
        <source>The board shown when this block starts</source>
        <translation>Die Pinnwand, die zu Beginn dieses Blocks gezeigt wird</translation>
    </message>
    <message>
        <source>The ballot opened when this block starts</source>
        <translation>Die Abstimmung, die zu Beginn dieses Blocks geöffnet wird</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>Arbeitsgruppen</translation>
    </message>
</context>
<context>
    <name>BoardOperation</name>
    <message>
        <source>Add ideas</source>
        <translation>Ideen hinzufügen</translation>
    </message>
    <message>
        <source>Import ideas</source>
        <translation>Ideen importieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Create cluster</source>
        <translation>Cluster anlegen</translation>
    </message>
    <message>
        <source>Tidy cluster</source>
        <translation>Cluster aufräumen</translation>
    </message>
    <message>
        <source>Accept ideas</source>
        <translation>Ideen übernehmen</translation>
    </message>
    <message>
        <source>Hide ideas</source>
        <translation>Ideen ausblenden</translation>
    </message>
    <message>
        <source>Reveal ideas</source>
        <translation>Ideen aufdecken</translation>
    </message>
    <message>
        <source>Make a measure</source>
        <translation>Maßnahme anlegen</translation>
    </message>
    <message>
        <source>Dissolve cluster</source>
        <translation>Cluster auflösen</translation>
    </message>
    <message>
        <source>Merge clusters</source>
        <translation>Cluster zusammenführen</translation>
    </message>
    <message>
        <source>A cluster cannot be merged with itself.</source>
        <translation>Ein Cluster kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Farbe ändern</translation>
    </message>
    <message>
        <source>Tag with a field of action</source>
        <translation>Handlungsfeld zuordnen</translation>
    </message>
    <message>
        <source>Set author</source>
        <translation>Autor/in festlegen</translation>
    </message>
    <message>
        <source>Copy ideas</source>
        <translation>Ideen kopieren</translation>
    </message>
    <message>
        <source>Sort into cluster</source>
        <translation>In Cluster einsortieren</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>New board</source>
        <translation>Neue Pinnwand</translation>
    </message>
    <message>
        <source>Add a board to this workshop</source>
        <translation>Diesem Workshop eine Pinnwand hinzufügen</translation>
    </message>
    <message>
        <source>Search notes (Ctrl+F)</source>
        <translation>Notizen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Notizen suchen</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the whole board (Ctrl+0)</source>
        <translation>Ganze Pinnwand zeigen (Strg+0)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppieren</translation>
    </message>
    <message>
        <source>Put the selected notes in a new cluster (Ctrl+G)</source>
        <translation>Ausgewählte Notizen in einen neuen Cluster legen (Strg+G)</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Verdeckt</translation>
    </message>
    <message>
        <source>Private brainstorm: new notes stay hidden on the projector until revealed</source>
        <translation>Verdecktes Brainstorming: Neue Notizen bleiben auf dem Beamer verborgen, bis Sie sie aufdecken</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Show the private notes on the projector</source>
        <translation>Verdeckte Notizen auf dem Beamer zeigen</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Beamer</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Import ideas from a file…</source>
        <translation>Ideen aus Datei importieren…</translation>
    </message>
    <message>
        <source>Export as picture (PNG)…</source>
        <translation>Als Bild exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Choose a workshop on the left to see its boards.</source>
        <translation>Wählen Sie links einen Workshop aus, um seine Pinnwände zu sehen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Group into a new cluster</source>
        <translation>Zu einem neuen Cluster gruppieren</translation>
    </message>
    <message>
        <source>Merge the selected clusters</source>
        <translation>Ausgewählte Cluster zusammenführen</translation>
    </message>
    <message>
        <source>Dissolve cluster</source>
        <translation>Cluster auflösen</translation>
    </message>
    <message>
        <source>Tidy into a grid</source>
        <translation>Im Raster anordnen</translation>
    </message>
    <message>
        <source>Collapse / expand</source>
        <translation>Ein-/Ausklappen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Auf Auswahl zoomen</translation>
    </message>
    <message>
        <source>Make a measure of the digital agenda</source>
        <translation>Als Maßnahme in die Digitale Agenda übernehmen</translation>
    </message>
    <message>
        <source>Inbox ({count})</source>
        <translation>Eingang ({count})</translation>
    </message>
    <message>
        <source>Panels ({count})</source>
        <translation>Seitenleiste ({count})</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Seitenleiste</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Rangliste</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>This workshop has no board yet. Click “New board” to start one.</source>
        <translation>Dieser Workshop hat noch keine Pinnwand. Klicken Sie auf „Neue Pinnwand“, um eine anzulegen.</translation>
    </message>
    <message>
        <source>{count} suggestions. Accept the ones that fit, one by one.</source>
        <translation>{count} Vorschläge. Übernehmen Sie die passenden einzeln.</translation>
    </message>
    <message>
        <source>No groups found: the notes have too little in common.</source>
        <translation>Keine Gruppen gefunden: Die Notizen haben zu wenig gemeinsam.</translation>
    </message>
    <message>
        <source>{label} – {count} notes</source>
        <translation>{label} – {count} Notizen</translation>
    </message>
    <message>
        <source>{count} loose notes fit into existing clusters.</source>
        <translation>{count} lose Notizen passen in vorhandene Cluster.</translation>
    </message>
    <message>
        <source>No loose note fits clearly into an existing cluster.</source>
        <translation>Keine lose Notiz passt eindeutig in einen vorhandenen Cluster.</translation>
    </message>
    <message>
        <source>Show the board in a second window (full screen on a second screen), following this view (F5 or Ctrl+P)</source>
        <translation>Pinnwand in einem zweiten Fenster zeigen (Vollbild auf einem zweiten Bildschirm), das dieser Ansicht folgt (F5 oder Strg+P)</translation>
    </message>
    <message>
        <source>Import ideas, export the board</source>
        <translation>Ideen importieren, Pinnwand exportieren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Loading the boards…</source>
        <translation>Pinnwände werden geladen…</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Notiz</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>{count} Notizen</translation>
    </message>
    <message>
        <source>1 cluster</source>
        <translation>1 Cluster</translation>
    </message>
    <message>
        <source>{count} clusters</source>
        <translation>{count} Cluster</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} Treffer</translation>
    </message>
    <message>
        <source>Inbox of ideas from phones, ranking by votes, cluster suggestions (F9)</source>
        <translation>Eingang der Ideen von Handys, Rangliste nach Stimmen, Cluster-Vorschläge (F9)</translation>
    </message>
    <message>
        <source>1 suggestion. Accept it if it fits.</source>
        <translation>1 Vorschlag. Übernehmen Sie ihn, wenn er passt.</translation>
    </message>
    <message>
        <source>{label} – 1 note</source>
        <translation>{label} – 1 Notiz</translation>
    </message>
    <message>
        <source>1 loose note fits into an existing cluster.</source>
        <translation>1 lose Notiz passt in einen vorhandenen Cluster.</translation>
    </message>
    <message>
        <source>1 note → {title}</source>
        <translation>1 Notiz → {title}</translation>
    </message>
    <message>
        <source>{count} notes → {title}</source>
        <translation>{count} Notizen → {title}</translation>
    </message>
    <message>
        <source>Import ideas</source>
        <translation>Ideen importieren</translation>
    </message>
    <message>
        <source>Lists of ideas (*.csv *.txt);;All files (*)</source>
        <translation>Ideenlisten (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Picture (*.png)</source>
        <translation>Bild (*.png)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export the board</source>
        <translation>Pinnwand exportieren</translation>
    </message>
    <message>
        <source>The board was saved to {path}.</source>
        <translation>Die Pinnwand wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>The board could not be saved to {path}: {reason}</source>
        <translation>Die Pinnwand konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Board {number}</source>
        <translation>Pinnwand {number}</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor/in</translation>
    </message>
    <message>
        <source>Who wrote this note? (Leave empty for anonymous.)</source>
        <translation>Wer hat diese Notiz geschrieben? (Für anonym leer lassen.)</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>Neuer Cluster</translation>
    </message>
    <message>
        <source>This cluster is already the measure “{title}”: no second measure was made.</source>
        <translation>Dieser Cluster ist schon die Maßnahme „{title}“: Es wurde keine zweite Maßnahme angelegt.</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>This note is already the measure “{title}”: no second measure was made.</source>
        <translation>Diese Notiz ist schon die Maßnahme „{title}“: Es wurde keine zweite Maßnahme angelegt.</translation>
    </message>
    <message>
        <source>These notes are already measures (such as “{title}”): no second measure was made.</source>
        <translation>Diese Notizen sind schon Maßnahmen (etwa „{title}“): Es wurde keine zweite Maßnahme angelegt.</translation>
    </message>
    <message>
        <source>The measure “{title}” is now in the digital agenda.</source>
        <translation>Die Maßnahme „{title}“ steht jetzt in der Digitalen Agenda.</translation>
    </message>
    <message>
        <source>One note that is already a measure was left out.</source>
        <translation>Eine Notiz, die schon eine Maßnahme ist, wurde ausgelassen.</translation>
    </message>
    <message>
        <source>{count} notes that are already measures were left out.</source>
        <translation>{count} Notizen, die schon Maßnahmen sind, wurden ausgelassen.</translation>
    </message>
    <message>
        <source>All fields of action</source>
        <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Alle Farben</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>one colour</source>
        <translation>eine Farbe</translation>
    </message>
    <message>
        <source>Filter by field of action or colour</source>
        <translation>Nach Handlungsfeld oder Farbe filtern</translation>
    </message>
    <message>
        <source>Only notes of: {filter}</source>
        <translation>Nur Notizen mit: {filter}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>Author…</source>
        <translation>Autor/in…</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Board</source>
        <translation>Pinnwand</translation>
    </message>
</context>
<context>
    <name>CaptureEdit</name>
    <message>
        <source>Type an idea and press Enter – or paste a list: one note per line</source>
        <translation>Idee eingeben und Eingabetaste drücken – oder Liste einfügen: eine Notiz pro Zeile</translation>
    </message>
    <message>
        <source>New idea</source>
        <translation>Neue Idee</translation>
    </message>
    <message>
        <source>The note is too long: {length} characters, at most {maximum} are allowed. It stays in the input line: shorten it, or split it into several notes.</source>
        <translation>Die Notiz ist zu lang: {length} Zeichen, erlaubt sind höchstens {maximum}. Sie bleibt in der Eingabezeile: Kürzen Sie sie oder teilen Sie sie auf mehrere Notizen auf.</translation>
    </message>
    <message>
        <source>One line is too long for a note (at most {maximum} characters). It stays in the input line to be shortened.</source>
        <translation>Eine Zeile ist zu lang für eine Notiz (höchstens {maximum} Zeichen). Sie bleibt zum Kürzen in der Eingabezeile.</translation>
    </message>
    <message>
        <source>{count} lines are too long for a note (at most {maximum} characters). They stay in the input line to be shortened.</source>
        <translation>{count} Zeilen sind zu lang für eine Notiz (höchstens {maximum} Zeichen). Sie bleiben zum Kürzen in der Eingabezeile.</translation>
    </message>
</context>
<context>
    <name>DayEditor</name>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Starts at</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>The first block starts at this time; the others follow</source>
        <translation>Der erste Block beginnt zu dieser Uhrzeit; die anderen folgen</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Farbe</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Bes&amp;chreibung</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Andere Farbe…</translation>
    </message>
    <message>
        <source>Colour of the field of action</source>
        <translation>Farbe des Handlungsfelds</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file has more than 20,000 ideas; only the first 20,000 were read.</source>
        <translation>Die Datei enthält mehr als 20.000 Ideen; nur die ersten 20.000 wurden eingelesen.</translation>
    </message>
    <message>
        <source>The file is too big ({size} MB); at most 5 MB can be imported.</source>
        <translation>Die Datei ist zu groß ({size} MB); importiert werden können höchstens 5 MB.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The file is not text (perhaps a spreadsheet saved as .xlsx). Save it as CSV or plain text and try again.</source>
        <translation>Die Datei ist keine Textdatei (vielleicht eine als .xlsx gespeicherte Tabelle). Speichern Sie sie als CSV oder reinen Text und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file holds no ideas.</source>
        <translation>Die Datei enthält keine Ideen.</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {reason}</source>
        <translation>Die Datei ist keine gültige CSV-Datei: {reason}</translation>
    </message>
    <message>
        <source>The idea is empty.</source>
        <translation>Die Idee ist leer.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Zeile {line}: {reason}</translation>
    </message>
    <message>
        <source>Import ideas</source>
        <translation>Ideen importieren</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor/in</translation>
    </message>
    <message>
        <source>1 idea can be imported</source>
        <translation>1 Idee kann importiert werden</translation>
    </message>
    <message>
        <source>{count} ideas can be imported</source>
        <translation>{count} Ideen können importiert werden</translation>
    </message>
    <message>
        <source>1 row is left out</source>
        <translation>1 Zeile wird ausgelassen</translation>
    </message>
    <message>
        <source>{count} rows are left out</source>
        <translation>{count} Zeilen werden ausgelassen</translation>
    </message>
    <message>
        <source>{file}: {ideas}, {rows}.</source>
        <translation>{file}: {ideas}, {rows}.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Ausgelassen:</translation>
    </message>
    <message>
        <source>Import 1 idea</source>
        <translation>1 Idee importieren</translation>
    </message>
    <message>
        <source>Import {count} ideas</source>
        <translation>{count} Ideen importieren</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <source>To the board</source>
        <translation>Auf die Pinnwand</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Put all waiting ideas on the board</source>
        <translation>Alle wartenden Ideen auf die Pinnwand übernehmen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Ideas from phones</source>
        <translation>Ideen von Smartphones</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <source>measure (colour: field of action)</source>
        <translation>Maßnahme (Farbe: Handlungsfeld)</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basisplan</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>Stand</translation>
    </message>
</context>
<context>
    <name>LengthHint</name>
    <message>
        <source>{length} / {maximum} characters</source>
        <translation>{length} / {maximum} Zeichen</translation>
    </message>
</context>
<context>
    <name>LiveRunView</name>
    <message>
        <source>Day {number}</source>
        <translation>Tag {number}</translation>
    </message>
    <message>
        <source>Day {number}: {date}</source>
        <translation>Tag {number}: {date}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>+{time} over</source>
        <translation>+{time} überzogen</translation>
    </message>
    <message>
        <source>{minutes} min over</source>
        <translation>{minutes} Min. überzogen</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>Up next: press Start</source>
        <translation>Als Nächstes: „Starten“ drücken</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>Noch nicht begonnen</translation>
    </message>
    <message>
        <source>The day is done.</source>
        <translation>Der Tag ist geschafft.</translation>
    </message>
    <message>
        <source>No blocks planned for this day.</source>
        <translation>Für diesen Tag sind keine Blöcke geplant.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Less than a fifth of the time left</source>
        <translation>Weniger als ein Fünftel der Zeit übrig</translation>
    </message>
    <message>
        <source>Almost over: time to wrap up</source>
        <translation>Gleich vorbei: bitte zum Abschluss kommen</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Die Zeit ist um</translation>
    </message>
    <message>
        <source>Planned {start}–{end}</source>
        <translation>Geplant {start}–{end}</translation>
    </message>
    <message>
        <source>started {time}</source>
        <translation>begonnen {time}</translation>
    </message>
    <message>
        <source>{count} working groups</source>
        <translation>{count} Arbeitsgruppen</translation>
    </message>
    <message>
        <source>Ballot “{title}”: {status}</source>
        <translation>Abstimmung „{title}“: {status}</translation>
    </message>
    <message>
        <source>Next: nothing more today</source>
        <translation>Danach: heute nichts mehr</translation>
    </message>
    <message>
        <source>{minutes} min behind plan</source>
        <translation>{minutes} Min. hinter dem Plan</translation>
    </message>
    <message>
        <source>{minutes} min ahead of plan</source>
        <translation>{minutes} Min. vor dem Plan</translation>
    </message>
    <message>
        <source>On plan</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>{lead} · the day ends at {end} (planned {planned})</source>
        <translation>{lead} · der Tag endet um {end} (geplant {planned})</translation>
    </message>
    <message>
        <source>Not everything fits before the next fixed start time: shorten or drop the highlighted blocks.</source>
        <translation>Nicht alles passt vor die nächste feste Startzeit: Kürzen oder streichen Sie die markierten Blöcke.</translation>
    </message>
    <message>
        <source>{minutes} min too long</source>
        <translation>{minutes} Min. zu lang</translation>
    </message>
    <message>
        <source>Runs {minutes} min into “{other}”, which has a fixed start time.</source>
        <translation>Läuft {minutes} Min. in „{other}“ hinein, das eine feste Startzeit hat.</translation>
    </message>
    <message>
        <source>Fixed start</source>
        <translation>Feste Startzeit</translation>
    </message>
    <message>
        <source>{minutes} min later</source>
        <translation>{minutes} Min. später</translation>
    </message>
    <message>
        <source>{minutes} min earlier</source>
        <translation>{minutes} Min. früher</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>Shorten to {minutes} min</source>
        <translation>Auf {minutes} Min. kürzen</translation>
    </message>
    <message>
        <source>Shorten “{title}” to {minutes} min</source>
        <translation>„{title}“ auf {minutes} Min. kürzen</translation>
    </message>
    <message>
        <source>The recorded times are from {date}. “Reset times” clears them for a new run.</source>
        <translation>Die erfassten Zeiten stammen vom {date}. „Zeiten zurücksetzen“ löscht sie für einen neuen Durchlauf.</translation>
    </message>
    <message>
        <source>→ {minutes} min</source>
        <translation>→ {minutes} Min.</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Streichen</translation>
    </message>
    <message>
        <source>Drop “{title}”</source>
        <translation>„{title}“ streichen</translation>
    </message>
    <message>
        <source>Leave the block out ({note})</source>
        <translation>Den Block streichen ({note})</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;End block</source>
        <translation>Block b&amp;eenden</translation>
    </message>
    <message>
        <source>The block starts, but its ballot “{title}” cannot open yet: it has no options. Open it on the Voting page when it is ready.</source>
        <translation>Der Block beginnt, aber seine Abstimmung „{title}“ kann noch nicht öffnen: Sie hat keine Optionen. Öffnen Sie sie auf der Seite „Abstimmung“, sobald sie fertig ist.</translation>
    </message>
    <message>
        <source>Reset recorded times</source>
        <translation>Erfasste Zeiten zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the start and end times recorded for {count} blocks of this day? The plan stays as it is; Undo brings the times back.</source>
        <translation>Die für {count} Blöcke dieses Tages erfassten Start- und Endzeiten vergessen? Der Plan bleibt, wie er ist; „Rückgängig“ holt die Zeiten zurück.</translation>
    </message>
    <message>
        <source>Reset times</source>
        <translation>Zeiten zurücksetzen</translation>
    </message>
    <message>
        <source>Vote with your phone: scan the code</source>
        <translation>Mit dem Handy abstimmen: Code scannen</translation>
    </message>
    <message>
        <source>until it starts at {time}</source>
        <translation>bis zum Beginn um {time}</translation>
    </message>
    <message>
        <source>Starts in a moment</source>
        <translation>Beginnt gleich</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Next: {title}
at {time} · {minutes} min</source>
        <translation>Danach: {title}
um {time} · {minutes} Min.</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>So&amp;ft sound at the end</source>
        <translation>&amp;Leiser Ton am Ende</translation>
    </message>
    <message>
        <source>A short sound when a block&apos;s time is up</source>
        <translation>Ein kurzer Ton, wenn die Zeit eines Blocks um ist</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the next block (Ctrl+Enter)</source>
        <translation>Den nächsten Block starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>+5 &amp;min</source>
        <translation>+5 &amp;Min.</translation>
    </message>
    <message>
        <source>Five more minutes for the running block (+)</source>
        <translation>Fünf Minuten mehr für den laufenden Block (+)</translation>
    </message>
    <message>
        <source>End the running block and start the next (Ctrl+Right)</source>
        <translation>Den laufenden Block beenden und den nächsten starten (Strg+Rechts)</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Übersprin&amp;gen</translation>
    </message>
    <message>
        <source>Leave out the block that would come next (Ctrl+Shift+Right)</source>
        <translation>Den Block auslassen, der als Nächstes käme (Strg+Umschalt+Rechts)</translation>
    </message>
    <message>
        <source>On the &amp;projector</source>
        <translation>Auf den &amp;Beamer</translation>
    </message>
    <message>
        <source>Show the countdown on the projector (F5)</source>
        <translation>Den Countdown auf dem Beamer zeigen (F5)</translation>
    </message>
    <message>
        <source>&amp;Back to planning</source>
        <translation>&amp;Zurück zur Planung</translation>
    </message>
    <message>
        <source>Leave run mode; what was recorded stays (Esc)</source>
        <translation>Den Live-Modus verlassen; was erfasst wurde, bleibt (Esc)</translation>
    </message>
    <message>
        <source>Reset &amp;times</source>
        <translation>Ze&amp;iten zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the times recorded for this day, e.g. after a rehearsal</source>
        <translation>Die für diesen Tag erfassten Zeiten vergessen, z. B. nach einer Probe</translation>
    </message>
    <message>
        <source>&amp;Rest of the day</source>
        <translation>&amp;Rest des Tages</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Rest of the day</source>
        <translation>Rest des Tages</translation>
    </message>
    <message>
        <source>Day to run</source>
        <translation>Tag für den Live-Modus</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>The live session could not start on {address}: {reason}. Choose another address, or check that no other program blocks it.</source>
        <translation>Die Live-Sitzung konnte auf {address} nicht starten: {reason}. Wählen Sie eine andere Adresse oder prüfen Sie, ob ein anderes Programm sie blockiert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;About MYK10 Workshop</source>
        <translation>&amp;Über MYK10 Workshop</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Symbolleiste</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Rückgängig: {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Wiederholen: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>The backup of {when} was restored. The state before it was saved as a backup, so you can go back to it under File &gt; Backups.</source>
        <translation>Die Sicherung vom {when} wurde wiederhergestellt. Der Stand davor wurde gesichert; Sie finden ihn unter Datei &gt; Sicherungen.</translation>
    </message>
    <message>
        <source>About MYK10 Workshop</source>
        <translation>Über MYK10 Workshop</translation>
    </message>
    <message>
        <source>{app} {version}

Plan, run and document on-site participation workshops, offline.

Your data is kept on this computer in:
{folder}</source>
        <translation>{app} {version}

Beteiligungsworkshops vor Ort planen, durchführen und dokumentieren – offline.

Ihre Daten werden auf diesem Computer gespeichert in:
{folder}</translation>
    </message>
</context>
<context>
    <name>MaterialsDialog</name>
    <message>
        <source>Materials checklist: {workshop}</source>
        <translation>Materialliste: {workshop}</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>Gebraucht in</translation>
    </message>
    <message>
        <source>No block of this agenda lists materials yet.</source>
        <translation>Noch kein Block dieses Ablaufplans nennt Material.</translation>
    </message>
    <message>
        <source>&amp;Copy as list</source>
        <translation>Als Liste &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the checklist to paste it into an e-mail or a document</source>
        <translation>Die Liste kopieren, um sie in eine E-Mail oder ein Dokument einzufügen</translation>
    </message>
</context>
<context>
    <name>MaterialsEditor</name>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>Material hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected material</source>
        <translation>Das ausgewählte Material entfernen</translation>
    </message>
</context>
<context>
    <name>MeasuresDelegate</name>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
</context>
<context>
    <name>MeasuresTable</name>
    <message>
        <source>All fields of action</source>
        <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
        <source>Without field of action</source>
        <translation>Ohne Handlungsfeld</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>No measures yet: make them on the board from a cluster or from ideas.</source>
        <translation>Noch keine Maßnahmen: Legen Sie sie auf der Pinnwand aus einem Cluster oder aus Ideen an.</translation>
    </message>
    <message>
        <source>1 measure</source>
        <translation>1 Maßnahme</translation>
    </message>
    <message>
        <source>{count} measures</source>
        <translation>{count} Maßnahmen</translation>
    </message>
    <message>
        <source>{shown} of {total} measures shown</source>
        <translation>{shown} von {total} Maßnahmen angezeigt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Save milestones and measures as a calendar</source>
        <translation>Meilensteine und Maßnahmen als Kalender speichern</translation>
    </message>
    <message>
        <source>Timeline {project}.ics</source>
        <translation>Zeitplan {project}.ics</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Save the measures as an Excel workbook</source>
        <translation>Maßnahmen als Excel-Arbeitsmappe speichern</translation>
    </message>
    <message>
        <source>Digital agenda {project}.xlsx</source>
        <translation>Digitale Agenda {project}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the measures as CSV</source>
        <translation>Maßnahmen als CSV speichern</translation>
    </message>
    <message>
        <source>Digital agenda {project}.csv</source>
        <translation>Digitale Agenda {project}.csv</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV für Excel (*.csv)</translation>
    </message>
    <message>
        <source>1 measure saved: {path}</source>
        <translation>1 Maßnahme gespeichert: {path}</translation>
    </message>
    <message>
        <source>{count} measures saved: {path}</source>
        <translation>{count} Maßnahmen gespeichert: {path}</translation>
    </message>
    <message>
        <source>the project no longer exists</source>
        <translation>das Projekt gibt es nicht mehr</translation>
    </message>
    <message>
        <source>The calendar was saved: {path}. Calendar programs such as Outlook or Thunderbird can import it.</source>
        <translation>Der Kalender wurde gespeichert: {path}. Kalenderprogramme wie Outlook oder Thunderbird können ihn importieren.</translation>
    </message>
    <message>
        <source>The file could not be saved to {path}: {reason}</source>
        <translation>Die Datei konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Show &amp;origin</source>
        <translation>&amp;Herkunft zeigen</translation>
    </message>
    <message>
        <source>Which workshop, cluster, ideas and votes the measure came from (Enter)</source>
        <translation>Aus welchem Workshop, Cluster, welchen Ideen und Stimmen die Maßnahme stammt (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Take priorities from a ballot…</source>
        <translation>&amp;Prioritäten aus Abstimmung übernehmen…</translation>
    </message>
    <message>
        <source>Give the measures the ranks their ideas or clusters reached in a vote</source>
        <translation>Den Maßnahmen die Plätze geben, die ihre Ideen oder Cluster in einer Abstimmung erreicht haben</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Measures as CSV (Excel, German)…</source>
        <translation>Maßnahmen als CSV (Excel, deutsch)…</translation>
    </message>
    <message>
        <source>Measures as Excel workbook (.xlsx)…</source>
        <translation>Maßnahmen als Excel-Arbeitsmappe (.xlsx)…</translation>
    </message>
    <message>
        <source>Milestones and measures as calendar (.ics)…</source>
        <translation>Meilensteine und Maßnahmen als Kalender (.ics)…</translation>
    </message>
    <message>
        <source>The measures as the table shows them (filter and order), or the dates for a calendar program</source>
        <translation>Die Maßnahmen so, wie die Tabelle sie zeigt (Filter und Reihenfolge), oder die Termine für ein Kalenderprogramm</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Title, owner, field of action…</source>
        <translation>Titel, Verantwortliche, Handlungsfeld…</translation>
    </message>
    <message>
        <source>&amp;Field of action:</source>
        <translation>&amp;Handlungsfeld:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Digital agenda</source>
        <translation>Digitale Agenda</translation>
    </message>
</context>
<context>
    <name>MeasuresTableModel</name>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Double-click or F2 to change; Del empties it.</source>
        <translation>Doppelklick oder F2 zum Ändern; Entf leert das Feld.</translation>
    </message>
    <message>
        <source>Enter or double-click shows where the measure came from.</source>
        <translation>Eingabetaste oder Doppelklick zeigt, woher die Maßnahme stammt.</translation>
    </message>
    <message>
        <source>The field of action (working group) of the measure.</source>
        <translation>Das Handlungsfeld (die Arbeitsgruppe) der Maßnahme.</translation>
    </message>
    <message>
        <source>1 is the most important. Double-click or F2 to change.</source>
        <translation>1 ist am wichtigsten. Doppelklick oder F2 zum Ändern.</translation>
    </message>
    <message>
        <source>Double-click or F2 to change.</source>
        <translation>Doppelklick oder F2 zum Ändern.</translation>
    </message>
    <message>
        <source>How many ideas of the board lie behind the measure.</source>
        <translation>Wie viele Ideen der Pinnwand hinter der Maßnahme stehen.</translation>
    </message>
    <message>
        <source>Votes cast in ballots on those ideas or clusters.</source>
        <translation>Stimmen, die in Abstimmungen für diese Ideen oder Cluster abgegeben wurden.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>{count} ideas behind this measure</source>
        <translation>{count} Ideen stehen hinter dieser Maßnahme</translation>
    </message>
    <message>
        <source>{count} votes on those ideas or clusters</source>
        <translation>{count} Stimmen für diese Ideen oder Cluster</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>MethodLibraryPanel</name>
    <message>
        <source>The method library is loading…</source>
        <translation>Die Methodenbibliothek wird geladen…</translation>
    </message>
    <message>
        <source>No method matches “{text}”.</source>
        <translation>Keine Methode passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No agenda templates yet</source>
        <translation>Noch keine Ablaufplan-Vorlagen</translation>
    </message>
    <message>
        <source>Save block as template</source>
        <translation>Block als Vorlage speichern</translation>
    </message>
    <message>
        <source>Keep this block with its working groups and materials, to use it again in other workshops. Name of the template:</source>
        <translation>Diesen Block mit seinen Arbeitsgruppen und Materialien aufbewahren, um ihn in anderen Workshops wieder zu verwenden. Name der Vorlage:</translation>
    </message>
    <message>
        <source>Save agenda as template</source>
        <translation>Ablaufplan als Vorlage speichern</translation>
    </message>
    <message>
        <source>Keep the whole agenda, all days with their blocks, to use it again in other workshops. Name of the template:</source>
        <translation>Den ganzen Ablaufplan mit allen Tagen und ihren Blöcken aufbewahren, um ihn in anderen Workshops wieder zu verwenden. Name der Vorlage:</translation>
    </message>
    <message>
        <source>“{name}” is kept as a template: find it under “My templates” in the Methods tab.</source>
        <translation>„{name}“ ist als Vorlage gespeichert: Sie finden sie unter „Eigene Vorlagen“ im Reiter „Methoden“.</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Vorlage umbenennen</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Neuer Name der Vorlage:</translation>
    </message>
    <message>
        <source>The template “{name}” was deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>Die Vorlage „{name}“ wurde gelöscht. Rückgängig (Strg+Z) holt sie zurück.</translation>
    </message>
    <message>
        <source>Your templates appear here once a workshop is open.</source>
        <translation>Ihre Vorlagen erscheinen hier, sobald ein Workshop geöffnet ist.</translation>
    </message>
    <message>
        <source>No templates yet. Keep a block or the whole agenda with “Save as template” to use it again in other workshops.</source>
        <translation>Noch keine Vorlagen. Bewahren Sie einen Block oder den ganzen Ablaufplan mit „Als Vorlage speichern“ auf, um ihn in anderen Workshops wieder zu verwenden.</translation>
    </message>
    <message>
        <source>No template matches “{text}”.</source>
        <translation>Keine Vorlage passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Drag a method into the agenda, or double-click it to add it after the selected block.</source>
        <translation>Ziehen Sie eine Methode in den Ablaufplan oder doppelklicken Sie sie, um sie nach dem ausgewählten Block einzufügen.</translation>
    </message>
    <message>
        <source>Search methods (Ctrl+F)</source>
        <translation>Methoden suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search methods</source>
        <translation>Methoden suchen</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <source>Drag a method into the agenda to make a block of it.</source>
        <translation>Ziehen Sie eine Methode in den Ablaufplan, um daraus einen Block zu machen.</translation>
    </message>
    <message>
        <source>&amp;Add to agenda</source>
        <translation>In den Ablaufplan &amp;übernehmen</translation>
    </message>
    <message>
        <source>Add the chosen method after the selected block (or double-click it)</source>
        <translation>Die gewählte Methode nach dem ausgewählten Block einfügen (oder doppelklicken)</translation>
    </message>
    <message>
        <source>My templates</source>
        <translation>Eigene Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>A block template goes after the selected block, an agenda template&apos;s days after the last day (or double-click it)</source>
        <translation>Eine Block-Vorlage kommt hinter den gewählten Block, die Tage einer Ablaufplan-Vorlage hinter den letzten Tag (oder doppelklicken)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the chosen template (F2)</source>
        <translation>Die gewählte Vorlage umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the chosen template; undo brings it back. Blocks made from it stay.</source>
        <translation>Die gewählte Vorlage löschen; Rückgängig holt sie zurück. Daraus gemachte Blöcke bleiben.</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Als Vorlage speichern</translation>
    </message>
    <message>
        <source>Keep the selected block or the whole agenda as a template</source>
        <translation>Den gewählten Block oder den ganzen Ablaufplan als Vorlage aufbewahren</translation>
    </message>
    <message>
        <source>Insert into the agenda</source>
        <translation>In den Ablaufplan einfügen</translation>
    </message>
    <message>
        <source>Save block as &amp;template…</source>
        <translation>Block als &amp;Vorlage speichern…</translation>
    </message>
    <message>
        <source>Keep the selected block with its working groups and materials as a template for other workshops</source>
        <translation>Den gewählten Block mit seinen Arbeitsgruppen und Materialien als Vorlage für andere Workshops aufbewahren</translation>
    </message>
    <message>
        <source>Save a&amp;genda as template…</source>
        <translation>Ablauf&amp;plan als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Keep the whole agenda, all days with their blocks, as a template for other workshops</source>
        <translation>Den ganzen Ablaufplan mit allen Tagen und ihren Blöcken als Vorlage für andere Workshops aufbewahren</translation>
    </message>
</context>
<context>
    <name>MethodListModel</name>
    <message>
        <source>{minutes} min · {smallest}–{largest} people</source>
        <translation>{minutes} Min. · {smallest}–{largest} Personen</translation>
    </message>
    <message>
        <source>Materials: {list}</source>
        <translation>Material: {list}</translation>
    </message>
    <message>
        <source>Drag it into the agenda, or double-click to add it after the selected block.</source>
        <translation>In den Ablaufplan ziehen oder doppelklicken, um sie nach dem ausgewählten Block einzufügen.</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <source>Overview of the board: click or drag to move there</source>
        <translation>Übersicht der Pinnwand: Klicken oder ziehen, um dorthin zu springen</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Fields of action ({count})</source>
        <translation>Handlungsfelder ({count})</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>Projects and workshops</source>
        <translation>Projekte und Workshops</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>Not built yet.</source>
        <translation>Noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>The title is too long: {length} characters, at most {maximum} are allowed. Shorten it to save it (Esc cancels).</source>
        <translation>Der Titel ist zu lang: {length} Zeichen, erlaubt sind höchstens {maximum}. Kürzen Sie ihn, um ihn zu speichern (Esc bricht ab).</translation>
    </message>
    <message>
        <source>The note is too long: {length} characters, at most {maximum} are allowed. Shorten it to save it (Esc cancels).</source>
        <translation>Die Notiz ist zu lang: {length} Zeichen, erlaubt sind höchstens {maximum}. Kürzen Sie sie, um sie zu speichern (Esc bricht ab).</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Load demo project</source>
        <translation>Demoprojekt laden</translation>
    </message>
    <message>
        <source>Create {entity}</source>
        <translation>{entity} anlegen</translation>
    </message>
    <message>
        <source>Change {entity}</source>
        <translation>{entity} ändern</translation>
    </message>
    <message>
        <source>Delete {entity}</source>
        <translation>{entity} löschen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nichts</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Remove the date</source>
        <translation>Datum entfernen</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Choose a project, workshop or field of action on the left, or create a new project with Ctrl+N.</source>
        <translation>Wählen Sie links ein Projekt, einen Workshop oder ein Handlungsfeld aus, oder legen Sie mit Strg+N ein neues Projekt an.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Agenda</source>
        <translation>Ablaufplan</translation>
    </message>
    <message>
        <source>Multi-day schedules with parallel working groups, methods and materials, and a live timer on the day.</source>
        <translation>Mehrtägige Ablaufpläne mit parallelen Arbeitsgruppen, Methoden und Material – und am Workshoptag ein Live-Timer.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Pinnwand</translation>
    </message>
    <message>
        <source>Sticky notes on a zoomable board, clustered into named groups, with cluster suggestions computed on this laptop.</source>
        <translation>Haftnotizen auf einer zoombaren Pinnwand, in benannten Clustern gruppiert – mit Cluster-Vorschlägen, die dieser Laptop selbst berechnet.</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>Participants scan a QR code and vote or add ideas from their phones; this laptop serves the page on the local network.</source>
        <translation>Teilnehmende scannen einen QR-Code und stimmen mit dem Smartphone ab oder tragen Ideen ein; dieser Laptop stellt die Seite im lokalen Netzwerk bereit.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitstrahl</translation>
    </message>
    <message>
        <source>Phases, milestones and the measures of the digital agenda on a timeline.</source>
        <translation>Phasen, Meilensteine und die Maßnahmen der Digitalen Agenda auf einem Zeitstrahl.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>The results protocol as PDF, spreadsheets, calendar files and the exchange of export files between laptops.</source>
        <translation>Das Ergebnisprotokoll als PDF, Tabellen und Kalenderdateien sowie der Austausch von Exportdateien zwischen Laptops.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>Deutsch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Join in</source>
        <translation>Mitmachen</translation>
    </message>
    <message>
        <source>Vote and send ideas. You stay anonymous: no name, no account.</source>
        <translation>Abstimmen und Ideen senden. Sie bleiben anonym: kein Name, kein Konto.</translation>
    </message>
    <message>
        <source>Open votes</source>
        <translation>Offene Abstimmungen</translation>
    </message>
    <message>
        <source>Nothing to vote on right now. This page updates itself when a vote opens; without JavaScript, reload it.</source>
        <translation>Gerade gibt es nichts abzustimmen. Diese Seite aktualisiert sich, sobald eine Abstimmung beginnt; ohne JavaScript laden Sie sie bitte neu.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Abstimmen</translation>
    </message>
    <message>
        <source>You have voted. You can change your vote.</source>
        <translation>Sie haben abgestimmt. Sie können Ihre Stimme noch ändern.</translation>
    </message>
    <message>
        <source>Send my vote</source>
        <translation>Stimme abgeben</translation>
    </message>
    <message>
        <source>Withdraw my vote</source>
        <translation>Stimme zurückziehen</translation>
    </message>
    <message>
        <source>Back to all votes</source>
        <translation>Zurück zu allen Abstimmungen</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Your vote is saved. You can change it until the vote closes.</source>
        <translation>Ihre Stimme ist gespeichert. Sie können sie ändern, bis die Abstimmung endet.</translation>
    </message>
    <message>
        <source>Your vote is withdrawn.</source>
        <translation>Ihre Stimme ist zurückgezogen.</translation>
    </message>
    <message>
        <source>Your idea has arrived. The facilitator will put it on the board.</source>
        <translation>Ihre Idee ist angekommen. Die Moderation bringt sie an die Pinnwand.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Results are shown when the vote closes.</source>
        <translation>Die Ergebnisse werden gezeigt, wenn die Abstimmung endet.</translation>
    </message>
    <message>
        <source>This vote is closed.</source>
        <translation>Diese Abstimmung ist beendet.</translation>
    </message>
    <message>
        <source>This vote has not started yet.</source>
        <translation>Diese Abstimmung hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>Closes at {time}</source>
        <translation>Endet um {time} Uhr</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Das hat nicht geklappt</translation>
    </message>
    <message>
        <source>This address is not valid (any more). Scan the QR code again or ask the facilitator for the join code.</source>
        <translation>Diese Adresse ist (nicht mehr) gültig. Scannen Sie den QR-Code erneut oder fragen Sie die Moderation nach dem Zugangscode.</translation>
    </message>
    <message>
        <source>Too many requests from this phone. Please wait a moment.</source>
        <translation>Zu viele Anfragen von diesem Handy. Bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <source>No connection. Your vote is kept on this phone and sent when the connection is back.</source>
        <translation>Keine Verbindung. Ihre Stimme bleibt auf diesem Handy und wird gesendet, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <source>Your kept vote has been sent.</source>
        <translation>Ihre aufbewahrte Stimme wurde gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>You have {count} dots. Each option takes at most {most}.</source>
        <translation>Sie haben {count} Punkte. Jede Option bekommt höchstens {most}.</translation>
    </message>
    <message>
        <source>Choose one option.</source>
        <translation>Wählen Sie eine Option.</translation>
    </message>
    <message>
        <source>Choose up to {count} options.</source>
        <translation>Wählen Sie bis zu {count} Optionen.</translation>
    </message>
    <message>
        <source>Rate each option from {low} to {high}.</source>
        <translation>Bewerten Sie jede Option von {low} bis {high}.</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>Keine Bewertung</translation>
    </message>
    <message>
        <source>Give each option a place: 1 is the best.</source>
        <translation>Geben Sie jeder Option einen Platz: 1 ist der beste.</translation>
    </message>
    <message>
        <source>No place</source>
        <translation>Kein Platz</translation>
    </message>
    <message>
        <source>Share {total} points among the options.</source>
        <translation>Verteilen Sie {total} Punkte auf die Optionen.</translation>
    </message>
    <message>
        <source>Place each option: {x} and {y}, from 0 to 10.</source>
        <translation>Ordnen Sie jede Option ein: {x} und {y}, von 0 bis 10.</translation>
    </message>
    <message>
        <source>Your idea</source>
        <translation>Ihre Idee</translation>
    </message>
    <message>
        <source>Send idea</source>
        <translation>Idee senden</translation>
    </message>
    <message>
        <source>At most {count} characters. Shown as written.</source>
        <translation>Höchstens {count} Zeichen. Wird so gezeigt, wie Sie es schreiben.</translation>
    </message>
    <message>
        <source>place {value}</source>
        <translation>Platz {value}</translation>
    </message>
    <message>
        <source>voted</source>
        <translation>abgestimmt</translation>
    </message>
    <message>
        <source>Given: {used} of {total}</source>
        <translation>Vergeben: {used} von {total}</translation>
    </message>
    <message>
        <source>This vote was changed by the facilitator. Reload the page to see it.</source>
        <translation>Die Moderation hat diese Abstimmung geändert. Laden Sie die Seite neu, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Send another idea</source>
        <translation>Noch eine Idee senden</translation>
    </message>
    <message>
        <source>Change my vote</source>
        <translation>Stimme ändern</translation>
    </message>
    <message>
        <source>Choose as many options as you like.</source>
        <translation>Wählen Sie so viele Optionen, wie Sie möchten.</translation>
    </message>
    <message>
        <source>dots</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Nicht eingeordnet</translation>
    </message>
    <message>
        <source>Join with a code</source>
        <translation>Mit Code teilnehmen</translation>
    </message>
    <message>
        <source>Type the join code shown on the projector or the poster.</source>
        <translation>Geben Sie den Zugangscode vom Beamer oder vom Plakat ein.</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Teilnehmen</translation>
    </message>
    <message>
        <source>This code is not right. Check the code on the projector and try again.</source>
        <translation>Dieser Code stimmt nicht. Prüfen Sie den Code auf dem Beamer und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>To vote, your browser must allow cookies for this page. Open the page again and vote there.</source>
        <translation>Zum Abstimmen muss Ihr Browser Cookies für diese Seite erlauben. Öffnen Sie die Seite erneut und stimmen Sie dort ab.</translation>
    </message>
    <message>
        <source>Your vote could not be read. Please reload the page and vote again.</source>
        <translation>Ihre Stimme konnte nicht gelesen werden. Bitte laden Sie die Seite neu und stimmen Sie erneut ab.</translation>
    </message>
    <message>
        <source>The facilitator&apos;s laptop cannot save right now. Please try again in a moment.</source>
        <translation>Der Laptop der Moderation kann gerade nicht speichern. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The ideas are collected on the facilitator&apos;s board.</source>
        <translation>Die Ideen werden an der Pinnwand der Moderation gesammelt.</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>Neuer Meilenstein</translation>
    </message>
    <message>
        <source>Light blue</source>
        <translation>Hellblau</translation>
    </message>
    <message>
        <source>Light green</source>
        <translation>Hellgrün</translation>
    </message>
    <message>
        <source>Light orange</source>
        <translation>Hellorange</translation>
    </message>
    <message>
        <source>Lilac</source>
        <translation>Flieder</translation>
    </message>
    <message>
        <source>Salmon</source>
        <translation>Lachs</translation>
    </message>
    <message>
        <source>Light yellow</source>
        <translation>Hellgelb</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Edit milestone</source>
        <translation>Meilenstein bearbeiten</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>Edit measure</source>
        <translation>Maßnahme bearbeiten</translation>
    </message>
    <message>
        <source>New phase</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>Edit phase</source>
        <translation>Phase bearbeiten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>This colour ({colour})</source>
        <translation>Diese Farbe ({colour})</translation>
    </message>
</context>
<context>
    <name>Poster</name>
    <message>
        <source>Join in with your phone</source>
        <translation>Machen Sie mit Ihrem Handy mit</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera.</source>
        <translation>Scannen Sie den Code mit der Kamera Ihres Handys.</translation>
    </message>
    <message>
        <source>1. Join the Wi-Fi</source>
        <translation>1. Mit dem WLAN verbinden</translation>
    </message>
    <message>
        <source>2. Open the voting page</source>
        <translation>2. Die Abstimmungsseite öffnen</translation>
    </message>
    <message>
        <source>Network: {ssid}</source>
        <translation>Netzwerk: {ssid}</translation>
    </message>
    <message>
        <source>Password: {password}</source>
        <translation>Passwort: {password}</translation>
    </message>
    <message>
        <source>No camera? Open this address in the browser:</source>
        <translation>Keine Kamera? Öffnen Sie diese Adresse im Browser:</translation>
    </message>
    <message>
        <source>and type the code:</source>
        <translation>und geben Sie den Code ein:</translation>
    </message>
    <message>
        <source>Anonymous: no name, no account, no app. Works only here in the room.</source>
        <translation>Anonym: kein Name, kein Konto, keine App. Funktioniert nur hier im Raum.</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>New &amp;project</source>
        <translation>Neues &amp;Projekt</translation>
    </message>
    <message>
        <source>Create a new project (Ctrl+N)</source>
        <translation>Neues Projekt anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>New &amp;workshop</source>
        <translation>Neuer &amp;Workshop</translation>
    </message>
    <message>
        <source>Create a new workshop in the selected project (Ctrl+Shift+N)</source>
        <translation>Neuen Workshop im ausgewählten Projekt anlegen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>New &amp;field of action</source>
        <translation>Neues &amp;Handlungsfeld</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected entry (Del); undo brings it back</source>
        <translation>Ausgewählten Eintrag löschen (Entf); mit „Rückgängig“ holen Sie ihn zurück</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Neuer Workshop</translation>
    </message>
    <message>
        <source>New field of action</source>
        <translation>Neues Handlungsfeld</translation>
    </message>
    <message>
        <source>“{name}” was deleted.</source>
        <translation>„{name}“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Bes&amp;chreibung</translation>
    </message>
    <message>
        <source>In this project</source>
        <translation>In diesem Projekt</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>Fields of action</source>
        <translation>Handlungsfelder</translation>
    </message>
    <message>
        <source>Boards</source>
        <translation>Pinnwände</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>Abstimmungen</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Board on the projector</source>
        <translation>Pinnwand auf dem Beamer</translation>
    </message>
    <message>
        <source>Board as shown on the projector</source>
        <translation>Pinnwand, wie sie auf dem Beamer erscheint</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <source>Dots from phones and paper, most first.</source>
        <translation>Punkte per Smartphone und auf Papier – die meisten zuerst.</translation>
    </message>
    <message>
        <source>Ranking by votes</source>
        <translation>Rangliste nach Stimmen</translation>
    </message>
    <message>
        <source>Cluster: {title}</source>
        <translation>Cluster: {title}</translation>
    </message>
    <message>
        <source>No votes on this board yet.</source>
        <translation>Auf dieser Pinnwand wurde noch nicht abgestimmt.</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Nobody has voted yet</source>
        <translation>Noch niemand hat abgestimmt</translation>
    </message>
    <message>
        <source>1 participant has voted</source>
        <translation>1 Person hat abgestimmt</translation>
    </message>
    <message>
        <source>{count} participants have voted</source>
        <translation>{count} Teilnehmende haben abgestimmt</translation>
    </message>
    <message>
        <source>{total} ({paper} on paper)</source>
        <translation>{total} ({paper} auf Papier)</translation>
    </message>
    <message>
        <source>{total}</source>
        <translation>{total}</translation>
    </message>
    <message>
        <source>not rated yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <source>average {mean} (1 rating)</source>
        <translation>Durchschnitt {mean} (1 Bewertung)</translation>
    </message>
    <message>
        <source>average {mean} ({count} ratings)</source>
        <translation>Durchschnitt {mean} ({count} Bewertungen)</translation>
    </message>
    <message>
        <source>not ranked yet</source>
        <translation>noch nicht eingereiht</translation>
    </message>
    <message>
        <source>{points} points, average place {mean}</source>
        <translation>{points} Punkte, durchschnittlich Platz {mean}</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>noch nicht eingeordnet</translation>
    </message>
    <message>
        <source>{x_label} {x}, {y_label} {y} (1 vote)</source>
        <translation>{x_label} {x}, {y_label} {y} (1 Stimme)</translation>
    </message>
    <message>
        <source>{x_label} {x}, {y_label} {y} ({count} votes)</source>
        <translation>{x_label} {x}, {y_label} {y} ({count} Stimmen)</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>Punktabfrage</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Einfachauswahl</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>Rating scale</source>
        <translation>Bewertungsskala</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Rangfolge</translation>
    </message>
    <message>
        <source>100-point allocation</source>
        <translation>100-Punkte-Verteilung</translation>
    </message>
    <message>
        <source>2x2 matrix</source>
        <translation>2x2-Matrix</translation>
    </message>
    <message>
        <source>Open question (ideas)</source>
        <translation>Offene Frage (Ideen)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>All networks (0.0.0.0)</source>
        <translation>Alle Netzwerke (0.0.0.0)</translation>
    </message>
    <message>
        <source>Live for “{workshop}”: phones can join.</source>
        <translation>Live für „{workshop}“: Handys können teilnehmen.</translation>
    </message>
    <message>
        <source>Address: {url}</source>
        <translation>Adresse: {url}</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>Not live. Phones join once the live session runs: this laptop serves the page on the local network, no internet needed.</source>
        <translation>Nicht live. Handys können teilnehmen, sobald die Live-Sitzung läuft: Dieser Laptop stellt die Seite im lokalen Netzwerk bereit, ohne Internet.</translation>
    </message>
    <message>
        <source>Wi-Fi {name}</source>
        <translation>WLAN {name}</translation>
    </message>
    <message>
        <source>The laptop address phones use: pick the network the phones are on</source>
        <translation>Die Adresse des Laptops für die Handys: Wählen Sie das Netzwerk, in dem die Handys sind</translation>
    </message>
    <message>
        <source>Network address</source>
        <translation>Netzwerkadresse</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Netzwerk</translation>
    </message>
    <message>
        <source>Show on &amp;projector</source>
        <translation>Auf dem &amp;Beamer zeigen</translation>
    </message>
    <message>
        <source>&amp;Poster (PDF)…</source>
        <translation>&amp;Plakat (PDF) …</translation>
    </message>
    <message>
        <source>Wi-Fi for participants (optional)</source>
        <translation>WLAN für Teilnehmende (optional)</translation>
    </message>
    <message>
        <source>Network &amp;name</source>
        <translation>Netzwerk&amp;name</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>kept only for this session</source>
        <translation>nur für diese Sitzung gemerkt</translation>
    </message>
    <message>
        <source>&amp;Stop live session</source>
        <translation>Live-Sitzung &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Start live session</source>
        <translation>Live-Sitzung &amp;starten</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split into working groups</source>
        <translation>In Arbeitsgruppen aufteilen</translation>
    </message>
    <message>
        <source>&amp;Number of groups</source>
        <translation>&amp;Anzahl der Gruppen</translation>
    </message>
    <message>
        <source>The groups work at the same time, each in its own room. Titles, rooms and facilitators can be changed later in the editor.</source>
        <translation>Die Gruppen arbeiten gleichzeitig, jede in einem eigenen Raum. Titel, Räume und Moderation lassen sich später im Editor ändern.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>Auf&amp;teilen</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Voting for “{workshop}” is running.
Phones open: {url}
or open {base} and type the join code {code}
QR code: {qr}
Press Ctrl+C to stop.</source>
        <translation>Die Abstimmung für „{workshop}“ läuft.
Handys öffnen: {url}
oder {base} und geben den Zugangscode {code} ein
QR-Code: {qr}
Strg+C beendet sie.</translation>
    </message>
    <message>
        <source>Voting stopped. All votes are saved.</source>
        <translation>Abstimmung beendet. Alle Stimmen sind gespeichert.</translation>
    </message>
    <message>
        <source>There is no workshop “{name}” in {folder}. Workshops: {known}</source>
        <translation>In {folder} gibt es keinen Workshop „{name}“. Workshops: {known}</translation>
    </message>
    <message>
        <source>“{name}” fits more than one workshop: {known}. Please give more of the title.</source>
        <translation>„{name}“ passt zu mehreren Workshops: {known}. Bitte geben Sie mehr vom Titel an.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Cannot serve on {host}: {reason}. Choose another address with --host or another port with --port.</source>
        <translation>Auf {host} kann nicht bereitgestellt werden: {reason}. Wählen Sie eine andere Adresse mit --host oder einen anderen Port mit --port.</translation>
    </message>
    <message>
        <source>The data folder {folder} is open in MYK10 Workshop. Start the live session in that window, or close it first.</source>
        <translation>Der Datenordner {folder} ist in MYK10 Workshop geöffnet. Starten Sie die Live-Sitzung in diesem Fenster oder schließen Sie es zuerst.</translation>
    </message>
</context>
<context>
    <name>StoreBridge</name>
    <message>
        <source>An unexpected error occurred. Your saved work is safe. The details are in the log file {log}.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherte Arbeit ist sicher. Die Einzelheiten stehen in der Logdatei {log}.</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The disk is full, so the last change could not be saved. Everything saved before is safe. Free some space and try again.</source>
        <translation>Der Datenträger ist voll, deshalb konnte die letzte Änderung nicht gespeichert werden. Alles zuvor Gespeicherte ist sicher. Schaffen Sie etwas Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to, so changes cannot be saved. Everything saved before is safe. Check the folder&apos;s permissions or choose another folder.</source>
        <translation>In den Datenordner {path} kann nicht geschrieben werden, deshalb lassen sich Änderungen nicht speichern. Alles zuvor Gespeicherte ist sicher. Prüfen Sie die Zugriffsrechte des Ordners oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The database is busy in another program (perhaps a second MYK10 Workshop window), so the last change was not saved. Close the other program and try again.</source>
        <translation>Die Datenbank wird gerade von einem anderen Programm verwendet (vielleicht von einem zweiten Fenster von MYK10 Workshop), deshalb wurde die letzte Änderung nicht gespeichert. Schließen Sie das andere Programm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be read. It was left as it is; copies made before changes are in the folder {backups}.</source>
        <translation>Die Datenbank {path} ist beschädigt und kann nicht gelesen werden. Sie wurde nicht verändert; Sicherungskopien, die vor Änderungen angelegt wurden, liegen im Ordner {backups}.</translation>
    </message>
    <message>
        <source>The database {path} was saved by a newer version of MYK10 Workshop (schema {found}). This version can open schema {known} and older. Please update the app; the file was left untouched.</source>
        <translation>Die Datenbank {path} wurde von einer neueren Version von MYK10 Workshop gespeichert (Schema {found}). Diese Version kann Schema {known} und älter öffnen. Bitte aktualisieren Sie die App; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{path} is not a MYK10 Workshop database. It was left untouched.</source>
        <translation>{path} ist keine Datenbank von MYK10 Workshop. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be used: a file of that name is in the way, or the folder cannot be created there. Nothing was changed.</source>
        <translation>Der Datenordner {path} lässt sich nicht verwenden: Dort liegt eine Datei gleichen Namens, oder der Ordner kann dort nicht angelegt werden. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}. Nothing was changed.</source>
        <translation>Die Datenbank {path} lässt sich nicht öffnen: {reason}. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Group the loose notes</source>
        <translation>Lose Notizen gruppieren</translation>
    </message>
    <message>
        <source>Group all notes anew</source>
        <translation>Alle Notizen neu gruppieren</translation>
    </message>
    <message>
        <source>Sort loose notes into the clusters</source>
        <translation>Lose Notizen in die Cluster einsortieren</translation>
    </message>
    <message>
        <source>The most reliable way: start a few clusters by hand, then let the rest be sorted in.</source>
        <translation>Am zuverlässigsten: Legen Sie einige Cluster von Hand an und lassen Sie dann den Rest einsortieren.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Computing suggestions…</source>
        <translation>Vorschläge werden berechnet…</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} Tage</translation>
    </message>
    <message>
        <source>1 block</source>
        <translation>1 Block</translation>
    </message>
    <message>
        <source>{count} blocks</source>
        <translation>{count} Blöcke</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ablaufplan</translation>
    </message>
    <message>
        <source>Double-click to add its days after the last day of this workshop.</source>
        <translation>Doppelklicken, um ihre Tage nach dem letzten Tag dieses Workshops anzufügen.</translation>
    </message>
    <message>
        <source>Double-click to insert it after the selected block.</source>
        <translation>Doppelklicken, um sie nach dem gewählten Block einzufügen.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>This dependency exists already.</source>
        <translation>Diese Abhängigkeit gibt es schon.</translation>
    </message>
    <message>
        <source>{field}: {date} is outside the years a timeline can show ({earliest} to {latest}).</source>
        <translation>{field}: {date} liegt außerhalb der Jahre, die eine Zeitleiste zeigen kann ({earliest} bis {latest}).</translation>
    </message>
    <message>
        <source>This dependency would close a circle: {items}. A chain of dependencies must not lead back to where it started.</source>
        <translation>Diese Abhängigkeit würde einen Kreis schließen: {items}. Eine Kette von Abhängigkeiten darf nicht zu ihrem Anfang zurückführen.</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>„{title}“</translation>
    </message>
    <message>
        <source>These dependencies go round in a circle: {items}.</source>
        <translation>Diese Abhängigkeiten bilden einen Kreis: {items}.</translation>
    </message>
    <message>
        <source>“{title}” lies outside every phase.</source>
        <translation>„{title}“ liegt außerhalb aller Phasen.</translation>
    </message>
    <message>
        <source>“{title}” lies outside the dates of the project.</source>
        <translation>„{title}“ liegt außerhalb des Projektzeitraums.</translation>
    </message>
    <message>
        <source>“{title}” lies more than {years} years outside the dates of the project.</source>
        <translation>„{title}“ liegt mehr als {years} Jahre außerhalb des Projektzeitraums.</translation>
    </message>
    <message>
        <source>“{successor}” starts before “{predecessor}” ends.</source>
        <translation>„{successor}“ beginnt, bevor „{predecessor}“ endet.</translation>
    </message>
    <message>
        <source>A 2x2 matrix does not rank its options, so it cannot set priorities.</source>
        <translation>Eine 2x2-Matrix bringt ihre Optionen in keine Reihenfolge, deshalb kann sie keine Prioritäten setzen.</translation>
    </message>
    <message>
        <source>Nobody has voted in this ballot yet, so it cannot set priorities.</source>
        <translation>In dieser Abstimmung hat noch niemand abgestimmt, deshalb kann sie keine Prioritäten setzen.</translation>
    </message>
    <message>
        <source>None of the options of this ballot stands for a measure. Make measures from the clusters or ideas the ballot is about first.</source>
        <translation>Keine Option dieser Abstimmung steht für eine Maßnahme. Machen Sie zuerst Maßnahmen aus den Clustern oder Ideen, um die es in der Abstimmung geht.</translation>
    </message>
    <message>
        <source>Both ends of a dependency must belong to the same project.</source>
        <translation>Beide Enden einer Abhängigkeit müssen zum selben Projekt gehören.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Move {entity}</source>
        <translation>{entity} verschieben</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>Abhängigkeit hinzufügen</translation>
    </message>
    <message>
        <source>Take baseline</source>
        <translation>Basisplan festhalten</translation>
    </message>
    <message>
        <source>Take priorities from a ballot</source>
        <translation>Prioritäten aus einer Abstimmung übernehmen</translation>
    </message>
</context>
<context>
    <name>TimelineAxis</name>
    <message>
        <source>W {week}</source>
        <translation>KW {week}</translation>
    </message>
    <message>
        <source>Q{quarter}</source>
        <translation>Q{quarter}</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Delete from the timeline</source>
        <translation>Aus dem Zeitstrahl löschen</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>Stand:</translation>
    </message>
    <message>
        <source>Where the red line stands: today, or a day to plan towards, such as the council meeting</source>
        <translation>Wo die rote Linie steht: heute oder ein Tag, auf den hin geplant wird, etwa die Sitzung des Kreistags</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Put the red line back on today</source>
        <translation>Die rote Linie wieder auf heute setzen</translation>
    </message>
    <message>
        <source>Show the latest baseline as grey marks under the current plan</source>
        <translation>Den letzten Basisplan als graue Markierungen unter dem aktuellen Plan zeigen</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the whole plan (Ctrl+0)</source>
        <translation>Den ganzen Plan zeigen (Strg+0)</translation>
    </message>
    <message>
        <source>New milestone</source>
        <translation>Neuer Meilenstein</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verknüpfen</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Beamer</translation>
    </message>
    <message>
        <source>Show the timeline large in a second window, for the room (F5 or Ctrl+P)</source>
        <translation>Den Zeitstrahl groß in einem zweiten Fenster für den Raum zeigen (F5 oder Strg+P)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Baseline and exports</source>
        <translation>Basisplan und Exporte</translation>
    </message>
    <message>
        <source>Take a baseline…</source>
        <translation>Basisplan festhalten…</translation>
    </message>
    <message>
        <source>Export as picture (PNG)…</source>
        <translation>Als Bild exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Hide the list</source>
        <translation>Liste ausblenden</translation>
    </message>
    <message>
        <source>Show the list ({count})</source>
        <translation>Liste zeigen ({count})</translation>
    </message>
    <message>
        <source>Nothing planned yet: N adds a milestone at the red line.</source>
        <translation>Noch nichts geplant: N fügt einen Meilenstein an der roten Linie hinzu.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>The plan on a time line</source>
        <translation>Der Plan auf einem Zeitstrahl</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>The same phases, milestones and measures as a table, to edit by keyboard</source>
        <translation>Dieselben Phasen, Meilensteine und Maßnahmen als Tabelle, zum Bearbeiten mit der Tastatur</translation>
    </message>
    <message>
        <source>By phase</source>
        <translation>Nach Phasen</translation>
    </message>
    <message>
        <source>By field of action</source>
        <translation>Nach Handlungsfeldern</translation>
    </message>
    <message>
        <source>Lanes of the chart: one per phase, or one per field of action</source>
        <translation>Zeilen des Diagramms: eine je Phase oder eine je Handlungsfeld</translation>
    </message>
    <message>
        <source>Show the baseline</source>
        <translation>Basisplan zeigen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Add a milestone (N), a measure (M) or a phase (P) at the red line</source>
        <translation>Einen Meilenstein (N), eine Maßnahme (M) oder eine Phase (P) an der roten Linie hinzufügen</translation>
    </message>
    <message>
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>New phase</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <source>Link: make the later of two selected items depend on the earlier one (L). Or drag from the round handle at an item&apos;s right end onto another item.</source>
        <translation>Verknüpfen: das spätere von zwei ausgewählten Elementen vom früheren abhängig machen (L). Oder vom runden Griff am rechten Ende eines Elements auf ein anderes ziehen.</translation>
    </message>
    <message>
        <source>Choose a project on the left to see its timeline.</source>
        <translation>Wählen Sie links ein Projekt, um seinen Zeitstrahl zu sehen.</translation>
    </message>
    <message>
        <source>⚠ {text}</source>
        <translation>⚠ {text}</translation>
    </message>
    <message>
        <source>⚠ {count} things in this plan deserve a second look, such as: {text}</source>
        <translation>⚠ {count} Stellen in diesem Plan verdienen einen zweiten Blick, etwa: {text}</translation>
    </message>
    <message>
        <source>1 measure without dates is only in the table.</source>
        <translation>1 Maßnahme ohne Termin steht nur in der Tabelle.</translation>
    </message>
    <message>
        <source>{count} measures without dates are only in the table.</source>
        <translation>{count} Maßnahmen ohne Termin stehen nur in der Tabelle.</translation>
    </message>
    <message>
        <source>Select two items (milestones or measures) to link, with Ctrl+click.</source>
        <translation>Wählen Sie zum Verknüpfen zwei Elemente (Meilensteine oder Maßnahmen) mit Strg+Klick aus.</translation>
    </message>
    <message>
        <source>As planned on {date}</source>
        <translation>Planstand vom {date}</translation>
    </message>
    <message>
        <source>Take a baseline</source>
        <translation>Basisplan festhalten</translation>
    </message>
    <message>
        <source>Keep the dates of the plan as they are now, to compare later. Name:</source>
        <translation>Die Termine des Plans so festhalten, wie sie jetzt sind, um später zu vergleichen. Name:</translation>
    </message>
    <message>
        <source>Picture (*.png)</source>
        <translation>Bild (*.png)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>Timeline {project}</source>
        <translation>Zeitstrahl {project}</translation>
    </message>
    <message>
        <source>Export the timeline</source>
        <translation>Zeitstrahl exportieren</translation>
    </message>
    <message>
        <source>{project} – as of {date}</source>
        <translation>{project} – Stand {date}</translation>
    </message>
    <message>
        <source>The timeline was saved to {path}.</source>
        <translation>Der Zeitstrahl wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>The timeline could not be saved to {path}: {reason}</source>
        <translation>Der Zeitstrahl konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Link (L)</source>
        <translation>Verknüpfen (L)</translation>
    </message>
    <message>
        <source>New milestone here</source>
        <translation>Neuer Meilenstein hier</translation>
    </message>
    <message>
        <source>New measure here</source>
        <translation>Neue Maßnahme hier</translation>
    </message>
    <message>
        <source>New phase here</source>
        <translation>Neue Phase hier</translation>
    </message>
</context>
<context>
    <name>TimelineProjector</name>
    <message>
        <source>Timeline on the projector</source>
        <translation>Zeitstrahl auf dem Beamer</translation>
    </message>
</context>
<context>
    <name>TimelineReport</name>
    <message>
        <source>Digital agenda</source>
        <translation>Digitale Agenda</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Umsetzung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>{project}: milestones and measures</source>
        <translation>{project}: Meilensteine und Maßnahmen</translation>
    </message>
    <message>
        <source>Milestone: {title}</source>
        <translation>Meilenstein: {title}</translation>
    </message>
    <message>
        <source>Measure: {title}</source>
        <translation>Maßnahme: {title}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>Verantwortlich: {owner}</translation>
    </message>
    <message>
        <source>Field of action: {field}</source>
        <translation>Handlungsfeld: {field}</translation>
    </message>
    <message>
        <source>Priority: {priority}</source>
        <translation>Priorität: {priority}</translation>
    </message>
    <message>
        <source>Phase: {phase}</source>
        <translation>Phase: {phase}</translation>
    </message>
    <message>
        <source>Linked measure: {title}</source>
        <translation>Zugehörige Maßnahme: {title}</translation>
    </message>
    <message>
        <source>Only the start is set so far.</source>
        <translation>Bisher steht nur der Beginn fest.</translation>
    </message>
    <message>
        <source>Only the end is set so far.</source>
        <translation>Bisher steht nur das Ende fest.</translation>
    </message>
</context>
<context>
    <name>TimelineScene</name>
    <message>
        <source>No phase</source>
        <translation>Ohne Phase</translation>
    </message>
    <message>
        <source>No field of action</source>
        <translation>Ohne Handlungsfeld</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Due: {date}</source>
        <translation>Fällig: {date}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>Zuständig: {owner}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
    <message>
        <source>Field of action: {field}</source>
        <translation>Handlungsfeld: {field}</translation>
    </message>
</context>
<context>
    <name>TimelineStatus</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Umsetzung</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitstrahl</translation>
    </message>
    <message>
        <source>Digital agenda</source>
        <translation>Digitale Agenda</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End / due</source>
        <translation>Ende / fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Phase / field of action</source>
        <translation>Phase / Handlungsfeld</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitstrahl</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
    <message>
        <source>{dates} ({shift} day)</source>
        <translation>{dates} ({shift} Tag)</translation>
    </message>
    <message>
        <source>{dates} ({shift} days)</source>
        <translation>{dates} ({shift} Tage)</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <source>This measure no longer exists.</source>
        <translation>Diese Maßnahme gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>It was deleted after this window was opened. Undo brings it back.</source>
        <translation>Sie wurde gelöscht, nachdem dieses Fenster geöffnet wurde. Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>Field of action: {field}</source>
        <translation>Handlungsfeld: {field}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>1 idea</source>
        <translation>1 Idee</translation>
    </message>
    <message>
        <source>{count} ideas</source>
        <translation>{count} Ideen</translation>
    </message>
    <message>
        <source>1 vote result</source>
        <translation>1 Abstimmungsergebnis</translation>
    </message>
    <message>
        <source>{count} vote results</source>
        <translation>{count} Abstimmungsergebnisse</translation>
    </message>
    <message>
        <source>{ideas} and {votes} lie behind it.</source>
        <translation>Dahinter stehen {ideas} und {votes}.</translation>
    </message>
    <message>
        <source>This measure was typed into the digital agenda by hand: no workshop, ideas or votes lie behind it. Measures made on the board from a cluster or from ideas keep their origin.</source>
        <translation>Diese Maßnahme wurde von Hand in die Digitale Agenda eingetragen: Hinter ihr stehen kein Workshop, keine Ideen und keine Stimmen. Maßnahmen, die auf der Pinnwand aus einem Cluster oder aus Ideen entstehen, behalten ihre Herkunft.</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Workshops</translation>
    </message>
    <message>
        <source>Boards, clusters and ideas</source>
        <translation>Pinnwände, Cluster und Ideen</translation>
    </message>
    <message>
        <source>Board “{title}”</source>
        <translation>Pinnwand „{title}“</translation>
    </message>
    <message>
        <source>Cluster “{title}” ({count} ideas)</source>
        <translation>Cluster „{title}“ ({count} Ideen)</translation>
    </message>
    <message>
        <source>Single ideas</source>
        <translation>Einzelne Ideen</translation>
    </message>
    <message>
        <source>— {author}</source>
        <translation>— {author}</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Vote results</source>
        <translation>Abstimmungsergebnisse</translation>
    </message>
    <message>
        <source>No ballot has asked about these ideas or clusters yet.</source>
        <translation>Zu diesen Ideen oder Clustern gab es noch keine Abstimmung.</translation>
    </message>
    <message>
        <source>Ballot</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>{rank} of {options}</source>
        <translation>{rank} von {options}</translation>
    </message>
    <message>
        <source>{count} phones</source>
        <translation>{count} Handys</translation>
    </message>
    <message>
        <source>average place {mean}</source>
        <translation>im Mittel Platz {mean}</translation>
    </message>
    <message>
        <source>average {mean}</source>
        <translation>im Mittel {mean}</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>Origin of the measure</source>
        <translation>Herkunft der Maßnahme</translation>
    </message>
</context>
<context>
    <name>TracksEditor</name>
    <message>
        <source>Everyone works together in this block (plenary).</source>
        <translation>In diesem Block arbeiten alle zusammen (Plenum).</translation>
    </message>
    <message>
        <source>Split into &amp;working groups…</source>
        <translation>In Arbeits&amp;gruppen aufteilen…</translation>
    </message>
    <message>
        <source>Parallel working groups, each with its own title, room and facilitator</source>
        <translation>Parallele Arbeitsgruppen, jede mit eigenem Titel, Raum und eigener Moderation</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Working groups</source>
        <translation>Arbeitsgruppen</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Pinnwand</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>Gruppe entfernen</translation>
    </message>
    <message>
        <source>Join into plenary</source>
        <translation>Zurück ins Plenum</translation>
    </message>
    <message>
        <source>Everyone together again: the working groups of this block are removed (undo brings them back)</source>
        <translation>Wieder alle zusammen: Die Arbeitsgruppen dieses Blocks werden entfernt (Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>This group has no room yet.</source>
        <translation>Diese Gruppe hat noch keinen Raum.</translation>
    </message>
    <message>
        <source>(no board)</source>
        <translation>(keine Pinnwand)</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This {entity} no longer exists.</source>
        <extracomment>The change log&apos;s field of a row created whole: its value holds every field of the row (a JSON object), as if each were logged on its own with the same stamp. Ten fields of a new row are one entry instead of ten: a vote of a burst writes five rows.</extracomment>
        <translation>Dieser Eintrag ({entity}) existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The chosen {field} no longer exists.</source>
        <translation>{field}: Der gewählte Eintrag existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>The end date must not be before the start date.</source>
        <translation>Das Enddatum darf nicht vor dem Startdatum liegen.</translation>
    </message>
    <message>
        <source>An item cannot depend on itself.</source>
        <translation>Ein Eintrag kann nicht von sich selbst abhängen.</translation>
    </message>
    <message>
        <source>Position in the list</source>
        <translation>Position in der Liste</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>Reference date</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Agenda day</source>
        <translation>Tag im Ablaufplan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Agenda block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>For facilitators only</source>
        <translation>Nur für die Moderation</translation>
    </message>
    <message>
        <source>Fixed start time</source>
        <translation>Feste Startzeit</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Pinnwand</translation>
    </message>
    <message>
        <source>Ballot</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Tatsächlicher Beginn</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>Tatsächliches Ende</translation>
    </message>
    <message>
        <source>Extra time</source>
        <translation>Zusätzliche Zeit</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Arbeitsgruppe</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Private brainstorm</source>
        <translation>Verdecktes Brainstorming</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>Eingeklappt</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor/in</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellungszeit</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hide results until closing</source>
        <translation>Ergebnisse bis zum Abschluss ausblenden</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Ende der Abstimmung</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Voter</source>
        <translation>Abstimmende Person</translation>
    </message>
    <message>
        <source>Vote id</source>
        <translation>Stimmen-ID</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Cast at</source>
        <translation>Zeitpunkt der Stimmabgabe</translation>
    </message>
    <message>
        <source>Paper votes</source>
        <translation>Stimmen auf Papier</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Origin of a measure</source>
        <translation>Herkunft einer Maßnahme</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>A dependency needs exactly one predecessor: a milestone or a measure.</source>
        <translation>Eine Abhängigkeit braucht genau einen Vorgänger: einen Meilenstein oder eine Maßnahme.</translation>
    </message>
    <message>
        <source>A dependency needs exactly one successor: a milestone or a measure.</source>
        <translation>Eine Abhängigkeit braucht genau einen Nachfolger: einen Meilenstein oder eine Maßnahme.</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>Abhängigkeit</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basisplan</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Festgehalten am</translation>
    </message>
    <message>
        <source>Baseline entry</source>
        <translation>Eintrag im Basisplan</translation>
    </message>
    <message>
        <source>A baseline entry is for exactly one milestone or measure.</source>
        <translation>Ein Eintrag im Basisplan gehört zu genau einem Meilenstein oder einer Maßnahme.</translation>
    </message>
    <message>
        <source>The content of the template is damaged, so it cannot be used.</source>
        <translation>Der Inhalt der Vorlage ist beschädigt, daher kann sie nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The template is too large: {size} characters, at most {maximum} are allowed. Shorten the notes or save fewer days.</source>
        <translation>Die Vorlage ist zu groß: {size} Zeichen, erlaubt sind höchstens {maximum}. Kürzen Sie die Notizen oder speichern Sie weniger Tage.</translation>
    </message>
    <message>
        <source>The template holds too much: at most {days} days, {blocks} blocks, {tracks} working groups and {materials} materials per block are allowed.</source>
        <translation>Die Vorlage enthält zu viel: Erlaubt sind höchstens {days} Tage, {blocks} Blöcke, {tracks} Arbeitsgruppen und {materials} Materialien je Block.</translation>
    </message>
    <message>
        <source>The template cannot be used: {reason}</source>
        <translation>Die Vorlage kann nicht verwendet werden: {reason}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field} muss angegeben werden.</translation>
    </message>
    <message>
        <source>{field} must not be empty.</source>
        <translation>{field} darf nicht leer sein.</translation>
    </message>
    <message>
        <source>{field} has the wrong kind of value.</source>
        <translation>{field} hat einen Wert der falschen Art.</translation>
    </message>
    <message>
        <source>{field} must be a number.</source>
        <translation>{field} muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>{field} must be at least {minimum}.</source>
        <translation>{field} muss mindestens {minimum} sein.</translation>
    </message>
    <message>
        <source>{field} must be at most {maximum}.</source>
        <translation>{field} darf höchstens {maximum} sein.</translation>
    </message>
    <message>
        <source>{field} is too long: {length} characters, at most {maximum} are allowed.</source>
        <translation>{field} ist zu lang: {length} Zeichen, erlaubt sind höchstens {maximum}.</translation>
    </message>
    <message>
        <source>{field} contains invisible control characters.</source>
        <translation>{field} enthält unsichtbare Steuerzeichen.</translation>
    </message>
    <message>
        <source>{field} must be a single line.</source>
        <translation>{field} darf nur eine Zeile lang sein.</translation>
    </message>
    <message>
        <source>{field} must be a colour like #ffcc00.</source>
        <translation>{field} muss eine Farbe wie #ffcc00 sein.</translation>
    </message>
    <message>
        <source>{field} has an unknown value.</source>
        <translation>{field} hat einen unbekannten Wert.</translation>
    </message>
    <message>
        <source>{field} is not a valid position.</source>
        <translation>{field} ist keine gültige Position.</translation>
    </message>
</context>
<context>
    <name>Voting</name>
    <message>
        <source>Your vote could not be read. Please reload the page and vote again.</source>
        <translation>Ihre Stimme konnte nicht gelesen werden. Bitte laden Sie die Seite neu und stimmen Sie noch einmal ab.</translation>
    </message>
    <message>
        <source>An option you chose is no longer on this ballot. Please reload the page.</source>
        <translation>Eine gewählte Option gehört nicht mehr zu dieser Abstimmung. Bitte laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>Unknown kind of ballot.</source>
        <translation>Unbekannte Art von Abstimmung.</translation>
    </message>
    <message>
        <source>The rules of the ballot could not be read.</source>
        <translation>Die Regeln der Abstimmung konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>“{name}” is not a rule of this kind of ballot.</source>
        <translation>„{name}“ ist keine Regel dieser Art von Abstimmung.</translation>
    </message>
    <message>
        <source>Dots per person</source>
        <translation>Punkte pro Person</translation>
    </message>
    <message>
        <source>Dots per option</source>
        <translation>Punkte pro Option</translation>
    </message>
    <message>
        <source>Maximum number of choices</source>
        <translation>Höchstzahl der Antworten</translation>
    </message>
    <message>
        <source>Options to rank</source>
        <translation>Zu ordnende Optionen</translation>
    </message>
    <message>
        <source>Points to distribute</source>
        <translation>Zu verteilende Punkte</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>Höchstlänge</translation>
    </message>
    <message>
        <source>Lowest rating</source>
        <translation>Niedrigste Bewertung</translation>
    </message>
    <message>
        <source>Highest rating</source>
        <translation>Höchste Bewertung</translation>
    </message>
    <message>
        <source>A rating scale has 2 to 10 points, from the lowest to the highest rating.</source>
        <translation>Eine Bewertungsskala hat 2 bis 10 Stufen, von der niedrigsten bis zur höchsten Bewertung.</translation>
    </message>
    <message>
        <source>Scale labels must belong to ratings from {minimum} to {maximum}.</source>
        <translation>Beschriftungen der Skala müssen zu Bewertungen von {minimum} bis {maximum} gehören.</translation>
    </message>
    <message>
        <source>{rule} must be a whole number from {minimum} to {maximum}.</source>
        <translation>{rule} muss eine ganze Zahl von {minimum} bis {maximum} sein.</translation>
    </message>
    <message>
        <source>Texts of the rules must be a single line of at most {maximum} characters.</source>
        <translation>Texte der Regeln müssen eine einzelne Zeile mit höchstens {maximum} Zeichen sein.</translation>
    </message>
    <message>
        <source>This ballot is not open yet.</source>
        <translation>Diese Abstimmung ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>This ballot is closed.</source>
        <translation>Diese Abstimmung ist beendet.</translation>
    </message>
    <message>
        <source>This ballot collects ideas, not votes.</source>
        <translation>Hier werden Ideen gesammelt, keine Stimmen.</translation>
    </message>
    <message>
        <source>Dots are whole numbers, 0 or more.</source>
        <translation>Punkte sind ganze Zahlen, 0 oder mehr.</translation>
    </message>
    <message>
        <source>You can put only one dot on each option.</source>
        <translation>Sie können auf jede Option nur einen Punkt kleben.</translation>
    </message>
    <message>
        <source>You can put at most {maximum} dots on one option.</source>
        <translation>Sie können höchstens {maximum} Punkte auf eine Option kleben.</translation>
    </message>
    <message>
        <source>You have one dot and used {used}.</source>
        <translation>Sie haben einen Punkt und haben {used} vergeben.</translation>
    </message>
    <message>
        <source>You have {dots} dots and used {used}.</source>
        <translation>Sie haben {dots} Punkte und haben {used} vergeben.</translation>
    </message>
    <message>
        <source>Choose one option.</source>
        <translation>Wählen Sie eine Option.</translation>
    </message>
    <message>
        <source>Choose at most {maximum} options.</source>
        <translation>Wählen Sie höchstens {maximum} Optionen.</translation>
    </message>
    <message>
        <source>Ratings are whole numbers from {minimum} to {maximum}.</source>
        <translation>Bewertungen sind ganze Zahlen von {minimum} bis {maximum}.</translation>
    </message>
    <message>
        <source>Ranks are whole numbers from 1 to {maximum}.</source>
        <translation>Plätze sind ganze Zahlen von 1 bis {maximum}.</translation>
    </message>
    <message>
        <source>Each rank can be given only once.</source>
        <translation>Jeder Platz kann nur einmal vergeben werden.</translation>
    </message>
    <message>
        <source>Ranks must start at 1 and leave no gaps.</source>
        <translation>Die Plätze müssen bei 1 beginnen und lückenlos sein.</translation>
    </message>
    <message>
        <source>Points are whole numbers, 0 or more.</source>
        <translation>Punkte sind ganze Zahlen, 0 oder mehr.</translation>
    </message>
    <message>
        <source>You have {total} points and used {used}.</source>
        <translation>Sie haben {total} Punkte und haben {used} vergeben.</translation>
    </message>
    <message>
        <source>Place each option on both axes, or leave both empty.</source>
        <translation>Geben Sie für jede Option beide Achsen an oder lassen Sie beide leer.</translation>
    </message>
    <message>
        <source>Positions go from 0 to 10.</source>
        <translation>Positionen reichen von 0 bis 10.</translation>
    </message>
    <message>
        <source>Put at least one dot on an option.</source>
        <translation>Kleben Sie mindestens einen Punkt auf eine Option.</translation>
    </message>
    <message>
        <source>Choose at least one option.</source>
        <translation>Wählen Sie mindestens eine Option.</translation>
    </message>
    <message>
        <source>Rate at least one option.</source>
        <translation>Bewerten Sie mindestens eine Option.</translation>
    </message>
    <message>
        <source>Rank at least one option.</source>
        <translation>Vergeben Sie mindestens einen Platz.</translation>
    </message>
    <message>
        <source>Give at least one point to an option.</source>
        <translation>Geben Sie mindestens einer Option einen Punkt.</translation>
    </message>
    <message>
        <source>Place at least one option.</source>
        <translation>Platzieren Sie mindestens eine Option.</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>„{text}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>Write your idea first.</source>
        <translation>Schreiben Sie zuerst Ihre Idee.</translation>
    </message>
    <message>
        <source>Your idea contains invisible control characters.</source>
        <translation>Ihre Idee enthält unsichtbare Steuerzeichen.</translation>
    </message>
    <message>
        <source>Your idea is too long: {length} characters, at most {maximum} are allowed.</source>
        <translation>Ihre Idee ist zu lang: {length} Zeichen, erlaubt sind höchstens {maximum}.</translation>
    </message>
    <message>
        <source>This ballot no longer exists.</source>
        <translation>Diese Abstimmung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This phone could not be recognised. Please reload the page.</source>
        <translation>Dieses Handy wurde nicht erkannt. Bitte laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>An open question needs a board for the ideas.</source>
        <translation>Eine offene Frage braucht eine Pinnwand für die Ideen.</translation>
    </message>
    <message>
        <source>Add options from the board</source>
        <translation>Optionen von der Pinnwand hinzufügen</translation>
    </message>
    <message>
        <source>An open question has no options.</source>
        <translation>Eine offene Frage hat keine Optionen.</translation>
    </message>
    <message>
        <source>Create ballot</source>
        <translation>Abstimmung anlegen</translation>
    </message>
    <message>
        <source>Change ballot</source>
        <translation>Abstimmung ändern</translation>
    </message>
    <message>
        <source>The kind of a ballot can only change while it is a draft.</source>
        <translation>Die Art einer Abstimmung kann nur im Entwurf geändert werden.</translation>
    </message>
    <message>
        <source>Open ballot</source>
        <translation>Abstimmung öffnen</translation>
    </message>
    <message>
        <source>The closing time has already passed.</source>
        <translation>Der Schlusszeitpunkt ist bereits vorbei.</translation>
    </message>
    <message>
        <source>Add at least one option before opening the ballot.</source>
        <translation>Fügen Sie mindestens eine Option hinzu, bevor Sie die Abstimmung öffnen.</translation>
    </message>
    <message>
        <source>Close ballot</source>
        <translation>Abstimmung beenden</translation>
    </message>
    <message>
        <source>Hide results</source>
        <translation>Ergebnisse verbergen</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Ergebnisse zeigen</translation>
    </message>
    <message>
        <source>Enter paper votes</source>
        <translation>Papierstimmen eintragen</translation>
    </message>
    <message>
        <source>Paper votes are whole numbers, 0 or more.</source>
        <translation>Papierstimmen sind ganze Zahlen, 0 oder mehr.</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Abstimmen</translation>
    </message>
    <message>
        <source>Send an idea</source>
        <translation>Idee senden</translation>
    </message>
    <message>
        <source>This ballot collects votes, not ideas.</source>
        <translation>Hier werden Stimmen gesammelt, keine Ideen.</translation>
    </message>
    <message>
        <source>This question has no board to collect the ideas.</source>
        <translation>Für diese Frage gibt es keine Pinnwand, die die Ideen sammelt.</translation>
    </message>
</context>
<context>
    <name>VotingPage</name>
    <message>
        <source>Time is up</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <source>{title}
{kind} · {status} · {count} voted</source>
        <translation>{title}
{kind} · {status} · {count} abgestimmt</translation>
    </message>
    <message>
        <source>No ballot yet. Make one with “New ballot”.</source>
        <translation>Noch keine Abstimmung. Legen Sie eine mit „Neue Abstimmung“ an.</translation>
    </message>
    <message>
        <source>Ideas from phones arrive in the board&apos;s inbox.</source>
        <translation>Ideen von Handys kommen im Eingang der Pinnwand an.</translation>
    </message>
    <message>
        <source>No options yet.</source>
        <translation>Noch keine Optionen.</translation>
    </message>
    <message>
        <source>On paper</source>
        <translation>Auf Papier</translation>
    </message>
    <message>
        <source>Open: closes in {minutes}:{seconds:02d}</source>
        <translation>Offen: endet in {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <source>Time is up: no more votes are taken.</source>
        <translation>Zeit abgelaufen: Es werden keine Stimmen mehr angenommen.</translation>
    </message>
    <message>
        <source>Open: phones can vote.</source>
        <translation>Offen: Handys können abstimmen.</translation>
    </message>
    <message>
        <source>Results hidden from phones until it closes.</source>
        <translation>Ergebnisse bis zum Ende für Handys verborgen.</translation>
    </message>
    <message>
        <source>Ballot {number}</source>
        <translation>Abstimmung {number}</translation>
    </message>
    <message>
        <source>An open question sends its ideas to a board: make a board first on the Board page.</source>
        <translation>Eine offene Frage schickt ihre Ideen an eine Pinnwand: Legen Sie zuerst auf der Seite Pinnwand eine an.</translation>
    </message>
    <message>
        <source>The board has nothing new to add as options.</source>
        <translation>Die Pinnwand hat nichts Neues, das als Option hinzukommen könnte.</translation>
    </message>
    <message>
        <source>MYK10 Workshop: projector</source>
        <translation>MYK10 Workshop: Beamer</translation>
    </message>
    <message>
        <source>Join in: scan the code</source>
        <translation>Mitmachen: Code scannen</translation>
    </message>
    <message>
        <source>or open in the browser
{address}
and type the code:</source>
        <translation>oder im Browser öffnen
{address}
und den Code eingeben:</translation>
    </message>
    <message>
        <source>Wi-Fi: {name}</source>
        <translation>WLAN: {name}</translation>
    </message>
    <message>
        <source>Join poster {workshop}</source>
        <translation>Teilnahme-Plakat {workshop}</translation>
    </message>
    <message>
        <source>Save the join poster</source>
        <translation>Teilnahme-Plakat speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The join poster was saved: {path}</source>
        <translation>Das Teilnahme-Plakat wurde gespeichert: {path}</translation>
    </message>
    <message>
        <source>The poster could not be saved to {path}: {reason}</source>
        <translation>Das Plakat konnte nicht unter {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>&amp;New ballot</source>
        <translation>&amp;Neue Abstimmung</translation>
    </message>
    <message>
        <source>New dot voting; the arrow offers other kinds</source>
        <translation>Neue Punktabfrage; der Pfeil bietet andere Arten an</translation>
    </message>
    <message>
        <source>Delete ballot</source>
        <translation>Abstimmung löschen</translation>
    </message>
    <message>
        <source>&amp;Open voting</source>
        <translation>Abstimmung &amp;öffnen</translation>
    </message>
    <message>
        <source>Phones can vote (Ctrl+Enter)</source>
        <translation>Handys können abstimmen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Count&amp;down</source>
        <translation>Count&amp;down</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>&amp;Close voting</source>
        <translation>Abstimmung be&amp;enden</translation>
    </message>
    <message>
        <source>No more votes (Ctrl+Shift+Enter)</source>
        <translation>Keine weiteren Stimmen (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Hide results</source>
        <translation>Ergebnisse &amp;verbergen</translation>
    </message>
    <message>
        <source>Phones see the results only once it closes</source>
        <translation>Handys sehen die Ergebnisse erst nach dem Ende</translation>
    </message>
    <message>
        <source>Results on &amp;projector</source>
        <translation>Ergebnisse auf dem &amp;Beamer</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Handys</translation>
    </message>
    <message>
        <source>&amp;Paper and sticker votes (type in the counts)</source>
        <translation>&amp;Papier- und Klebepunkt-Stimmen (Anzahl eintragen)</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>Abstimmungen</translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>&amp;Erster Tag</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>&amp;Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Bes&amp;chreibung</translation>
    </message>
</context>
</TS>
