<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
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
        <source>Show the board in a second window (full screen on a second screen), following this view</source>
        <translation>Pinnwand in einem zweiten Fenster zeigen (als Vollbild auf einem zweiten Bildschirm); es folgt dieser Ansicht</translation>
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
        <source>{notes} notes · {clusters} clusters</source>
        <translation>{notes} Notizen · {clusters} Cluster</translation>
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
        <source>Inbox of ideas from phones, ranking by votes, cluster suggestions</source>
        <translation>Eingang für Ideen von Smartphones, Rangliste nach Stimmen, Cluster-Vorschläge</translation>
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
        <source>New measure</source>
        <translation>Neue Maßnahme</translation>
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
        <source>{file}: {good} ideas can be imported, {bad} rows are left out.</source>
        <translation>{file}: {good} Ideen können importiert werden, {bad} Zeilen werden ausgelassen.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Ausgelassen:</translation>
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
    <name>Validation</name>
    <message>
        <source>This {entity} no longer exists.</source>
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
