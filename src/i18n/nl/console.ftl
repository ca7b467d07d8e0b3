# What bbt prints around its diagnostics: severities, the summary line.

severity-error = fout
severity-warning = waarschuwing
severity-info = opmerking
help = hulp
summary = { $fouten ->
        [one] 1 fout
       *[other] { $fouten } fouten
    }, { $waarschuwingen ->
        [one] 1 waarschuwing
       *[other] { $waarschuwingen } waarschuwingen
    }, { $opmerkingen ->
        [one] 1 opmerking
       *[other] { $opmerkingen } opmerkingen
    }

# Na de samenvatting van bbt check: of het document ingediend kan worden.
readiness-unknown = Of het document klaar is om in te dienen, zegt bbt zodra het de bestanden hierboven kan lezen.
ready-filed = Het ingediende document is volledig.
ready-draft = Het ontwerp is klaar om in te dienen; vervang bij de indiening status en ontwerpdatum in bbt.yaml door ingediend_op: <datum>.
filed-incomplete = Het ingediende document is niet volledig: { $n ->
        [one] 1 punt moet
       *[other] { $n } punten moeten
    } nog opgelost worden ({ $codes }).
not-ready = Nog niet klaar om in te dienen: { $n ->
        [one] 1 punt moet
       *[other] { $n } punten moeten
    } eerst opgelost worden ({ $codes }).

## Lines of the commands

wrote-pdf = { $pad } aangemaakt ({ $paginas } { $paginas ->
        [one] pagina
       *[other] pagina's
    }; { $samenvatting })
wrote-open-data = { $csv } en { $datapackage } aangemaakt (de cijfers als open data)
horizontal-wrote = { $pad } aangemaakt ({ $paginas } { $paginas ->
        [one] pagina
       *[other] pagina's
    }, { $themas } { $themas ->
        [one] thema
       *[other] thema's
    }, { $domeinen } { $domeinen ->
        [one] beleidsdomein
       *[other] beleidsdomeinen
    }; { $samenvatting })
horizontal-plan = Horizontaal plan: { $pad }
horizontal-no-plan = Er is geen horizontaal plan: het overzicht toont de thema's die de OD's noemen, zonder controle. Leg het plan als { $bestand } in de werkruimtemap (of naast het werkruimtebestand), of geef het met --plan.
horizontal-no-pages = { $aantal ->
        [one] Voor dit project staat geen pdf met paginaregister in { $map }: het overzicht noemt zijn document zonder pagina ({ $lijst }).
       *[other] Voor deze { $aantal } projecten staat geen pdf met paginaregister in { $map }: het overzicht noemt hun document zonder pagina ({ $lijst }).
    }
horizontal-stale-pages = { $aantal ->
        [one] Dit project is gewijzigd sinds zijn pdf in { $map } werd gemaakt: de pagina's kunnen verschoven zijn, dus noemt het overzicht zijn document zonder pagina ({ $lijst }).
       *[other] Deze { $aantal } projecten zijn gewijzigd sinds hun pdf in { $map } werd gemaakt: de pagina's kunnen verschoven zijn, dus noemt het overzicht hun document zonder pagina ({ $lijst }).
    }
horizontal-pages-help = Maak eerst de pdf's van de domeinen in dezelfde map ({ $opdracht }) en dan het overzicht opnieuw.
horizontal-not-written = Er is geen horizontaal overzicht gemaakt: los eerst de fouten hierboven op.
horizontal-no-document = Geen enkel project van de werkruimte heeft een document van de fase { $fase }.
horizontal-no-document-help = Kies met --phase de fase (bo, ba1, ba2) en met --year het jaar van de documenten.
wrote-typ = { $pad } aangemaakt (compileer met { $pad }/compile.sh)
wrote-diff = { $pad } aangemaakt ({ $paginas } { $paginas ->
        [one] pagina
       *[other] pagina's
    })
wrote-template = { $pad } aangemaakt ({ $bron })
template-from = { $aantal } artikelen van { $document }
template-from-none = nog geen artikelen (geen eerder document)
template-help = Vul het in, bewaar het als { $pad } en voer `bbt check { $project } --year { $jaar } --phase { $fase }` uit.
template-no-documents = Het project heeft nog geen documenten.
template-no-documents-help = Geef het jaar met --year.
template-cannot-make = Het werkboek kan niet worden gemaakt: { $fout }
created = { $pad } aangemaakt
init-help = Vul de teksten en { $werkboek } in en voer daarna `bbt render { $project }` uit.
cannot-write = { $pad } kan niet worden opgeslagen: { $fout }
cannot-read-templates = De sjablonen in { $map } kunnen niet worden gelezen: { $fout }
io-open-data = De open data (CSV) konden niet samengesteld worden
io-attach = De bestanden om bij te voegen kunnen niet worden gelezen
io-write = { $pad } kan niet worden opgeslagen
io-write-typst = De Typst-bronnen kunnen niet worden geschreven
cannot-write-stdout = Er kan niet naar de standaarduitvoer worden geschreven: { $fout }
cannot-write-man = De handleiding kan niet worden geschreven: { $fout }
output-folder-help = Geef een andere map met -o, of laat -o weg (standaard: output/).
output-folder-other-help = Geef een andere map met -o.
output-is-file = De uitvoermap { $uitvoer } kan geen map zijn: { $bestand } is een bestand. Met -o geeft u een map; bbt kiest zelf de naam van wat het erin schrijft.
output-is-project = De uitvoermap { $uitvoer } is de projectmap zelf ({ $project }); bbt schrijft nooit in de mappen met zijn invoerbestanden.
output-is-workspace = De uitvoermap { $uitvoer } is de werkruimtemap zelf ({ $map }), met het horizontale plan erin; bbt schrijft nooit in de mappen met zijn invoerbestanden.
output-in-year = De uitvoermap { $uitvoer } ligt in een jaarmap van het project, waar zijn documenten en teksten staan ({ $project }); bbt schrijft nooit in de mappen met zijn invoerbestanden.
same-output = { $document } en { $ander } zouden allebei { $pdf } aanmaken.
same-output-help = Elk project heeft een eigen id nodig in beleidsnota.yaml.
no-project-folder = De projectmap { $map } bestaat niet.
unknown-standard = Onbekende PDF-standaard '{ $naam }'.
unknown-standard-help = Gebruik { $lijst }
source-date-epoch-help = Zet hem op de uitvoer van `date +%s`, bijvoorbeeld SOURCE_DATE_EPOCH=1729728000, of maak hem leeg.
source-date-epoch-not-number = SOURCE_DATE_EPOCH is '{ $waarde }', geen geheel aantal seconden sinds 1970-01-01.
source-date-epoch-too-late = SOURCE_DATE_EPOCH is '{ $waarde }', na { $max } (9999-12-31), de laatste datum die een PDF kan bevatten.
typst-label = typst
template-error = sjabloon: { $fout }
templates-bug = Dit is een fout in de meegeleverde sjablonen van bbt; meld ze alstublieft.
timings-total = totaal
explain-unknown = Geen enkele melding heeft de code '{ $code }'.
explain-unknown-help = De codes zijn { $lijst }
diff-not-document = { $map } is geen documentmap.
diff-not-document-help = Geef <project>/<jaar>/<fase>, bijvoorbeeld inputs/2025/bo.
diff-unreadable = { $map } kan niet worden gelezen; controleer het eerst met `bbt check { $project } --year { $jaar } --phase { $fase }`.
watch-not-project = { $map } is geen projectmap (er staat geen { $bestand } in).
watch-not-project-help = Volg één project; maak de pdf's van een werkruimte met `bbt render { $map }`.
watch-watching = [watch] volgt { $mappen }; druk op Ctrl-C om te stoppen
watch-and = { " " }en{ " " }
watch-changed = [watch] gewijzigd: { $lijst }
watch-cycle = [watch] ronde { $nummer }: { $toestand } ({ $ms } ms)
watch-warning = [watch] waarschuwing: { $fout }
watch-cannot = { $map } kan niet worden gevolgd: { $fout }
watch-stopped = [watch] gestopt
interrupted = Onderbroken: er is geen half geschreven bestand achtergebleven.
ctrlc-warning = Ctrl-C stopt bbt zonder te wachten tot een schrijfbewerking klaar is: { $fout }
table-project = map
table-document = document
table-pages = pagina's
table-warnings = waarsch.
table-errors = fouten
table-notes = opmerk.
table-time = tijd
workspace-done = { $gerenderd } van { $totaal } opgemaakt, { $paginas } pagina's in { $tijd } s{ $cpu } ({ $jobs } tegelijk)
workspace-cpu = , CPU { $tijd } s
watch-rendered = opgemaakt
watch-not-rendered = niet opgemaakt; wacht op wijzigingen

# Verkeerd gebruik van de opdrachtregel (src/console.rs).
clap-unknown-argument = Onbekend argument { $arg }.
clap-suggest = Bedoelde u { $suggestie }?
clap-invalid-value = { $waarde } is geen geldige waarde voor { $arg }.
clap-empty-value = { $arg } heeft een waarde nodig.
clap-valid-values = Mogelijke waarden: { $lijst }.
clap-value-validation = { $waarde } is geen geldige waarde voor { $arg }: { $reden }.
clap-missing = { $arg } ontbreekt.
clap-conflict = { $arg } kan niet samen met { $ander }.
clap-value-count = { $arg } heeft een verkeerd aantal waarden.
clap-more = Meer uitleg: `{ $opdracht } --help`.
not-a-year = geen jaartal (bijvoorbeeld 2027)
not-a-count = geen positief geheel getal

# bbt init (src/init.rs).
init-not-empty = { $map } is niet leeg; bbt init overschrijft nooit iets.
init-next-no-bo = Het project { $project } heeft nog geen BO-document; maak er een met bbt init.
init-next-draft = Het laatste BO-document ({ $jaar }) is nog een ontwerp: bbt init --next begint aan het volgende jaar pas als het ingediend is, zodat zijn herziene teksten worden overgenomen.
    .hint = Wilde u { $map } opnieuw laten aanmaken, verwijder die map dan eerst. Is { $jaar } ingediend, schrijf dan in zijn bbt.yaml ingediend_op: JJJJ-MM-DD in plaats van status en ontwerpdatum.
init-next-exists = { $map } bestaat al; bbt init overschrijft nooit iets.
init-unreadable = Het project { $project } kan niet gelezen worden.
init-next-help = Elke overgenomen tekst begint met een regel `<!-- bbt: overgenomen uit … -->` (ook prestaties.yaml, met `# bbt: overgenomen uit …`); verwijder die regel zodra u de tekst herzien hebt. `bbt check` toont welke nog niet herzien zijn; een ingediend document mag er geen meer hebben.
did-you-mean = Bedoelde u { $naam }?
opsomming-en-meer = { $lijst } en { $meer } andere

# bbt diff (src/diff.rs).
diff-structure = Structuur: { $n ->
        [one] 1 wijziging
       *[other] { $n } wijzigingen
    }
diff-articles-title = Uitgavenartikelen
diff-ises-title = ISE's (uitgaven, geconsolideerd)
diff-revenue-title = Ontvangstenartikelen
diff-amount-old = oud
diff-amount-new = nieuw
diff-reason = reden: { $reden }
diff-followed = { $element } ({ $id }) gaat mee: { $van } → { $naar }
diff-figures = { $titel }: { $n } met andere cijfers (duizend euro; { $oud } → { $nieuw })
diff-vak-old = VAK oud
diff-vak-new = VAK nieuw
diff-vek-old = VEK oud
diff-vek-new = VEK nieuw
diff-difference = verschil
diff-was = was { $code }
diff-texts = Teksten: { $n ->
        [one] 1 gewijzigd
       *[other] { $n } gewijzigd
    }
diff-text-new = nieuw ({ $n ->
        [one] 1 alinea
       *[other] { $n } alinea's
    })
diff-text-gone = geschrapt
diff-text-changed = { $nieuw ->
        [one] 1 alinea
       *[other] { $nieuw } alinea's
    } nieuw of gewijzigd, { $weg } weggelaten of vervangen
watch-delta = [watch] { $nieuw ->
        [one] 1 nieuwe melding
       *[other] { $nieuw } nieuwe meldingen
    }, { $opgelost } opgelost, { $ongewijzigd } ongewijzigd
clap-twice = { $arg } staat er meer dan één keer.
template-no-document-help = Het project heeft nog geen document voor { $jaar }: maak het eerst met `bbt init --next { $project }` (dat schrijft ook dit werkboek op zijn plaats).
no-pdf-written = Er is geen pdf gemaakt: los eerst de fouten hierboven op.
stale-pdf = Het bestaande bestand { $pad } is niet bijgewerkt: het toont nog de vorige stand. Verstuur het niet.
no-default-project = Er staat geen { $bestand } in de huidige map en er is geen map inputs met een project.
project-named-like-command = De projectmap `{ $naam }` heet zoals de opdracht `bbt { $naam }`, en zo las bbt het. Schrijf bijvoorbeeld `bbt render ./{ $naam }` of `bbt check ./{ $naam }`.
no-default-project-help = Geef de projectmap op, bijvoorbeeld `bbt check MAP`, of maak een nieuw project met `bbt init MAP`.
inside-project = U staat in een map binnen een project. Voer `bbt check { $map }` uit ({ $map } is de projectmap), of ga eerst naar de projectmap.
diff-no-folder = De map { $map } bestaat niet.

# bbt studio: de console, en de meldingen die de pagina van de server krijgt.
studio-started = [studio] open in de browser: { $adres }
studio-stop = [studio] het adres bevat een sleutel die alleen voor u is; druk op Ctrl-C om de studio te stoppen
studio-stopped = [studio] gestopt
studio-no-browser = [studio] de browser kon niet worden geopend: kopieer het adres hierboven naar de adresbalk van uw browser
studio-not-project-help = Open de studio op één project, bijvoorbeeld `bbt studio MAP`, of maak er een met `bbt init MAP`.
studio-cannot-start = de studio kan niet starten: { $fout }
studio-cannot-listen = de studio kan poort { $poort } niet gebruiken: { $fout }
studio-cannot-listen-help = Kies een andere poort met --port, of laat --port weg: dan kiest de computer een vrije poort.
studio-format = bbt studio toont zijn meldingen in de browser: --format json geldt er niet voor
studio-format-help = Voor de meldingen als JSON: `bbt check --format json`.
studio-templates = de sjablonen in { $map } kunnen niet worden gelezen: { $fout }
studio-unreadable = Het document kan niet worden gelezen; zie de meldingen.
studio-workbook = Werkboek ({ $bestand })
studio-pdf-failed = Geen PDF gemaakt: { $fout }
studio-pdf-invalid = los eerst de fouten in de meldingen op. Een PDF die eerder gemaakt werd, is niet bijgewerkt.
studio-template-failed = De sjablonen konden het document niet opbouwen: { $fout }
studio-typst-failed = Het document kon niet worden opgemaakt: { $fout }
studio-not-found = Deze pagina bestaat niet in de studio.
studio-forbidden-host = Geweigerd: de studio antwoordt alleen op het adres dat bbt studio toonde (127.0.0.1 of localhost).
studio-forbidden-origin = Geweigerd: dit verzoek komt niet van de pagina van de studio.
studio-forbidden-token = Geweigerd: open de studio via het volledige adres met de sleutel (token) dat bbt studio in het venster toonde.
studio-page-gone = Deze pagina van de voorvertoning is niet meer actueel; de nieuwe staat in de voorvertoning.
studio-no-text = { $id } heeft geen tekst die de studio kan bewerken.
studio-no-article = Artikel { $code } staat niet (meer) in het werkboek van het document.
studio-article-moved = Het werkboek is gewijzigd sinds de studio het las: artikel { $code } staat niet meer op dezelfde rij. Klik opnieuw zodra de voorvertoning bijgewerkt is.
studio-workbook-unreadable-now = Het werkboek kan nu niet gelezen worden (wordt het net bewaard?). Probeer het zo opnieuw.
studio-text-not-utf8 = Dit tekstbestand is geen UTF-8-tekst; sla het in uw editor op als UTF-8 (de melding T001 zegt waar).
studio-text-outside = Dit tekstbestand ligt buiten de projectmap (een koppeling); de studio leest of schrijft het niet.
studio-text-io = Het tekstbestand kon niet worden gelezen of bewaard: { $fout }
studio-text-too-large = Deze tekst is te groot om te bewaren (meer dan 2 MB).
studio-conflict = Het bestand is intussen buiten de studio gewijzigd. Er is niets overschreven: vergelijk beide versies en kies.
studio-bad-request = De studio kon dit verzoek niet lezen; laad de pagina opnieuw (F5) en probeer het nog eens.
studio-panic = bbt zelf liep vast ({ $fout }); uw teksten zijn bewaard. Probeer het opnieuw (bewaar, of maak de pdf opnieuw), en meld dit aan wie bbt onderhoudt.
studio-internal = De studio kon dit niet afhandelen; probeer het opnieuw.
studio-no-pdf = Er is nog geen pdf gemaakt in deze studio: gebruik de knop PDF maken.
studio-workbook-kind = { $naam } is geen werkboek dat bbt leest; gebruik een van deze soorten: { $soorten }.
studio-workbook-too-large = Dit werkboek is te groot (meer dan 100 MB).
studio-workbook-io = Het werkboek kon niet worden bewaard: { $fout }
studio-workbook-gone = Dit werkboek is niet meer in behandeling (er is intussen een ander gecontroleerd); sleep het opnieuw naar de pagina.
studio-timing-cycle = [studio] ronde { $nummer }: { $ms } ms, { $nieuw } van { $paginas } pagina's opnieuw opgemaakt ({ $fasen })
studio-timing-first = [studio] eerste pagina verzonden { $ms } ms na de start
studio-timing-save = [studio] bewaard → laatste gewijzigde pagina verzonden na { $ms } ms
studio-timing-save-nothing = [studio] bewaard → geen pagina gewijzigd ({ $ms } ms)
