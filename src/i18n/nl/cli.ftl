# De opdrachtregel: --help, de handleiding (src/cli.rs; de sleutels staan in en/cli.ftl uitgelegd).

heading-usage = Gebruik:
heading-commands = Opdrachten
heading-options = Opties
heading-arguments = Argumenten

phase-values = gebruik bo, ba1 of ba2 (de uitvoering, bu, is geen document: een BBT wordt ingediend bij de begrotingsopmaak en bij elke begrotingsaanpassing)

cmd-bbt = Controleert en maakt de beleids- en begrotingstoelichting (BBT).
    .long =
        Controleert en maakt de beleids- en begrotingstoelichting (BBT).

        Zonder opdracht maakt bbt de pdf van het project in de huidige map (of van het meegeleverde voorbeeld in ./inputs) in output/. `bbt help OPDRACHT` of `bbt OPDRACHT --help` legt een opdracht uit.

        Afsluitcodes: 0 in orde (waarschuwingen toegestaan), 1 de invoer bevat fouten (of een ingediend document is niet volledig), 2 verkeerd gebruik, een lees- of schrijffout of een interne fout, 130 onderbroken; bij meer projecten de hoogste.
usage-bbt = bbt [OPTIES] [PROJECT]...
    bbt OPDRACHT [OPTIES]

cmd-render = Controleert een document en maakt er een pdf van in de uitvoermap; bij een werkruimte (een map met projecten, of een bestand dat ze opsomt) de documenten van alle projecten tegelijk.
usage-render = bbt render [OPTIES] [PROJECT]...
cmd-watch = Controleert en maakt de pdf, en opnieuw telkens als een invoerbestand of sjabloon wijzigt, tot u stopt met Ctrl-C. Onafgewerkte tussenstanden worden gemeld en afgewacht.
usage-watch = bbt watch [OPTIES] [PROJECT]
cmd-studio = Opent de studio: schrijven, controleren en de pdf bekijken in de browser, op uw eigen computer. De studio volgt de bestanden van het project zoals `watch`, toont de voorvertoning per pagina en bewaart teksten in het project. Stop met Ctrl-C.
usage-studio = bbt studio [OPTIES] [PROJECT]
arg-port = De poort op 127.0.0.1 (standaard: een vrije poort die de computer kiest).
value-port = POORT
arg-no_open = Opent de browser niet; het adres staat in het venster.
cmd-check = Controleert een document: de structuur tegenover de beleidsnota, de cijfers, en of het klaar is om in te dienen.
usage-check = bbt check [OPTIES] [PROJECT]...
cmd-horizontaal = Maakt het horizontale overzicht van een werkruimte: per thema van het horizontale plan (gender, handicap, herkomst, ...) welke operationele doelstellingen van elk beleidsdomein eraan bijdragen en met welke kredieten, als pdf met open data. Controleert eerst alle projecten en de werkruimte tegenover het plan; bij een fout wordt niets geschreven.
usage-horizontaal = bbt horizontaal [OPTIES] [WERKRUIMTE]...
cmd-template = Schrijft een leeg begrotingswerkboek voor een jaar, opgebouwd uit het project, om in te vullen en op te slaan als <jaar>/<fase>/begroting.xlsx.
usage-template = bbt template [OPTIES] [PROJECT]
cmd-init = Maakt in een map een nieuw project dat meteen foutloos is en een pdf oplevert; met --next voegt het het BO-document van het volgende jaar toe aan een project.
usage-init = bbt init [OPTIES] MAP
    bbt init --next [PROJECT]
cmd-diff = Toont wat er verschilt tussen twee documenten (twee mappen <jaar>/<fase>): de structuur, de teksten, en de cijfers per artikel en ISE. Sluit af met 0, of er verschillen zijn of niet.
usage-diff = bbt diff [OPTIES] OUD NIEUW
cmd-completions = Toont een script voor het aanvullen van opdrachten in de shell (bash, zsh, fish, elvish, powershell).
usage-completions = bbt completions SHELL
cmd-man = Toont de handleiding (roff), bijvoorbeeld `bbt man > bbt.1`.
usage-man = bbt man
cmd-explain = Legt een meldingscode uit (bijvoorbeeld `bbt explain B003`).
usage-explain = bbt explain CODE

arg-help_short = Toont een korte hulp (--help: uitgebreider)
arg-help_long = Toont de volledige hulp
arg-version = Toont de versie
arg-lang = De taal van de meldingen van bbt: nl (standaard) of en; ook in te stellen met BBT_LANG. De pdf is altijd in het Nederlands.
value-lang = TAAL
arg-projects = Projectmappen (met elk een beleidsnota.yaml), werkruimtemappen (met projecten als submappen) of werkruimtebestanden (één projectmap per regel). Standaard: de huidige map als die een beleidsnota.yaml bevat, anders ./inputs.
value-projects = PROJECT
arg-check-projects = Projectmappen (met elk een beleidsnota.yaml), werkruimtemappen of werkruimtebestanden, zoals bij `render`. Standaard: de huidige map als die een beleidsnota.yaml bevat, anders ./inputs. Bij meer projecten wordt ook gecontroleerd of de compensaties over alle projecten samen op nul uitkomen.
arg-horizontaal-projects = Een werkruimtemap (met de projecten als submappen en het plan horizontaal.yaml), een werkruimtebestand (één projectmap per regel, met het plan ernaast of via --plan) of projectmappen. Standaard: de huidige map als daar een horizontaal.yaml staat.
value-horizontaal-projects = WERKRUIMTE
arg-plan = Het horizontale plan (een YAML-bestand met de thema's en acties). Standaard: horizontaal.yaml in de opgegeven werkruimtemap of naast het werkruimtebestand; zonder plan zijn de thema's vrije labels.
value-plan = BESTAND
arg-horizontaal-output = De uitvoermap (standaard: output); het overzicht heet horizontaal-<jaar>-<fase>.pdf. Staan de pdf's van de domeinen (met hun paginaregister <project>-<jaar>-<fase>.paginas.json) in dezelfde map, dan verwijst het overzicht naar hun pagina's.
arg-horizontaal-year = Het begrotingsjaar. Standaard: het laatste jaar waarvoor een project een document heeft.
arg-project = De projectmap. Standaard: de huidige map als die een beleidsnota.yaml bevat, anders ./inputs.
value-project = PROJECT
arg-jobs = Hoeveel projecten tegelijk worden verwerkt. Standaard: één per processorkern.
value-jobs = AANTAL
arg-year = Het begrotingsjaar. Standaard: het laatste jaar dat aanwezig is.
value-year = JAAR
arg-template-year = Het begrotingsjaar van het werkboek. Standaard voor een BO: het jaar van het laatste BO-document als dat nog een ontwerp is (bijvoorbeeld net gemaakt met bbt init --next), anders het jaar erna; voor een BA: het jaar van het laatste BO-document.
arg-init-year = Het begrotingsjaar van het eerste document. Standaard: het volgende begrotingsjaar (vanaf 1 juli het jaar na dit jaar, anders dit jaar).
arg-phase = De fase: bo (standaard), ba1 of ba2.
value-phase = FASE
arg-previous = Het vorige document om mee te vergelijken (een map <jaar>/<fase>). Standaard: volgens de indeling van het project (de BA van het jaar ervoor, anders de BO).
value-previous = MAP
arg-format = Hoe de meldingen worden getoond: human (standaard: melding, plaats, bronregel, hulp) of json (een JSON-lijst op de standaarduitvoer; schema: docs/diagnostics.schema.json).
value-format = VORM
arg-timings = Toont hoelang elke stap duurde.
arg-output = De uitvoermap (standaard: output); de pdf heet <project>-<jaar>-<fase>.pdf.
value-output = MAP
arg-template-output = De uitvoermap (standaard: output); het bestand heet begroting-<jaar>-<fase>.xlsx.
arg-diff-output = Schrijft het verslag ook als pdf in deze map, met de naam verschillen-<project>-<jaar>-<fase>-<jaar>-<fase>.pdf.
arg-templates = Gebruikt de sjablonen in deze map in plaats van de meegeleverde (een kopie van templates/ om de opmaak aan te passen; zie docs/templates.md).
value-templates = MAP
arg-pdf_standard = De pdf-normen waaraan het bestand moet voldoen, gescheiden door komma's: a-2a, a-2b, a-2u, a-3a, a-3b, a-3u, a-1a, a-1b, ua-1, 1.7, 2.0, ... Standaard: a-2a,ua-1 (a-3a,ua-1 met --attach).
value-pdf_standard = NORMEN
arg-attach = Voegt het bronwerkboek en een JSON-export van elk cijfer als bijlage aan de pdf toe (PDF/A-3), zodat lezers de cijfers kunnen nagaan.
arg-emit_typ = Schrijft ook de gegenereerde Typst-bron, de sjablonen, de lettertypen en de precieze opdracht `typst compile` in <map>/<naam>-typ/.
arg-dir = De map van het nieuwe project (bestaat nog niet of is leeg), of met --next het bestaande project (standaard: de huidige map als die een beleidsnota.yaml bevat, anders ./inputs).
value-dir = MAP
arg-next = Voegt <laatste jaar + 1>/bo/ toe aan het project: structuur en teksten overgenomen (elke tekst gemarkeerd als nog niet herzien), een leeg werkboek (BA t-1 uit een BA-document, nooit BO t-1).
arg-old = De map van het oudere document, bijvoorbeeld inputs/2025/bo.
value-old = OUD
arg-new = De map van het nieuwere document, bijvoorbeeld inputs/2026/bo.
value-new = NIEUW
arg-shell = De shell: bash, zsh, fish, elvish of powershell.
value-shell = SHELL
arg-code = De code, zoals tussen haakjes getoond: fout[B003], of B003.
value-code = CODE
