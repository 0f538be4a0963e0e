"""German word lists behind the cluster suggestions and the search box (data only).

Written from general knowledge of municipal participation workshops (fields of action of a
rural county's digital strategy), not from any labelled evaluation data. All words are
written the way a German speaker spells them (with umlauts); ``text.py`` folds them with the
same ``normalize`` it applies to the notes, so the two can never drift apart.

Kept deliberately modest: the lists help notes that mean the same thing meet (Bus, Fahrplan,
Haltestelle all mean public transport), they are not a thesaurus. A word that is ambiguous in
this domain (Anschluss: bus or broadband? Termin: office or doctor? Laden: shop or charging?)
is left out on purpose, because a wrong concept pulls notes into the wrong cluster, which is
worse than no concept at all.
"""

from __future__ import annotations

# German function words. Matched on the normalised word (not the stem) because stems of
# function words collide with content words ("sein" and "Seine", "alle" and "All").
STOP_WORDS: tuple[str, ...] = (
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
    "andere", "anderem", "anderen", "anderer", "anderes", "anders", "auch", "auf", "aus", "bei",
    "beim", "bin", "bis", "bist", "da", "dabei", "dadurch", "dafür", "dagegen", "daher",
    "damit", "danach", "dann", "daran", "darauf", "darum", "das", "dass", "dazu", "dein",
    "deine", "dem", "den", "denen", "denn", "der", "deren", "des", "deshalb", "dessen", "dich",
    "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du",
    "durch", "ein", "eine", "einem", "einen", "einer", "eines", "einige", "einigen", "einmal",
    "er", "es", "etwa", "etwas", "euch", "euer", "eure", "für", "gegen", "gewesen", "hab",
    "habe", "haben", "hat", "hatte", "hätte", "hätten", "hier", "hin", "hinter", "ich", "ihm",
    "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "indem", "ins", "ist",
    "ja", "je", "jede", "jedem", "jeden", "jeder", "jedes", "jemand", "jetzt", "kann", "kein",
    "keine", "keinem", "keinen", "keiner", "können", "könnte", "könnten", "man", "manche",
    "manchmal", "mein", "meine", "meinem", "meinen", "meiner", "mich", "mir", "mit", "muss",
    "musste", "müssen", "müsste", "nach", "neben", "nicht", "nichts", "noch", "nun", "nur",
    "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seit",
    "selbst", "sich", "sie", "sind", "so", "solche", "soll", "sollen", "sollte", "sollten",
    "sondern", "sonst", "über", "um", "und", "uns", "unser", "unsere", "unserem", "unseren",
    "unserer", "unter", "viel", "viele", "vielen", "vom", "von", "vor", "war", "waren", "warum",
    "was", "weil", "welche", "welchem", "welchen", "welcher", "wenn", "wer", "werden", "wie",
    "wieder", "will", "wir", "wird", "wo", "wollen", "wurde", "würde", "würden", "zu", "zum",
    "zur", "zwar", "zwischen",
    # colloquial particles and abbreviations typed on sticky notes
    "mal", "halt", "eben", "eh", "echt", "ganz", "gar", "schon", "einfach", "immer", "oft",
    "vielleicht", "vllt", "evtl", "ggf", "bzw", "usw", "etc", "zb", "bspw", "ca", "inkl",
    "sowie", "ok", "okay", "gibt", "gibts", "geht", "gehen", "weg", "heute", "bisher", "mehr",
    "weniger", "wenig", "ab", "bzgl", "wegen", "statt", "pro", "per", "via", "uhr", "ne", "nen",
    "nem", "ner", "nix", "dran", "drauf", "drin", "rein", "raus", "hoch", "los", "stück",
    "leider", "super", "toll", "klar", "gerne", "gern", "sogar", "kaum", "sowieso", "insgesamt",
    "ganze", "ganzen", "ganzer", "ganzes", "eigene", "eigenen", "eigener", "eigenes", "nie",
    "niemand", "überall", "nirgends", "irgendwie", "irgendwo", "jeweils", "dabei", "zurück",
    "ständig", "komplett", "wieso", "weshalb", "wann", "seitdem", "trotzdem", "außerdem",
    "davon", "darüber", "darin", "dahin", "daraus", "davor", "hierfür", "hierzu", "wofür",
    # "alt" as in "alte Häuser"; not "Ältere" (seniors) nor "Alter" (age), which are topics
    "alt", "alte", "alten", "altes",
)

# Workshop filler: verbs of wishing and demanding, evaluative adjectives and generic nouns
# that appear on notes of every topic ("Wir brauchen endlich mehr ..."). Matched by stem, so
# every inflection goes. Note "weg" above: as a particle ("Laden ist weg") it is filler, the
# noun (Rad-weg) still reaches the features through compound splitting.
FILLER_WORDS: tuple[str, ...] = (
    "bitte", "brauchen", "braucht", "bräuchte", "sollte", "müsste", "wäre", "wären", "besser",
    "bessere", "neu", "neue", "gut", "gute", "wichtig", "endlich", "dringend", "unbedingt",
    "machen", "macht", "schaffen", "geben", "fehlen", "fehlt", "wünschen", "wunsch", "fordern",
    "forderung", "verbessern", "verbesserung", "stärken", "stärkung", "einrichten", "einführen",
    "ermöglichen", "möglichkeit", "möglichkeiten", "angebot", "angebote", "idee", "ideen",
    "vorschlag", "thema", "themen", "projekt", "projekte", "konzept", "lösung", "problem",
    "probleme", "bereich", "leute", "ort", "orte", "region", "landkreis", "kreis", "gemeinde",
    "gemeinden", "ortsgemeinde", "verbandsgemeinde", "schnell", "schneller", "einfacher",
    "leicht", "mehrere", "zukunft", "unterstützen", "unterstützung", "ausbau", "ausbauen",
    "förderung", "fördern", "gemeinsam", "moderne", "modern", "nutzen", "nutzung",
    "bereitstellen", "anbieten", "bekommen", "kommen", "kommt", "sehen", "finden", "wissen",
    "weiß", "sagen", "lassen", "stellen", "tun", "bleiben", "erhalten", "sorgen", "dafür",
    "direkt", "sinnvoll", "richtig", "genug", "mehrmals", "regelmäßig", "teilweise",
    "vorhanden", "vernünftig", "ordentlich", "groß", "klein", "kleine", "große", "lang",
    "lange", "tag", "tage", "jahr", "jahre", "zeit", "woche", "selten", "holen",
    "veröffentlichen", "aufbereiten", "abends", "morgens", "mittags", "nachmittags", "prüfen",
    "klappen", "klappt", "funktionieren", "funktioniert", "erlauben", "reduzieren",
    "organisieren", "umsetzen", "eigentlich", "bestimmt", "wirklich", "total", "richtige",
)

# Stems that Snowball gets wrong in ways that matter here: "Bürger" would become "burg"
# (castle), "Busse" would not meet "Bus". Keys and values are normalised words.
STEM_EXCEPTIONS: dict[str, str] = {
    "bürger": "bürger", "bürgern": "bürger", "bürgers": "bürger", "bürgerin": "bürger",
    "bürgerinnen": "bürger", "busse": "bus", "bussen": "bus", "busses": "bus",
    "ärztin": "arzt", "ärztinnen": "arzt", "ärzte": "arzt", "ärzten": "arzt",
    "kinder": "kind", "kindern": "kind", "senior": "senior", "seniorin": "senior",
    "seniorinnen": "senior", "häuser": "haus", "häusern": "haus", "dörfer": "dorf",
    "dörfern": "dorf", "bäume": "baum", "bäumen": "baum", "plätze": "platz",
    "städte": "stadt", "wälder": "wald", "räder": "rad", "rädern": "rad",
}

# Building blocks for compound splitting, besides the words seen in the notes themselves.
# Short and frequent heads and modifiers of the domain; a compound is only split into parts
# that are known here or occur in the corpus, so a rare word is never cut into nonsense.
MORPHEMES: tuple[str, ...] = (
    # mobility
    "auto", "bahn", "bus", "fahr", "fahrt", "halte", "stelle", "rad", "weg", "netz",
    "straße", "verkehr", "park", "platz", "lade", "säule", "station", "punkt", "zug", "takt",
    "plan", "ruf", "linie", "ticket", "taxi", "mitfahr", "bank", "fuß", "geh", "steig",
    "tempo", "brücke", "kreisel", "ampel", "stau", "pendler", "schiene", "strom", "elektro",
    "sharing", "roller", "bike", "sammel",
    # broadband
    "glas", "faser", "breit", "band", "funk", "loch", "mobil", "handy", "empfang", "wlan",
    "internet", "mast", "sende", "daten", "leitung", "anschluss", "kabel", "router",
    # administration
    "bürger", "büro", "amt", "ämter", "rat", "haus", "verwaltung", "antrag", "formular",
    "termin", "service", "portal", "online", "akte", "ausweis", "zulassung", "behörde",
    "gebühr", "meldung", "melde", "info", "app", "karte", "beteiligung", "sitzung",
    # schools, youth
    "schule", "schüler", "lehrer", "kinder", "kind", "garten", "kita", "jugend",
    "raum", "zimmer", "klasse", "unterricht", "lern", "bildung", "medien", "tablet",
    "laptop", "kurs", "treff", "zentrum", "spiel", "bolz", "skate", "sport", "halle",
    "hilfe", "bibliothek", "bücherei", "ferien",
    # health, care, seniors
    "arzt", "ärzte", "praxis", "pflege", "dienst", "heim", "alten", "senioren", "tele",
    "medizin", "sprech", "stunde", "kranken", "klinik", "apotheke", "notruf", "not",
    "notfall", "rettung", "wagen", "video", "tages", "kraft", "kräfte", "haus", "land",
    "familie", "generation", "nachbar", "nachbarschaft",
    # volunteering, village life, local supply
    "ehren", "verein", "feuer", "wehr", "dorf", "laden", "markt", "hof", "bäcker", "metzger",
    "einkauf", "liefer", "versorgung", "nah", "gemeinschaft", "fest", "kirche", "kneipe",
    "café", "automat", "börse", "helfer", "frei", "willig",
    # climate, energy, environment
    "klima", "schutz", "energie", "solar", "sonne", "wind", "wärme", "pumpe", "dach",
    "anlage", "speicher", "heizung", "licht", "lampe", "wald", "baum", "bäume", "wiese",
    "blüh", "natur", "umwelt", "wasser", "hoch", "regen", "müll", "abfall", "bio", "tonne",
    "grün", "fläche", "insekten", "bienen", "obst", "streu", "garten",
    # tourism, culture
    "tour", "tourismus", "wander", "burg", "museum", "kultur", "kunst", "musik", "konzert",
    "theater", "kino", "gast", "gäste", "hotel", "wohnung", "ferien", "wein", "route",
    "aussicht", "touristen", "erlebnis", "geschichte",
    # economy, housing, safety
    "arbeit", "firma", "betrieb", "handwerk", "gewerbe", "gebiet", "fach",
    "job", "ausbildung", "co", "working", "home", "office", "start", "gründer",
    "wohn", "bau", "miet", "miete", "leer", "stand", "neu", "eigen", "immobilie",
    "sicherheit", "polizei", "laterne", "kamera", "warn", "sirene", "einbruch",
)

# Concepts: words that mean the same thing for grouping purposes. A key is
# "field.concept"; every word also counts towards its field ("mobilitaet"), with a lower
# weight, so bus notes and cycling notes are closer to each other than to broadband notes.
# Compounds not listed still meet through their parts (Rufbus -> bus -> mobilitaet.oepnv).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "mobilitaet.oepnv": (
        "bus", "schulbus", "verkehrsmittel", "haltestelle", "fahrplan", "takt", "taktung",
        "öpnv", "nahverkehr", "bahn", "zug", "regionalbahn", "ticket", "fahrkarte", "taxi",
        "shuttle", "fahrgast", "umsteigen", "abfahrt", "verspätung", "haltepunkt",
    ),
    "mobilitaet.teilen": (
        "carsharing", "mitfahrgelegenheit", "fahrgemeinschaft", "mitfahren", "mitnehmen",
        "sharing", "leihrad", "roller", "scooter",
    ),
    "mobilitaet.rad": (
        "rad", "ebike", "pedelec", "radverkehr", "bike", "fußweg", "gehweg", "bürgersteig",
        "fußgänger", "zebrastreifen",
    ),
    "mobilitaet.strasse": (
        "auto", "straße", "verkehr", "parken", "stau", "tempo", "raser", "schlagloch",
        "kreisel", "umgehung", "lkw", "ampel", "geschwindigkeit", "pendler", "pendeln",
        "führerschein",
    ),
    "mobilitaet.elektro": (
        "ladestation", "ladepunkt", "wallbox", "elektroauto", "elektromobilität", "säule",
        "emobilität", "eauto",
    ),
    "breitband.netz": (
        "glasfaser", "breitband", "internet", "wlan", "wifi", "handynetz", "empfang", "lte",
        "5g", "4g", "mbit", "gigabit", "hotspot", "router", "sendemast", "abdeckung",
        "datenleitung", "bandbreite", "netzausbau", "telekom", "upload", "download", "dsl",
        "kabel", "funk",
    ),
    "verwaltung.service": (
        "verwaltung", "amt", "rathaus", "bürgerbüro", "antrag", "formular", "behörde",
        "sachbearbeiter", "ausweis", "zulassung", "kfz", "unterlagen", "papierkram",
        "bürokratie", "genehmigung", "portal", "urkunde", "gebühr", "bescheid", "akte",
        "signatur", "wartezeit", "warteschlange", "schalter", "öffnungszeiten", "beantragen",
        "bürgerservice", "meldebescheinigung", "egovernment", "onlinezugang",
    ),
    "verwaltung.beteiligung": (
        "beteiligung", "mitbestimmung", "mitreden", "umfrage", "abstimmung", "bürgerrat",
        "transparenz", "transparent", "gemeinderat", "stadtrat", "kreistag", "sitzung",
        "livestream", "bürgermeister", "politik", "newsletter", "meldung", "beschwerde",
        "dialog", "mängelmelder", "ratsinformationssystem",
    ),
    "bildung.schule": (
        "schule", "lehrer", "unterricht", "tablet", "laptop", "whiteboard", "klasse",
        "grundschule", "hausaufgaben", "lernen", "bildung", "medienkompetenz", "homeschooling",
        "schulsozialarbeit", "nachhilfe", "ganztag", "abitur", "gymnasium", "berufsschule",
        "elternabend", "digitalpakt", "itbetreuung",
    ),
    "bildung.lebenslang": (
        "volkshochschule", "vhs", "kurs", "kurse", "weiterbildung", "fortbildung", "bibliothek",
        "bücherei", "workshop", "schulung", "lernort", "vortrag",
    ),
    "bildung.kita": (
        "kita", "kindergarten", "kindertagesstätte", "krippe", "erzieher", "tagesmutter",
        "kleinkind",
    ),
    "gesundheit.arzt": (
        "arzt", "medizin", "kinderarzt", "praxis", "videosprechstunde", "sprechstunde", "klinik",
        "apotheke", "medikament", "rezept", "rettungsdienst", "gesundheit", "patient",
        "gemeindeschwester", "therapie", "physiotherapie", "hebamme", "notaufnahme",
        "behandlung", "wartezimmer", "krank", "erezept",
    ),
    "soziales.pflege": (
        "pflege", "altenheim", "demenz", "hausnotruf", "betreutes", "angehörige", "ambulant",
        "altenpflege",
    ),
    "soziales.senioren": (
        "senior", "rentner", "oma", "opa", "ältere", "generation", "einsamkeit",
        "altersgerecht", "rollator", "ruhestand", "großeltern",
    ),
    "soziales.inklusion": (
        "barrierefrei", "rollstuhl", "behinderung", "inklusion", "sprache", "blind",
        "integration", "geflüchtete", "migranten", "sprachkurs", "teilhabe", "gebärdensprache",
        "sehbehindert", "hörgeschädigt",
    ),
    "ehrenamt.verein": (
        "ehrenamt", "verein", "freiwillig", "helfer", "engagement", "engagieren",
        "ehrenamtsbörse", "ehrenamtskarte", "mitglied", "vorstand", "nachwuchs", "sportverein",
        "chor", "vereinsarbeit", "mithelfen", "nachbarschaftshilfe", "ehrenamtler",
        "vereinsverwaltung", "spenden",
    ),
    "dorf.versorgung": (
        "dorfladen", "einkauf", "supermarkt", "bäcker", "bäckerei", "metzger", "metzgerei",
        "versorgung", "hofladen", "wochenmarkt", "lieferung", "liefern", "automat",
        "lebensmittel", "regional", "sparkasse", "post", "postfiliale", "onlineshop",
        "bestellen", "einkaufsmöglichkeit",
    ),
    "dorf.gemeinschaft": (
        "dorf", "treffpunkt", "bürgerhaus", "kneipe", "gasthaus", "gaststätte", "café",
        "dorffest", "nachbarn", "nachbarschaft", "zusammenhalt", "begegnung", "begegnungsort",
        "ortskern", "neubürger", "zugezogene", "gemeinschaft", "kirmes", "stammtisch",
    ),
    "klima.energie": (
        "klima", "energie", "solar", "photovoltaik", "pv", "sonne", "windkraft", "windrad",
        "strom", "wärme", "heizung", "energiegenossenschaft", "co2", "emission", "dämmung",
        "energetisch", "speicher", "ökostrom", "biogas", "erneuerbare", "energiewende",
        "balkonkraftwerk", "dachfläche",
    ),
    "umwelt.natur": (
        "umwelt", "natur", "wald", "baum", "pflanzen", "blühstreifen", "insekten", "bienen",
        "artenvielfalt", "biodiversität", "gewässer", "bach", "streuobst", "hecke", "pestizid",
        "umweltbildung", "aufforstung", "wiese", "garten", "grün", "begrünung", "vogel",
        "tiere", "landschaft",
    ),
    "umwelt.sauberkeit": (
        "müll", "abfall", "recycling", "wertstoff", "plastik", "sauberkeit", "sauber",
        "dreckecke", "verschmutzung", "hundekot", "tonne", "abfuhr", "illegal", "entsorgung",
        "container",
    ),
    "umwelt.wasser": (
        "starkregen", "überschwemmung", "dürre", "trockenheit", "wasser", "grundwasser",
        "kanal", "kanalisation", "pegel", "flut", "bewässerung", "zisterne",
    ),
    "tourismus.kultur": (
        "tourismus", "tourist", "gäste", "übernachtung", "hotel", "ferienwohnung", "wandern",
        "sehenswürdigkeit", "burg", "museum", "kultur", "konzert", "theater", "veranstaltung",
        "fest", "kino", "kunst", "künstler", "geschichte", "heimat", "wein", "winzer", "mosel",
        "eifel", "rhein", "ausflug", "audioguide", "infotafel", "besucher", "urlaub", "camping",
        "wohnmobil", "musik", "brauchtum", "karneval", "fastnacht", "radtour", "radtourismus",
        "ausflugsziel", "aussichtspunkt", "veranstaltungskalender",
    ),
    "jugend.freizeit": (
        "jugend", "spielplatz", "skatepark", "bolzplatz", "pumptrack", "freizeit", "teenager",
        "disco", "party", "chillen", "kids", "kinder", "jugendarbeit", "jugendpfleger",
        "freizeitangebot", "gaming", "sport", "schwimmbad", "turnhalle",
    ),
    "wirtschaft.arbeit": (
        "wirtschaft", "unternehmen", "firma", "firmen", "betrieb", "handwerk", "gewerbe",
        "arbeit", "job", "fachkräfte", "ausbildung", "azubi", "azubis", "praktikum",
        "coworking", "homeoffice", "startup", "gründer", "mittelstand", "einzelhandel",
        "stellenangebot", "beruf", "karriere", "selbstständig", "industrie", "händler",
        "existenzgründung", "fachkräftemangel", "ansiedlung", "berufsorientierung",
        "wirtschaftsförderung",
    ),
    "wohnen.bauen": (
        "wohnen", "wohnung", "miete", "bauland", "baugebiet", "bauplatz", "neubau",
        "neubaugebiet", "leerstand", "immobilien", "eigenheim", "sanierung", "altbau", "wg",
        "bezahlbar", "baulücke", "grundstück", "eigentum", "wohngemeinschaft", "leerstehend",
        "innenentwicklung",
    ),
    "sicherheit.ordnung": (
        "sicherheit", "unsicher", "polizei", "kriminalität", "einbruch", "beleuchtung", "licht",
        "laterne", "straßenlaterne", "straßenbeleuchtung", "dunkel", "angst", "notruf",
        "feuerwehr", "katastrophenschutz", "warnung", "sirene", "videoüberwachung", "kamera",
        "vandalismus", "streetworker", "überfall", "diebstahl", "nachts", "blackout",
        "stromausfall", "defibrillator", "ersthelfer", "bevölkerungsschutz", "notfallplan",
        "warnapp",
    ),
}
