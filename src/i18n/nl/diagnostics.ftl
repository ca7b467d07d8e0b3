# Diagnostics: the message of each rule (by its code, lowercase), its help
# lines (.hint, .hint-*) and the labels of related places. Codes, ids and the
# YAML a user is asked to write ($yaml) stay as they are in every language.

## Shared

baseline-beleidsnota = de beleidsnota
hint-declare = Is dit de bedoeling, vermeld de wijziging dan in bbt.yaml onder wijzigingen: { $yaml }
first-here = hier de eerste keer
known-ises = Bekende ISE's: { $list }

## L002: values

l002-year = { $jaar } is geen aannemelijk begrotingsjaar.
    .hint = Bijvoorbeeld 2025.
l002-letter = '{ $letter }' is geen stukletter.
    .hint = Schrijf de letter die het Parlement het stuk gaf, bijvoorbeeld letter: A
l002-letter-draft = '{ $letter }' is nog geen stukletter; op het titelblad komt ze te staan zoals ze getypt is.
l002-id = '{ $id }' is geen bruikbaar id.
    .hint = Een id bestaat uit korte woorden met koppeltekens, zoals od-inburgering-traject.

## S: structure

s001 = Het id '{ $id }' wordt twee keer gebruikt.
    .hint = Elk beleidsveld, elke ISE, SD en OD heeft een eigen id.
    .first = hier de eerste keer gebruikt
s002 = OD { $nummer } verwijst naar de onbekende ISE '{ $ise }'.
s004 = { $soort } '{ $id }' is nieuw ten opzichte van { $basis }, maar die wijziging staat niet onder wijzigingen in bbt.yaml.
s005 = { $soort } '{ $id }' heeft als { $veld } '{ $nieuw }', maar in { $basis } is dat '{ $oud }'; die wijziging staat niet onder wijzigingen in bbt.yaml.
s006-parent = { $soort } '{ $id }' staat onder '{ $nieuw }', maar in { $basis } onder '{ $oud }'; die wijziging staat niet onder wijzigingen in bbt.yaml.
s006-ise = { $soort } '{ $id }' staat in de ISE '{ $nieuw }', maar in { $basis } in '{ $oud }'; die wijziging staat niet onder wijzigingen in bbt.yaml.
s008 = { $soort } '{ $id }' staat op de plaats waar in { $basis } '{ $verwacht }' staat.
    .hint = Houd de volgorde van { $basis } aan: { $volgorde }
s007 = { $soort } '{ $id }' ({ $label }) van { $basis } ontbreekt in de structuur van dit jaar, maar het schrappen staat niet onder wijzigingen in bbt.yaml.
    .hint = Zet { $soort } '{ $id }' terug onder structuur, of vermeld het schrappen in bbt.yaml onder wijzigingen: { $yaml }
s009-no-reason = De wijziging '{ $soort }' geeft geen reden.
    .hint = Vul bij reden: in waarom de wijziging nodig is.
s009-single = Een wijziging '{ $soort }' moet precies één element noemen: element: <id of artikelcode>
s009-single-not-van-naar = Een wijziging '{ $soort }' moet haar element noemen met element:, niet met van:/naar:
s009-unknown = De wijziging '{ $soort }' noemt '{ $id }', dat geen element is van { $basis } of van dit jaar.
s009-van-naar-not-single = Een wijziging '{ $soort }' moet van: en naar: noemen, niet element:
s009-shape-split = Een wijziging '{ $soort }' moet één element hebben onder van: en twee of meer onder naar:
s009-shape-merge = Een wijziging '{ $soort }' moet twee of meer elementen hebben onder van: en één onder naar:
s009-shape-recode = Een wijziging '{ $soort }' moet één artikelcode hebben onder van: en één onder naar:
s009-recode-old = Het gehercodeerde artikel '{ $code }' staat niet in { $vorig }.
s009-recode-new = Het gehercodeerde artikel '{ $code }' staat niet in het werkboek van dit jaar.
s009-van = '{ $id }' onder van: is geen element van { $basis }.
s009-naar = '{ $id }' onder naar: is geen element van de structuur van dit jaar.
s009-kinds = Een wijziging '{ $soort }' voegt elementen van verschillende soorten samen.
s010 = De wijziging '{ $soort }' van '{ $id }' staat in bbt.yaml, maar is niet doorgevoerd.
    .hint = Verwijder de regel, of voer de wijziging die erin staat ook echt door.
s003-unknown = { $soort } '{ $id }' staat niet in { $basis }.
s003-other-kind = '{ $id }' is daar een { $ander }.
s003-new = Vul hier { $velden } in en vermeld { $soort } als nieuw (soort: nieuw).
s003-meant-here = hier staat '{ $id }'
s003-typo-there = Zit de tikfout in de beleidsnota, verander het id daar dan in '{ $id }': het geldt de hele legislatuur.
s011-empty = De tekst van { $soort } { $nummer } is leeg (kopjes en opmerkingen tellen niet mee).
    .hint = Schrijf de beleidstekst van dit jaar voor deze doelstelling.
s011-missing = { $soort } { $nummer } ('{ $id }') heeft geen tekst.
    .hint = Schrijf de tekst in tekst/{ $id }.md
s011-intro-missing = Het document heeft geen inleiding: tekst/inleiding.md ontbreekt.
    .hint = Schrijf in tekst/inleiding.md de inleiding van het document (hoofdstuk I); een ontwerp mag ze nog missen, een ingediend document niet.
s011-intro-empty = De inleiding (tekst/inleiding.md) is leeg.
    .hint = Schrijf in tekst/inleiding.md de inleiding van het document (hoofdstuk I); een ontwerp mag ze nog missen, een ingediend document niet.
s001-part = Het id '{ $id }' wordt twee keer gebruikt.
    .hint = Elk hoofdstuk en elke bijlage in bbt.yaml heeft een eigen id, verschillend van de id's van de beleidsvelden, ISE's, SD's en OD's: het id is de naam van de tekst.
s011-part-missing = Het deel '{ $titel }' heeft geen tekst: tekst/{ $id }.md ontbreekt.
    .hint = Schrijf de tekst in tekst/{ $id }.md
s011-part-empty = De tekst van het deel '{ $titel }' is leeg (kopjes en opmerkingen tellen niet mee).
    .hint = Schrijf de tekst van dit deel, of haal het uit hoofdstukken of bijlagen in bbt.yaml.
s012 = Het tekstbestand '{ $id }.md' hoort bij geen ISE, SD of OD van dit jaar.
    .hint = Geef het bestand de naam van het id van een ISE, SD of OD (het id plus .md), of verwijder het.
s013 = De indicator '{ $indicator }' hoort bij '{ $od }', dat geen OD van dit jaar is.
    .hint = Noem de OD bij haar id, zoals in de structuur van het jaar.
s013-ise = De indicator '{ $indicator }' hoort bij ISE '{ $ise }', die geen ISE van dit jaar is.
    .hint = Noem de ISE bij haar code (zoals SG-A) of haar id, zoals in de structuur van het jaar.

## B: figures

b001 = Artikel { $code } staat in de ISE '{ $ise }', die de beleidsnota niet kent.
b002 = Artikel { $code } komt twee keer voor.
    .hint = Elk artikel heeft één rij; tel de bedragen samen of verwijder een rij.
b002-outturn = Artikel { $code } staat twee keer op het blad Uitvoering.
    .hint = Elk artikel heeft één rij; tel de bedragen samen of verwijder een rij.
b001-outturn = Artikel { $code } op het blad Uitvoering staat in de ISE '{ $ise }', die de structuur van dit jaar niet kent.
    .hint = De uitvoering wordt getoond per ISE van dit jaar: vul de ISE in waaronder het artikel nu valt.
b003 = { $krediet } van { $code }: { $van } + index + compensaties + andere bijstellingen = { $verwacht }, maar { $naar } bedraagt { $werkelijk }.
    .hint = Het verschil is { $verschil }; verbeter een van de bijstellingen of { $naar }.
b005-entity = Artikel { $code }: de code hoort bij entiteit { $code_entiteit }, maar in de rij staat { $entiteit }.
    .hint = De eerste drie tekens van de code zijn de entiteit.
b005-unknown-entity = Artikel { $code }: de entiteit { $entiteit } is geen entiteit van de beleidsnota.
    .hint = Voeg ze toe onder entiteiten: in beleidsnota.yaml, of verbeter de code.
b005-ise = Artikel { $code }: de code wijst naar ISE { $code_ise }, maar de rij zet het in { $ise }.
    .hint = Verbeter de ISE, hercodeer het artikel (soort: hergecodeerd) of vermeld dat het verplaatst is: { $yaml }
b005-kind = Artikel { $code }: '{ $teken }' is geen kredietsoort.
    .hint = Het 9de teken is 2 (gesplitste kredieten), 4 (variabel) of 5 (correlatief).
b006-no-receiver = Artikel { $code } is een dotatie (IS) zonder ontvangende entiteit.
    .hint = Vul in de kolom Ontvanger de code in van de entiteit die de dotatie ontvangt (bijvoorbeeld SI0).
b006-unknown-receiver = Artikel { $code } gaat naar entiteit { $ontvanger }, die de beleidsnota niet kent.
    .hint = Voeg de entiteit toe onder entiteiten: in beleidsnota.yaml, of verbeter Ontvanger.
b006-not-is = Artikel { $code } noemt een ontvangende entiteit ({ $ontvanger }), maar is geen dotatie (IS).
    .hint = Alleen IS-artikelen hebben een Ontvanger; maak de cel leeg.
b006-mvg-receiver = Artikel { $code } is een dotatie aan { $ontvanger }, maar { $ontvanger } is een { $soort } en hoort bij het ministerie zelf (MVG).
    .hint = Een dotatie gaat naar een entiteit met een eigen begroting: een Vlaamse rechtspersoon (soort: eva) of een DAB (soort: dab). Klopt de ontvanger, verbeter dan de soort van de entiteit in beleidsnota.yaml; anders is het artikel geen dotatie (geen IS) of is de Ontvanger verkeerd.
    .related = hier staat de soort van { $ontvanger }
b006-own-receiver = Artikel { $code } is een dotatie van { $ontvanger } aan zichzelf.
    .hint = Een dotatie gaat naar een andere entiteit, met een eigen begroting: vul in de kolom Ontvanger die entiteit in (bijvoorbeeld SI0).
b012 = Artikel { $code } heeft '{ $teken }' op de vijfde plaats, maar { $entiteit } is volgens de beleidsnota een { $soort }: daar hoort '{ $verwacht }'.
    .hint = De uitgavenartikelen van een Vlaamse rechtspersoon (eigen begroting) hebben een A op de vijfde plaats (GH0-AGGF2RD-WT), die van het departement en de IVA's een 1 (SB0-1SFE2AA-WT). Klopt de code, verbeter dan de soort van de entiteit in beleidsnota.yaml; klopt de soort, verbeter de code en declareer de hercodering in bbt.yaml als het artikel al eerder bestond.
    .related = hier staat de soort van { $entiteit }
b013 = Artikel { $code } draagt volgens de kolom Doelstellingen bij aan '{ $naam }', maar het document heeft geen operationele doelstelling met dat nummer of die id.
    .hint = Schrijf het nummer van de OD zoals het in het document staat (bv. 2.1), of haar id uit de beleidsnota; scheid er meer door een puntkomma. De OD's van dit jaar: { $lijst }
b014 = Artikel { $code } hoort bij ISE { $ise }, maar de kolom Doelstellingen noemt OD { $od }, die onder ISE { $od_ise } geclusterd is.
    .hint = Een artikel draagt bij aan de doelstellingen van zijn eigen ISE. Verbeter het nummer van de OD, of de ISE van het artikel.
    .related = hier staat de ISE van OD { $od }
b004 = De ISE { $ise } ({ $naam }) heeft geen artikelen in het werkboek.
    .hint = Voeg haar artikelen toe, of zeg in bbt.yaml waarom: { $yaml }
b007-no-ise = De totaalrij '{ $label }' noemt geen ISE van het jaar.
    .hint = Schrijf 'Totaal' voor het hele blad of 'Totaal SF-A' voor één ISE.
b007 = { $label }: het ingevulde { $wat } is { $getypt }, maar de som van de artikelen is { $berekend }.
    .hint = Verbeter het totaal of laat het weg: bbt berekent elk totaal zelf.
b008 = Het saldo van de compensaties van dit document is { $vak } (VAK) en { $vek } (VEK).
    .hint = Compensaties verschuiven geld tussen artikelen; over de hele begroting heffen ze elkaar op (saldo nul).
b015 = Artikel { $code } staat ook in het werkboek van het project in { $ander }.
    .hint = Elk begrotingsartikel hoort bij de begroting van één minister: haal het uit het werkboek van het project waar het niet thuishoort. Anders tellen zijn kredieten twee keer in elk totaal over de projecten, zoals het horizontale overzicht.
b009 = Over deze { $aantal } projecten is het saldo van de compensaties { $vak } (VAK) en { $vek } (VEK), niet nul.
    .hint = Per project (VAK / VEK): { $per }

## Y: against the previous document

y001 = Artikel { $code } van { $vorig } staat niet in het werkboek van dit jaar.
    .hint = Heeft het een nieuwe code, geef dan op: {"{"} soort: hergecodeerd, van: [{ $code }], naar: [<nieuwe code>], reden: ... {"}"}; is het weg: {"{"} soort: geschrapt, element: { $code }, reden: ... {"}"}
y003 = Artikel { $code } is nieuw ten opzichte van { $vorig }.
y002 = { $krediet } { $stand } van { $code } is in dit werkboek { $hier }, maar in { $vorig } { $daar }.
    .hint = Neem het bedrag { $eind } uit { $vorig } over in dit werkboek.
    .previous = het bedrag in het vorige document

## T: what the PDF can print

t005 = { $teken } is { $waarom ->
        [control] een stuurteken
        [noncharacter] een Unicode-niet-teken
       *[no-glyph] een teken dat de lettertypen van het document niet hebben
    } en kan niet worden afgedrukt{ $meer ->
        [0] {""}
        [1] {" "}(en nog 1 zo'n teken)
       *[other] {" "}(en nog { $meer } zulke tekens)
    }.
t005-hint-invisible = Verwijder het: in de meeste editors is het onzichtbaar (een werkboek kan het tonen als _x001B_); typ zo nodig de tekst eromheen opnieuw.
t005-hint-script = Schrijf het anders of laat het weg: de lettertypen van het document drukken Latijnse, Griekse en Cyrillische letters en gangbare symbolen, geen emoji of schriften zoals Chinees of Ethiopisch.
t007-word = Een woord van { $lengte } tekens zonder spatie is te lang om af te drukken (hoogstens { $max }).
    .hint = Breek het op met spaties, of laat het weg.
t007-title = Een titel van { $lengte } tekens is te lang om af te drukken (hoogstens { $max }).
    .hint = Maak hem korter: titels gaan in hun geheel naar de bladwijzers en tags van de PDF.

## L: loading the inputs

io-not-found = het bestand of de map bestaat niet
io-permission = toegang geweigerd (rechten)
io-exists = er bestaat al een bestand met die naam
io-not-a-folder = een deel van het pad is een bestand, geen map
io-is-a-folder = dit is een map, geen bestand
io-folder-not-empty = de map is niet leeg
io-full = de schijf is vol
io-read-only = de schijf is alleen-lezen
io-invalid-name = de naam is niet geldig op dit systeem
io-busy = het bestand is in gebruik door een ander programma
io-too-large = het bestand is te groot voor dit systeem
io-other = het besturingssysteem meldt: { $fout }
l006 = Dit is een snelkoppeling naar { $doel }, buiten het project.
    .hint = Kopieer het bestand naar de projectmap in plaats van ernaar te verwijzen.
l003-folder = Dit is een map, waar bbt een bestand verwacht.
    .hint = Vervang ze door het bestand zelf.
l003-special = Dit is geen gewoon bestand (een pipe of een apparaat), waar bbt een bestand verwacht.
    .hint = Vervang het door het bestand zelf.
l001-utf8 = Het bestand is geen geldige UTF-8.
    .hint = Bewaar het bestand als UTF-8 (in Kladblok: Opslaan als, codering UTF-8).
l003-missing = Het bestand bestaat niet.
l003-unreadable = Het bestand kan niet worden gelezen: { $reden }
l004-chain = { $document } kan niet worden gelezen: { $reden }
    .hint = Voer `bbt check { $project } --year { $jaar } --phase { $fase }` uit en los eerst de fouten daarin op.
l004-unknown-element = { $soort } '{ $id }' is daar onbekend
l003-no-phase = Het project heeft nog geen document voor de { $naam } (fase '{ $fase }').
    .hint = Een document staat in <jaar>/{ $fase }/bbt.yaml
l003-no-year = Het project heeft geen document voor de { $naam } { $jaar } (de map { $jaar }/{ $fase }).
l003-no-year-none = Het project heeft nog geen document voor de { $naam } (fase '{ $fase }').
l003-no-year-list = Dit project heeft een document voor de { $naam } in: { $jaren }
l002-folder = Volgens bbt.yaml gaat het om { $fase } { $jaar }, maar het bestand staat in de map voor { $map_fase } { $map_jaar }.
    .hint = De map <jaar>/<fase>/ en het bestand moeten overeenkomen.
l004 = Het vorige document kan niet worden gelezen: { $reden }
    .hint = Controleer eerst dat document, of noem een ander met --previous.

## W: the workbook

w001-damaged = Het werkboek kan niet worden gelezen: het is beschadigd.
    .hint = Open het in Excel of LibreOffice en bewaar het opnieuw als .xlsx of .ods.
w001-password = Het werkboek is beveiligd met een wachtwoord.
    .hint = Bewaar een kopie zonder wachtwoord (Bestand > Opslaan als, zonder versleuteling) en gebruik die.
w001-io = Het werkboek kan niet worden gelezen: { $fout }.
w001-technical = Technische melding, voor wie het bestand onderzoekt: { $fout }
w001-unreadable = Het werkboek kan niet worden gelezen: het is beschadigd, of het is geen werkboek van Excel of LibreOffice.
    .hint = Bewaar het vanuit Excel of LibreOffice als .xlsx, .xlsm, .xlsb, .xls of .ods.
w001-sheet = Het blad '{ $blad }' kan niet worden gelezen: het is beschadigd.
w001-none = Het document heeft geen begrotingswerkboek.
    .hint = Zet de cijfers in begroting.xlsx (of .xlsm, .xlsb, .xls, .ods) in deze map.
w001-many = Het document heeft { $aantal } begrotingswerkboeken; laat er precies één staan.
    .hint = Gevonden: { $lijst }
w002 = Het werkboek heeft geen blad '{ $blad }'.
    .hint = Gevonden bladen: { $lijst }
w003-header = Het blad '{ $blad }' heeft geen kopregel met een kolom 'Artikel'.
    .hint = De kopregel geeft de kolommen hun naam; zie docs/workbook.md.
w003 = Het blad '{ $blad }' mist { $aantal ->
        [one] de kolom
       *[other] de kolommen
    } { $kolommen }.
    .hint = Kolommen gevonden in rij { $rij }: { $lijst }
w013 = Het blad '{ $blad }' heeft de kolom '{ $kolom }' twee keer.
    .hint = Houd één kolom van elke naam: verwijder de andere of geef ze een andere naam.
w005-empty = '{ $kolom }' is leeg.
    .hint = Elke artikelrij heeft een { $kolom } nodig; zie docs/workbook.md.
w005-not-text = '{ $kolom }' moet tekst zijn, maar bevat { $gevonden }.
w006 = '{ $kolom }' bevat de foutwaarde { $fout }.
w006-amount = '{ $kolom }' bevat de foutwaarde { $fout }.
    .hint = Verbeter de formule die deze foutwaarde geeft.
w011-empty = De formule in '{ $kolom }' ({ $formule }) heeft geen berekende waarde.
    .hint = Het werkboek werd bewaard door een programma dat geen formules berekent: open het in Excel of LibreOffice, laat het herberekenen en bewaar het.
w011-zero = De formule in '{ $kolom }' ({ $formule }) bevat als uitkomst 0, maar de som van haar cellen is { $som }.
w004-beyond = '{ $kolom }' is { $waarde }, meer dan welke begroting ook.
    .hint = Bedragen zijn gehele getallen in { $eenheid } (de eenheid in bbt.yaml).
w004-text = '{ $kolom }' is de tekst "{ $tekst }", { $waarom }.
    .hint = Typ een geheel getal in { $eenheid }, zoals 1234 of -4917.
w004-invalid = '{ $kolom }' { $waarom }.
    .hint = Bedragen zijn gehele getallen in { $eenheid } (de eenheid in bbt.yaml).
w004-why-not-number = wat geen getal is
w004-why-ambiguous = wat dubbelzinnig is: met Engelse landinstellingen is 1,234 meer dan duizend, in het Nederlands niet
w004-why-not-whole = wat geen geheel getal is
w004-why-mixed = waarin punten en komma's door elkaar staan
w004-is-not-finite = is geen geldig getal ({ $getal })
w004-is-not-whole = is { $getal }, geen geheel getal in { $eenheid }
w004-is-beyond = is { $getal }, meer dan welke begroting ook
w004-must-be-number = moet een getal zijn, maar bevat { $gevonden }
w009 = '{ $kolom }' is de tekst "{ $tekst }", gelezen als het getal { $getal }.
    .hint = Typ bedragen als getallen: een rekenblad telt zo'n tekst soms anders op (met Engelse landinstellingen is "1.850" 1,85) of laat hem weg uit de totalen.
w007 = '{ $tekst }' is geen artikelcode: { $waarom }.
    .hint = Een artikelcode ziet eruit als SB0-1SFE2AA-WT: entiteit (SB0), soort (1), programma (SF), minister (E), kredietsoort (2), ISE-letter (A), volgletter (A) en ESR-aggregaat (WT).
w007-parts = verwacht drie delen gescheiden door '-', zoals SB0-1SFE2AA-WT
w007-entity = het entiteitsdeel '{ $deel }' moet uit drie hoofdletters of cijfers bestaan, zoals SB0
w007-middle = het middendeel '{ $deel }' moet uit zeven hoofdletters of cijfers bestaan, zoals 1SFE2AA
w007-esr = onbekend ESR-aggregaat '{ $deel }' (WT, LO, PR, IS, LE of PA)
w007-sheet-revenue = Artikel { $code } is een ontvangstenartikel (5de teken 0), maar staat op het blad '{ $blad }'.
    .hint = Uitgavenartikelen horen op 'Uitgaven', ontvangstenartikelen op 'Ontvangsten'.
w007-sheet-expenditure = Artikel { $code } is een uitgavenartikel, maar staat op het blad '{ $blad }'.
    .hint = Uitgavenartikelen horen op 'Uitgaven', ontvangstenartikelen op 'Ontvangsten'.
w007-outturn-revenue = Artikel { $code } is een ontvangstenartikel (5de teken 0); op het blad '{ $blad }' horen alleen uitgavenartikelen.
    .hint = Laat de ontvangstenartikelen weg van dit blad.
w007-esr-column = In de kolom ESR staat { $getypt }, maar de code { $code } eindigt op { $esr }.
    .hint = Het ESR-aggregaat is het laatste deel van de code; verbeter de code of de kolom.
w010 = '{ $kolom }' is { $bedrag }: een krediet kan niet negatief zijn.
    .hint = Alleen index, compensaties en bijstellingen mogen negatief zijn.
w010-revenue = '{ $kolom }' is { $bedrag }: een geraamde ontvangst kan niet negatief zijn.
    .hint = Vul de verwachte ontvangst in, 0 of meer; een terugbetaling door de overheid is een uitgave.
w010-outturn = '{ $kolom }' is { $bedrag }: een krediet kan niet negatief zijn.
    .hint = Neem de BA en de BA-JR over zoals ze in de uitvoeringsrekening staan, 0 of meer; alleen de BU mag negatief zijn.
w008-revenue = { $code } is een ontvangstenartikel; toelichtingsregels zijn er voor uitgavenartikelen.
    .hint = Licht ontvangsten toe in de korte inhoud van het artikel.
found-number = het getal { $getal }
found-text = de tekst "{ $tekst }"
found-logical = de logische waarde { $waarde ->
        [true] WAAR
       *[false] ONWAAR
    }
found-date = een datum
found-duration = een tijdsduur
found-error = de foutwaarde { $fout }
found-empty = een lege cel
w004-why-not-grouped = waarvan de cijfers niet per drie gegroepeerd zijn
w004-why-too-large = wat te groot is
w008 = Er is een toelichting voor artikel { $code }, maar dat artikel staat noch op 'Uitgaven' noch op 'Ontvangsten'.
w012-file = Het bestand is { $mb } MB, meer dan bbt leest (hoogstens { $max } MB).
    .hint = Het werkboek van een begroting is enkele megabytes: bewaar alleen de cijfers in een nieuw werkboek.
w012-unpacked = Het werkboek pakt uit tot { $mb } MB, meer dan bbt leest (hoogstens { $max } MB).
w012 = Het blad '{ $blad }' gebruikt cellen tot { $cel }, meer dan bbt leest (hoogstens { $max } cellen).
    .hint = Maak de verdwaalde cellen ver onder of rechts van de gegevens leeg (selecteer ze, verwijder ze, bewaar).
w001-broken = Het werkboek kan niet worden gelezen: { $fout }
    .hint = Open het in Excel of LibreOffice en bewaar het opnieuw.
w001-sector-loop = het bestand is beschadigd (een reeks sectoren verwijst naar zichzelf)
w001-cells-reversed = het blad '{ $blad }' is beschadigd (zijn cellen eindigen voor ze beginnen)

## L001: YAML

l001-empty = Het bestand is leeg.
    .hint = docs/inputs.md toont wat het bestand bevat.
l001-control = Ongeldige YAML: het stuurteken U+{ $code } is niet toegestaan.
    .hint = Verwijder het: een editor toont het misschien als { $caret }een vakje, of helemaal niet.
l001-colon = Ongeldige YAML: hier mag geen dubbele punt staan.
l001-yaml = Ongeldige YAML op deze plaats (de YAML-lezer meldt: “{ $fout }”).
l001-indent-wrong = Ongeldige YAML: de inspringing van deze regel past niet bij de regels erboven.
l001-reserved = Ongeldige YAML: een waarde mag niet met `{ $teken }` beginnen, tenzij ze tussen aanhalingstekens staat.
l001-quote = Zet de hele waarde tussen enkele aanhalingstekens ('…'); een ' in de tekst schrijft u dan dubbel ('').
l001-quote-it = Zet de hele waarde tussen enkele aanhalingstekens: { $regel }
l001-quote-open = Ongeldige YAML: de tekst tussen aanhalingstekens die hier begint, wordt niet afgesloten.
    .hint = Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint, op dezelfde regel.
l001-after-quote = Ongeldige YAML: na het afsluitende aanhalingsteken staat nog tekst.
l001-escape = Ongeldige YAML: tussen dubbele aanhalingstekens begint een backslash (\) een speciaal teken, en dit teken bestaat niet.
    .hint = Zet de waarde tussen enkele aanhalingstekens ('…'): daarin is een backslash een gewoon teken.
l001-flow-open = Ongeldige YAML: de lijst die hier met [ of { "{" } begint, wordt niet gesloten.
    .hint = Sluit ze op dezelfde regel met ] of { "}" }, bijvoorbeeld: themas: [gender, handicap]
l001-no-colon = Ongeldige YAML: op deze regel ontbreekt de dubbele punt na de sleutel.
    .hint = Schrijf de sleutel, een dubbele punt en een spatie voor de waarde, bijvoorbeeld: titel: Mijn titel
l001-dash = Ongeldige YAML: na het streepje van een lijst hoort een spatie.
    .hint = Schrijf: { $regel }
l001-no-value = Ongeldige YAML: hier ontbreekt een waarde.
l001-too-deep = Ongeldige YAML: de waarden zijn hier te diep in elkaar genest.
l001-colon-in-value = Staat er een dubbele punt in de tekst, zet de hele waarde dan tussen aanhalingstekens: { $sleutel }: "{ $waarde }"
l001-indent = Controleer de inspringing: sleutels op hetzelfde niveau beginnen in dezelfde kolom, ingesprongen met spaties.
l001-tab = Ongeldige YAML: deze regel springt in met een tab; YAML springt alleen in met spaties.
    .hint = Vervang de tab door spaties (bijvoorbeeld twee per niveau).
l001-second-document = Ongeldige YAML: hier begint een tweede YAML-document.
    .hint = Een bestand bevat één document: verwijder deze regel `---`, of zet wat erna komt in een eigen bestand.
l001-aliases = Ongeldige YAML: de aliassen breiden uit tot te veel waarden.
l001-aliases-bytes = Ongeldige YAML: de aliassen breiden uit tot meer dan { $mib } MiB tekst.
    .hint = Schrijf de waarden uit waar ze nodig zijn, of herhaal een grote waarde minder vaak.
l001-key-twice = Ongeldige YAML: de sleutel `{ $sleutel }` staat hier een tweede keer (de eerste keer op regel { $regel }).
l001-unknown-field = Onbekende sleutel '{ $veld }'. Mogelijke sleutels hier: { $lijst }.
    .hint = Controleer de spelling; docs/inputs.md noemt elke sleutel.
l001-missing-field = De sleutel '{ $veld }' ontbreekt.
    .hint = docs/inputs.md toont wat het bestand bevat.
l001-duplicate-field = De sleutel '{ $veld }' staat er twee keer.
l001-invalid-type = Hier staat { $gevonden }, maar bbt verwacht { $verwacht }.
l001-expected-mapping = Hier verwacht bbt sleutels met waarden: { $lijst }.
l001-keys-words = Sleutels moeten woorden zijn.
l001-expected-text = Hier verwacht bbt tekst.
l001-expected-text-number = Hier verwacht bbt tekst, maar staat het getal { $getal }.
    .hint = Zet het tussen aanhalingstekens: "{ $getal }"
l001-expected-list = Hier verwacht bbt een lijst.
    .hint = Zet de elementen tussen blokhaken, [a, b], of elk op een eigen regel met '- ' ervoor, één niveau dieper ingesprongen.
    .brackets = Zet de lijst tussen blokhaken: { $lijst }
yaml-text = tekst
yaml-number = een geheel getal
yaml-list = een lijst
yaml-mapping = sleutels met waarden
yaml-bool = ja of nee (true/false)
yaml-nothing = niets

## bbt.yaml values (L002)

l002-phase = Onbekende fase '{ $fase }'.
    .hint = Gebruik bo, ba1 of ba2: een BBT wordt ingediend bij de begrotingsopmaak en bij elke begrotingsaanpassing, niet bij de uitvoering (bu).
l008 = De map { $jaar }/bu is geen document: een BBT wordt ingediend bij de begrotingsopmaak (bo) en bij elke begrotingsaanpassing (ba1, ba2), niet bij de begrotingsuitvoering.
    .hint = Zet de documenten in { $jaar }/bo, { $jaar }/ba1 of { $jaar }/ba2 en verwijder de map bu of zet ze buiten de projectmap. De cijfers van de uitvoering (BA, BA-JR en BU per artikel) horen op het blad Uitvoering van het werkboek van het volgende document; bespreek ze in de tekst.
l002-abbreviation = De afkorting '{ $afkorting }' heeft geen betekenis.
    .hint = Schrijf per regel een afkorting, een dubbele punt en haar betekenis, bijvoorbeeld: VDAB: Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding
l002-chapter-id = '{ $id }' kan geen id van een hoofdstuk of bijlage zijn.
    .hint = Geef elk hoofdstuk een id zonder spaties, bv. regelgevingsagenda; de tekst staat dan in tekst/regelgevingsagenda.md. De id 'inleiding' is voor de inleiding.
l002-ministers-none = Het document zegt niet welke minister het indient.
    .hint = Schrijf onder minister: de naam en de titel van de minister; is de bevoegdheid gedeeld, schrijf dan onder ministers: een lijst met voor elke minister een naam en een titel.
l002-ministers-both = Het document heeft zowel minister: als ministers:.
l002-indicator-none = De indicator '{ $indicator }' zegt niet bij welke OD of ISE hij hoort.
    .hint = Schrijf 'od:' met het id van de OD, of 'ise:' met de code van de ISE voor een indicator van de hele ISE (één van beide).
l002-indicator-both = De indicator '{ $indicator }' heeft zowel od: als ise:.
l002-indicator-value = De waarde '{ $waarde }' van de indicator '{ $indicator }' is geen tekst of geheel getal.
    .hint = Zet de waarde tussen aanhalingstekens, zoals ze gedrukt moet worden: "2.410" of "61,5". Zonder aanhalingstekens leest YAML 2.410 als het getal 2,41.
l002-indicator-twice = De indicator '{ $indicator }' heeft zowel een waarde met een jaar als een reeks.
    .hint = Gebruik waarde: met jaar: voor één meting, of reeks: met een waarde per jaar (2024: "58"), niet allebei.
l002-indicator-year = De waarde van de indicator '{ $indicator }' heeft geen jaar.
    .hint = Schrijf bij de waarde het jaar van de meting (jaar: 2025), of geef een reeks met een waarde per jaar: reeks: {"{"} 2024: "58", 2025: "60" {"}"}.
l002-indicator-empty = De indicator '{ $indicator }' heeft geen waarde.
    .hint = Schrijf één meting als waarde: "64" met jaar: 2025, of meer jaren als reeks: {"{"} 2024: "61", 2025: "64" {"}"}.
l002-indicator-shape = De waarde van de indicator '{ $indicator }' is een lijst of een map, geen tekst.
l002-indicator-when = Het jaar { $jaar } van de indicator '{ $indicator }' is geen aannemelijk jaar.
    .hint = Schrijf het jaar met vier cijfers, zoals 2025.
l002-indicator-target = De indicator '{ $indicator }' heeft een streefjaar maar geen streefwaarde.
    .hint = Schrijf de streefwaarde (streefwaarde: "75"), of laat het streefjaar weg.
l002-unit = Onbekende eenheid '{ $eenheid }'.
    .hint = Gebruik 'euro' of 'duizend euro'.
l002-date = '{ $datum }' is geen datum.
    .hint = Schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2024-10-24.
l002-status = Onbekende status '{ $status }'.
    .hint = Gebruik 'ontwerp' voor een ontwerp; laat de status weg zodra het document is ingediend.
l002-draft-dates = Een ontwerp heeft een 'ontwerpdatum' nodig.
    .hint = Schrijf de datum van het ontwerp onder de status: ontwerpdatum: JJJJ-MM-DD
l002-filed-dates = Een ingediend document heeft 'ingediend_op' nodig, de datum van indiening.
    .hint = Schrijf onder de status: ingediend_op: JJJJ-MM-DD
l002-both-dates = Het document heeft zowel 'ingediend_op' als 'ontwerpdatum'; het is ingediend of een ontwerp, niet allebei.
    .hint = Is het ingediend, verwijder dan deze regel 'ontwerpdatum'. Is het nog een ontwerp, verwijder dan 'ingediend_op' en schrijf status: ontwerp.
l002-draft-filed = Een ontwerp (status: ontwerp) heeft geen 'ingediend_op'.
    .hint = Is het ingediend, verwijder dan 'status: ontwerp' en 'ontwerpdatum'. Is het nog een ontwerp, verwijder dan deze regel en schrijf ontwerpdatum: JJJJ-MM-DD.
l002-draft-status = Een document met een 'ontwerpdatum' is een ontwerp, maar 'status: ontwerp' ontbreekt.
    .hint = Schrijf boven deze regel: status: ontwerp. Is het ingediend, vervang deze regel dan door ingediend_op: JJJJ-MM-DD.
l002-no-status = Het document zegt niet of het ingediend is of een ontwerp.
    .hint = Schrijf ingediend_op: JJJJ-MM-DD als het is ingediend, of status: ontwerp en ontwerpdatum: JJJJ-MM-DD voor een ontwerp.
l002-change-kind = Onbekende soort wijziging '{ $soort }'.
    .hint = Gebruik nieuw, hernoemd, verplaatst, geschrapt, gesplitst, samengevoegd of hergecodeerd.
l002-project-id = Het project-id '{ $id }' { $waarom }.
    .hint = Het project-id geeft de uitvoerbestanden hun naam: kleine letters, cijfers en koppeltekens, zoals gelijke-kansen.
project-id-empty = is leeg
project-id-long = is langer dan 64 tekens
project-id-chars = mag alleen kleine letters a-z, cijfers en koppeltekens bevatten
project-id-hyphen = mag niet met een koppelteken beginnen of eindigen
l001-entry-id = Deze regel heeft `{ $sleutel }:` nodig, met het id van het element.

## T001: texts

t001-folder = De map met teksten kan niet worden gelezen: { $fout }
    .hint = Geef bbt het recht om de map (en de bestanden erin) te lezen.
t001-utf8 = De tekst is geen geldige UTF-8.
    .hint = Bewaar het bestand als UTF-8.
t001-unreadable = De tekst kan niet worden gelezen: { $fout }
t001-twice = Twee teksten voor '{ $id }'.
    .hint = Houd één bestand per doelstelling.
    .other = de andere

## L005: workspace lists

l005-unreadable = De werkruimtelijst kan niet worden gelezen: { $fout }
l005-utf8 = De werkruimtelijst is geen UTF-8-tekst.

# Teksten: Markdown en bedragen uit de begroting (src/render/markdown.rs, src/render/narrative.rs).
t002-html = HTML-code kan niet in het document getoond worden; ze wordt afgedrukt zoals ze getypt is.
    .hint = Schrijf gewone tekst: HTML-tags worden niet uitgevoerd. Een opmerking die niet afgedrukt mag worden, schrijft u als <!-- … -->.
t002-image = Een afbeelding kan niet in het document getoond worden; ze wordt afgedrukt zoals ze getypt is.
    .hint = De teksten kunnen geen afbeeldingen bevatten; beschrijf wat ze toont in woorden.
t002-footnote = Een voetnoot zonder tekst kan niet in het document getoond worden; ze wordt afgedrukt zoals ze getypt is.
    .hint = Voeg een regel toe met [^label]: en de tekst van de voetnoot.
t002-construct = Deze opmaak kan niet in het document getoond worden; ze wordt afgedrukt zoals ze getypt is.
    .hint = Gebruik alinea's, opsommingen, nadruk, links, citaten, voetnoten of tabellen.
t002-empty-heading = Een titel zonder tekst wordt weggelaten.
    .hint = Schrijf de tekst van de titel na de #.
t006-empty = Een link zonder adres wordt als gewone tekst afgedrukt.
    .hint = Schrijf het adres tussen de haakjes: [tekst](https://…).
t006-target = Het doel van de link '{ $doel }' is geen web- of e-mailadres; de tekst wordt afgedrukt zonder link.
    .hint = Een link mag verwijzen naar een adres dat begint met http://, https:// of mailto:.
t007-heading = Een titel van { $lengte } tekens is te lang om af te drukken (hoogstens { $max }).
    .hint = Kort de titel in en zet de rest in een alinea eronder.
t003-filter-amount = De filter '{ $filter }' werkt op een bedrag uit het werkboek, zoals artikel("SB0-1SFE2AA-WT").bo.vak of een verschil van twee bedragen.
    .hint = Zet de filter achter een bedrag: {"{{"} ise("SG-A").geconsolideerd.bo.vak | miljoen {"}}"}. Een percentage (evolutie_procent) is al tekst.
t003-private-use = De tekst bevat een teken uit het privégebruikgebied dat bbt voor zichzelf reserveert.
    .hint = Verwijder het teken (U+F8F0 of U+F8F1).
t003-include = include, import en extends zijn in een tekst niet toegestaan.
    .hint = Een tekst kan artikel(...), ise(...) en verwijzing(...) gebruiken; docs/writing.md beschrijft ze.
t003-fuel = De uitdrukkingen in deze tekst duren te lang (een lus zonder einde?).
    .hint = Vereenvoudig de uitdrukking.
t003-no-field = { $pad } heeft geen veld '{ $veld }'; wel: { $velden }.
    .hint = Kies een van de velden die er wel zijn; docs/writing.md beschrijft ze.
t003-whole = { $pad } is geen getal maar een geheel van velden; kies er een: { $velden }.
t003-undefined = '{ $naam }' bestaat niet in een tekst.
t003-functions = Een tekst kan artikel("…"), ise("…") en verwijzing("…") gebruiken, bijvoorbeeld {"{{"} artikel("SB0-1SFE2AA-WT").bo.vak {"}}"}; docs/writing.md beschrijft ze.
t003-unknown-function = De functie '{ $naam }' bestaat niet.
t003-unknown-filter = '{ $naam }' gebruikt een filter, test of methode die niet bestaat.
t003-syntax = Deze uitdrukking is niet juist geschreven.
    .hint = Een bedrag uit de begroting staat tussen {"{{"} en {"}}"}, bijvoorbeeld {"{{"} ise("SG-A").geconsolideerd.bo.vak {"}}"}; controleer de haakjes en aanhalingstekens.
t003-other = Deze uitdrukking kan niet uitgerekend worden.
t003-unquoted = In '{ $naam }' staat het id of de code niet tussen aanhalingstekens.
    .hint = Zet het tussen aanhalingstekens: {"{{"} { $voorbeeld } {"}}"}
t003-missing-argument = Hier ontbreekt de code of het id tussen de haakjes.
    .hint = artikel, ise en verwijzing nemen elk één code of id tussen aanhalingstekens, bijvoorbeeld verwijzing("od-nederlands").
t003-too-many = Hier staat meer dan één code of id tussen de haakjes.
t003-text-and-number = Deze uitdrukking rekent met een tekst en een getal samen.
t003-not-numbers = Deze uitdrukking rekent met iets dat geen getal is.
t003-divide-by-zero = Deze uitdrukking deelt door nul.
    .hint = Het bedrag waardoor gedeeld wordt is 0 in het werkboek; kies een ander bedrag of schrijf de zin zonder deling.
t003-no-article = Er is geen artikel { $naam } in het werkboek.
    .hint = Gebruik de code van een artikel uit het werkboek (kolom Artikel): { $codes }.
t003-no-ise = Er is geen ISE { $naam } in de structuur van dit jaar.
t004 = '{ $naam }' is geen SD, OD, hoofdstuk of bijlage van het document van dit jaar.
    .hint = Verwijs met het id van een element van de structuur, zoals verwijzing("{ $voorbeeld }"); de id's van dit jaar: { $ids }.

# De indieningscontrole (src/check/gate.rs): waarschuwingen in een ontwerp, fouten in een ingediend document.
s014 = Deze tekst is overgenomen uit het vorige jaar en nog niet herzien.
    .hint = Herzie de tekst voor { $jaar } en verwijder daarna de eerste regel (<!-- bbt: overgenomen uit … -->).
s014-prestaties = De indicatoren in prestaties.yaml zijn overgenomen uit het vorige jaar en nog niet herzien.
    .hint = Werk de indicatoren en hun waarden bij voor { $jaar } en verwijder daarna de eerste regel (# bbt: overgenomen uit …).
s015-yaml = '{ $waarde }' is een voorbeeldwaarde van bbt init die nog ingevuld moet worden.
    .hint = Vervang de waarde door de echte.
s015-text = Deze tekst is nog de voorbeeldtekst van bbt init.
    .hint = Schrijf de tekst in de plaats van de zin die met 'Schrijf hier' begint.
s016 = OD { $od } staat onder SD { $sd }, maar haar nummer hoort bij een andere SD.
    .hint = Geef de OD een nummer dat begint met { $sd }. (in de beleidsnota of bij haar wijziging in bbt.yaml), of zet ze onder de juiste SD.
s017 = De waarden van '{ $indicator }' voor { $jaren } worden niet gedrukt: de prestatie-informatie van ISE { $ise } toont de laatste { $max } jaren.
    .hint = Laat oudere jaren weg uit de reeks, of houd de reeksen van de indicatoren van deze ISE binnen dezelfde { $max } jaren.
b010 = ISE { $ise } is vermeld als zonder kredieten, maar heeft { $aantal ->
        [one] een artikel
       *[other] { $aantal } artikelen
    } in het werkboek.
    .hint = Verwijder zonder_kredieten bij deze ISE in bbt.yaml, of verplaats de artikelen naar de juiste ISE.
w011-many = { $aantal } formules hebben geen berekende waarde ({ $cellen }).
w006-text-inputs = Waarschijnlijk komt de foutwaarde van tekst in een cel die de formule gebruikt: { $cellen }. Typ daar een getal.
w004-computed-from = Deze cel wordt berekend; verbeter het bedrag in de cel die de formule gebruikt: { $cellen }. Bedragen zijn gehele getallen.
s012-typo = Hernoem het bestand naar { $bestand }: zo heet de tekst van het element dat er nog geen heeft.
s011-typo = { $soort } { $nummer } heeft geen tekst: het bestand { $id }.md hoort bij geen element en lijkt ervoor bedoeld.
s012-not-md = Het bestand '{ $bestand }' wordt niet gelezen: een tekst is een bestand dat op .md eindigt.
    .hint = Hernoem het naar { $naam } (in Kladblok: kies bij het opslaan 'Alle bestanden' en typ de naam met .md).
b011 = Het werkboek is nog niet ingevuld: de eindstand van alle { $aantal } artikelen is 0.
    .hint = Vul de bedragen in het werkboek in (docs/workbook.md); een document met een leeg werkboek kan niet ingediend worden.
y001-typo = Artikel { $code } van { $vorig } staat niet in het werkboek van dit jaar, maar { $nieuw } wel, en dat is nieuw: een tikfout?
    .hint = Verbeter de code naar { $code }; heeft het artikel echt een nieuwe code, vermeld dan {"{"} soort: hergecodeerd, van: [{ $code }], naar: [{ $nieuw }], reden: ... {"}"}
l007 = Dit project heeft hetzelfde id '{ $id }' als het project in { $ander }.
    .first = hier hetzelfde id
    .hint = Het id bepaalt de naam van de pdf ({ $pdf }): twee projecten met hetzelfde id zouden elkaars pdf overschrijven. Geef een van beide een ander id in beleidsnota.yaml, bijvoorbeeld naar de bevoegdheid van de minister.
l001-tab-column = Begin de regel met spaties in plaats van de tab: waarschijnlijk { $spaties } spaties, zodat `{ $sleutel }` in kolom { $kolom } begint.
t003-deeper = Hier ontbreekt een stap: bedoelde u { $naam }? Ook mogelijk: { $andere }.
t003-ise-totaal = Een ISE heeft een tabel per entiteitsgroep, dus zeg welk totaal u bedoelt: { $geconsolideerd } (alle entiteiten samen, een dotatie één keer geteld) of { $mvg } (de tabel MVG excl. DAB). Een rechtspersoon of DAB met eigen artikelen in het ISE heeft een veld met haar code.
w007-kind = Artikel { $code }: het 5de teken is een letter (O of I); daar staat 1 (uitgave), 0 (ontvangst) of A (rechtspersoon).
look-alike = In { $getypt } staat een letter (O, I of l) waar een cijfer (0 of 1) hoort: schrijf { $bedoeld }.
l001-tab-none = Verwijder de tab: `{ $sleutel }` begint in kolom 1.
l001-indent-top = De sleutels op het hoogste niveau (zoals id: en titel:) beginnen in kolom 1, zonder spaties ervoor.
l001-tab-here = Ongeldige YAML: op deze regel staat een tab; YAML kent alleen spaties.
l001-tab-blank = De regel lijkt leeg, maar bevat een tab: maak hem helemaal leeg.
l001-tab-space = Vervang de tab door een spatie (na `-` en na `:` staat een spatie).
t003-curly = Gebruik rechte aanhalingstekens: artikel("SB0-1SFE2AA-WT"), niet “…” of ‘…’ (een tekstverwerker zet ze soms om).
s012-beside = Bedoelde u { $bestand }? Die tekst bestaat al: neem over wat u in dit bestand schreef en verwijder het dan.
h001 = OD { $od } noemt het thema '{ $thema }', maar dat thema staat niet in het horizontale plan ({ $plan }).
    .hint = De thema's van het plan: { $themas }. Schrijf het thema zoals het plan het noemt (hoofdletters tellen niet), of voeg het thema toe aan { $plan } als het er echt bij hoort.
h001-plan = Actie { $actie } hoort bij het thema '{ $thema }', maar dat thema staat niet in dit plan.
    .hint = De thema's van het plan: { $themas }. Schrijf bij `thema` een van die thema's, of voeg het thema toe onder `themas`.
h002 = OD { $od } neemt de actie '{ $actie }' op, maar die actie staat niet in het horizontale plan ({ $plan }).
    .hint = De acties van het plan: { $acties }. Schrijf bij `acties` het id van de actie zoals het plan het noemt.
h002-none =
    .hint = Het plan { $plan } heeft geen acties. Laat `acties` weg bij deze OD, of voeg de actie toe aan het plan.
h003 = { $soort ->
        [thema] Het thema
       *[actie] De actie
    } '{ $id }' staat twee keer in het horizontale plan.
    .first = hier de eerste keer
    .hint = Elk thema en elke actie heeft een eigen id: de OD's verwijzen ernaar. Geef een van beide een ander id, of voeg ze samen.
h004 = Geen enkel beleidsdomein neemt actie { $actie } ({ $titel }) op.
    .hint = Een OD neemt een actie op met `acties: [{ $actie }]` in de beleidsnota of in bbt.yaml. Staat de actie niet meer op de agenda, haal ze dan uit het plan.
h005 = Geen enkele OD draagt bij aan het thema '{ $thema }'.
    .hint = Een OD draagt bij met `themas: [{ $thema }]` in de beleidsnota of in bbt.yaml. Zonder bijdrage toont het overzicht het thema leeg.
h006 = OD { $od } neemt actie { $actie } op, die bij het thema '{ $thema }' hoort, maar noemt dat thema niet.
    .hint = Voeg '{ $thema }' toe aan de `themas` van deze OD: alleen dan telt ze mee onder dat thema in het horizontale overzicht.
