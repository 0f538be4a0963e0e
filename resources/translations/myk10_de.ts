<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>FieldForm</name>
    <message>
        <source>Field of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of the field of action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Emitted once, when the first snapshot of the store is on screen. The user chose a language (&quot;de&quot; or &quot;en&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MYK10 Workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MYK10 Workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} {version}

Plan, run and document on-site participation workshops, offline.

Your data is kept on this computer in:
{folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <extracomment>Information disappears by itself; errors stay until dismissed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Fields of action ({count})</source>
        <extracomment>The text as stored, to tell a user&apos;s rename from our own refresh. kind, id, new text: the user renamed an entry in place.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>Projects and workshops</source>
        <extracomment>kind, id (or &quot;&quot;, None when nothing is selected)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>Not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Load demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Remove the date</source>
        <extracomment>How long typing may pause before a multi-line text is saved.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Choose a project, workshop or field of action on the left, or create a new project with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-day schedules with parallel working groups, methods and materials, and a live timer on the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticky notes on a zoomable board, clustered into named groups, with cluster suggestions computed on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants scan a QR code and vote or add ideas from their phones; this laptop serves the page on the local network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases, milestones and the measures of the digital agenda on a timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results protocol as PDF, spreadsheets, calendar files and the exchange of export files between laptops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>New &amp;project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new project (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new workshop in the selected project (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;field of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected entry (Del); undo brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New field of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Project</source>
        <extracomment>kind, id, {field: value}</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{workshops} workshops · {fields} fields of action · {boards} boards with {ideas} ideas · {ballots} ballots · {measures} measures · {milestones} milestones</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreBridge</name>
    <message>
        <source>Something went wrong that should not have. Your saved work is safe. The details are in the log file {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>The disk is full, so the last change could not be saved. Everything saved before is safe. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to, so changes cannot be saved. Everything saved before is safe. Check the folder&apos;s permissions or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy in another program (perhaps a second MYK10 Workshop window), so the last change was not saved. Close the other program and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be read. It was left as it is; copies made before changes are in the folder {backups}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was saved by a newer version of MYK10 Workshop (schema {found}). This version can open schema {known} and older. Please update the app; the file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a MYK10 Workshop database. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This {entity} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen {field} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>Workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
