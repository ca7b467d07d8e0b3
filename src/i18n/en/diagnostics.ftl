# Diagnostics in English (`--lang en`, `BBT_LANG=en`): the same ids,
# attributes and arguments as nl/diagnostics.ftl.

## Shared

baseline-beleidsnota = the beleidsnota
hint-declare = if intended, declare it in bbt.yaml under wijzigingen: { $yaml }
first-here = first here
known-ises = known ISEs: { $list }

## L002: values

l002-year = { $jaar } is not a plausible budget year
    .hint = e.g. 2025
l002-letter = '{ $letter }' is not a stuk letter
    .hint = write the letter parliament gave the stuk, e.g. letter: A
l002-letter-draft = '{ $letter }' is not a stuk letter yet; the title page prints it as typed
l002-id = '{ $id }' is not a usable id
    .hint = ids are short words joined by hyphens, like od-inburgering-traject

## S: structure

s001 = the id '{ $id }' is used twice
    .hint = every beleidsveld, ISE, SD and OD needs an id of its own
    .first = first used here
s002 = OD { $nummer } refers to the unknown ISE '{ $ise }'
s004 = the { $soort } '{ $id }' is new against { $basis }, but the change is not declared
s005 = the { $soort } '{ $id }' has { $veld } '{ $nieuw }' where { $basis } has '{ $oud }', but the change is not declared
s006-parent = the { $soort } '{ $id }' stands under '{ $nieuw }' where { $basis } has it under '{ $oud }', but the change is not declared
s006-ise = the { $soort } '{ $id }' stands in the ISE '{ $nieuw }' where { $basis } has it in the ISE '{ $oud }', but the change is not declared
s008 = the { $soort } '{ $id }' stands where { $basis } has '{ $verwacht }'
    .hint = keep the order of { $basis }: { $volgorde }
s007 = the { $soort } '{ $id }' ({ $label }) of { $basis } is missing from this year's structure, but its removal is not declared
    .hint = restore the { $soort } '{ $id }' in structuur, or if intended, declare its removal in bbt.yaml under wijzigingen: { $yaml }
s009-no-reason = the change '{ $soort }' gives no reason
    .hint = write why under reden:
s009-single = a change '{ $soort }' names one element: element: <id or article code>
s009-single-not-van-naar = a change '{ $soort }' names its element with element:, not van:/naar:
s009-unknown = the change '{ $soort }' names '{ $id }', which is not an element of { $basis } or of this year
s009-van-naar-not-single = a change '{ $soort }' names van: and naar:, not element:
s009-shape-split = a change '{ $soort }' has one element in van: and two or more in naar:
s009-shape-merge = a change '{ $soort }' has two or more elements in van: and one in naar:
s009-shape-recode = a change '{ $soort }' has one article code in van: and one in naar:
s009-recode-old = the recoded article '{ $code }' is not in { $vorig }
s009-recode-new = the recoded article '{ $code }' is not in this year's workbook
s009-van = '{ $id }' under van: is not an element of { $basis }
s009-naar = '{ $id }' under naar: is not an element of this year's structure
s009-kinds = a change '{ $soort }' joins elements of different kinds
s010 = the change '{ $soort }' of '{ $id }' did not happen
    .hint = remove the entry, or make the change it declares
s003-unknown = the { $soort } '{ $id }' is not in { $basis }
s003-other-kind = '{ $id }' is a { $ander } there
s003-new = for a new { $soort }, give { $velden } here and declare it (soort: nieuw)
s003-meant-here = '{ $id }' is written here
s003-typo-there = if the typo is in the beleidsnota, change the id there to '{ $id }': it holds for the whole term
s011-empty = the text of { $soort } { $nummer } is empty (headings and comments do not count)
    .hint = write this year's policy text for the objective
s011-missing = { $soort } { $nummer } ('{ $id }') has no text
    .hint = write it in tekst/{ $id }.md
s011-intro-missing = the document has no introduction: tekst/inleiding.md is missing
    .hint = write the document's introduction (chapter I) in tekst/inleiding.md; a draft may lack it, a filed document may not
s011-intro-empty = the introduction (tekst/inleiding.md) is empty
    .hint = write the document's introduction (chapter I) in tekst/inleiding.md; a draft may lack it, a filed document may not
s001-part = the id '{ $id }' is used twice
    .hint = each chapter and appendix in bbt.yaml has an id of its own, other than the ids of the beleidsvelden, ISEs, SDs and ODs: the id names its text
s011-part-missing = the part '{ $titel }' has no text: tekst/{ $id }.md is missing
    .hint = write the text in tekst/{ $id }.md
s011-part-empty = the text of the part '{ $titel }' is empty (headings and comments do not count)
    .hint = write the text of this part, or take it out of hoofdstukken or bijlagen in bbt.yaml
s012 = the text '{ $id }.md' belongs to no ISE, SD or OD of this year
    .hint = name the file after the id of an ISE, SD or OD (the id plus .md), or remove it
s013 = the indicator '{ $indicator }' belongs to '{ $od }', which is no OD of this year
    .hint = name the OD by its id, as in the year's structuur
s013-ise = the indicator '{ $indicator }' belongs to ISE '{ $ise }', which is no ISE of this year
    .hint = name the ISE by its code (such as SG-A) or its id, as in the year's structure

## B: figures

b001 = article { $code } is in the ISE '{ $ise }', which the beleidsnota does not know
b002 = article { $code } appears twice
    .hint = every article has one row; add its figures together or remove one row
b002-outturn = article { $code } appears twice on sheet Uitvoering
    .hint = every article has one row; add its figures together or remove one row
b001-outturn = article { $code } on sheet Uitvoering is in the ISE '{ $ise }', which this year's structure does not know
    .hint = the outturn is shown per ISE of this year: enter the ISE the article belongs to now
b003 = { $krediet } of { $code }: { $van } + index + compensaties + andere bijstellingen = { $verwacht }, but { $naar } says { $werkelijk }
    .hint = the difference is { $verschil }; correct one of the bijstellingen or { $naar }
b005-entity = article { $code }: the code belongs to entity { $code_entiteit }, but the row says { $entiteit }
    .hint = the first three characters of the code are the entity
b005-unknown-entity = article { $code }: the entity { $entiteit } is not one of the beleidsnota's entities
    .hint = add it under entiteiten: in beleidsnota.yaml, or correct the code
b005-ise = article { $code }: the code points to ISE { $code_ise }, but the row puts it in { $ise }
    .hint = correct the ISE, recode the article (soort: hergecodeerd), or declare it moved: { $yaml }
b005-kind = article { $code }: '{ $teken }' is not a credit kind
    .hint = the 9th character is 2 (split credits), 4 (variable) or 5 (correlative)
b006-no-receiver = article { $code } is a dotation (IS) without a receiving entity
    .hint = fill in the column Ontvanger with the code of the entity that receives it (e.g. SI0)
b006-unknown-receiver = article { $code } goes to entity { $ontvanger }, which the beleidsnota does not list
    .hint = add the entity under entiteiten: in beleidsnota.yaml, or correct Ontvanger
b006-not-is = article { $code } names a receiving entity ({ $ontvanger }) but is not a dotation (IS)
    .hint = only IS articles have an Ontvanger; clear the cell
b006-mvg-receiver = article { $code } is a dotation to { $ontvanger }, but { $ontvanger } is of the type { $soort }, part of the ministry itself (MVG)
    .hint = a dotation goes to an entity with a budget of its own: a Vlaamse rechtspersoon (soort: eva) or a DAB (soort: dab). If the receiver is right, correct the entity's soort in beleidsnota.yaml; otherwise the article is not a dotation (not IS) or the Ontvanger is wrong
    .related = the soort of { $ontvanger } is given here
b006-own-receiver = article { $code } is a dotation from { $ontvanger } to itself
    .hint = a dotation goes to another entity, with a budget of its own: fill in that entity in the column Ontvanger (e.g. SI0)
b012 = article { $code } has '{ $teken }' in fifth position, but the beleidsnota gives { $entiteit } the type { $soort }: that takes '{ $verwacht }'
    .hint = the expenditure articles of a Vlaamse rechtspersoon (a budget of its own) have an A in fifth position (GH0-AGGF2RD-WT), those of the departement and the IVAs a 1 (SB0-1SFE2AA-WT). If the code is right, correct the entity's soort in beleidsnota.yaml; if the soort is right, correct the code and declare the recoding in bbt.yaml if the article existed before
    .related = the soort of { $entiteit } is given here
b013 = according to its Doelstellingen column, article { $code } serves '{ $naam }', but the document has no operational objective with that number or id
    .hint = write the OD's number as the document prints it (e.g. 2.1) or its id from the beleidsnota; separate several with a semicolon. This year's ODs: { $lijst }
b014 = article { $code } belongs to ISE { $ise }, but its Doelstellingen column names OD { $od }, which is clustered under ISE { $od_ise }
    .hint = an article serves the objectives of its own ISE. Correct the OD's number, or the article's ISE
    .related = the ISE of OD { $od } is given here
b004 = the ISE { $ise } ({ $naam }) has no articles in the workbook
    .hint = add its articles, or say why in bbt.yaml: { $yaml }
b007-no-ise = the total row '{ $label }' names no ISE of the year
    .hint = write 'Totaal' for the whole sheet or 'Totaal SF-A' for one ISE
b007 = { $label }: the typed { $wat } is { $getypt }, the articles add up to { $berekend }
    .hint = correct the total, or leave it out: bbt computes every total itself
b008 = the compensaties of this document net to { $vak } (VAK) and { $vek } (VEK)
    .hint = compensaties move money between articles; over the whole budget they net to zero
b015 = article { $code } is also in the workbook of the project in { $ander }
    .hint = every budget article belongs to one minister's budget: take it out of the workbook of the project it does not belong to. Otherwise its credits count twice in every total over the projects, such as the horizontal overview
b009 = over these { $aantal } projects the compensaties net to { $vak } (VAK) and { $vek } (VEK), not zero
    .hint = per project (VAK / VEK): { $per }

## Y: against the previous document

y001 = article { $code } of { $vorig } is not in this year's workbook
    .hint = if it has a new code, declare {"{"} soort: hergecodeerd, van: [{ $code }], naar: [<new code>], reden: ... {"}"}; if it is gone, {"{"} soort: geschrapt, element: { $code }, reden: ... {"}"}
y003 = article { $code } is new against { $vorig }
y002 = { $krediet } { $stand } of { $code } is { $hier } here, but { $daar } in { $vorig }
    .hint = copy the { $eind } figure of { $vorig } into this workbook
    .previous = the previous document's figure

## T: what the PDF can print

t005 = { $teken } is { $waarom ->
        [control] a control character
        [noncharacter] a Unicode noncharacter
       *[no-glyph] a character the document's fonts do not have
    } and cannot be printed{ $meer ->
        [0] {""}
       *[other] {" "}(and { $meer } more)
    }
t005-hint-invisible = remove it: it is invisible in most editors (a workbook may show it as _x001B_); retype the text around it if need be
t005-hint-script = write it another way or leave it out: the document's fonts print Latin, Greek and Cyrillic letters and common symbols, not emoji or scripts such as Chinese or Ethiopic
t007-word = a word of { $lengte } characters without a space is too long to print (at most { $max })
    .hint = break it up with spaces, or leave it out
t007-title = a title of { $lengte } characters is too long to print (at most { $max })
    .hint = shorten it: titles go into the PDF's bookmarks and tags whole

## L: loading the inputs

io-not-found = the file or folder does not exist
io-permission = permission denied
io-exists = a file of that name already exists
io-not-a-folder = part of the path is a file, not a folder
io-is-a-folder = this is a folder, not a file
io-folder-not-empty = the folder is not empty
io-full = the disk is full
io-read-only = the disk is read-only
io-invalid-name = the name is not valid on this system
io-busy = the file is in use by another program
io-too-large = the file is too large for this system
io-other = { $fout }
l006 = this is a link to { $doel }, outside the project
    .hint = copy the file into the project instead of linking to it
l003-folder = this is a folder, where bbt expects a file
    .hint = replace it with the file itself
l003-special = this is not an ordinary file (a pipe or a device), where bbt expects a file
    .hint = replace it with the file itself
l001-utf8 = the file is not valid UTF-8
    .hint = save the file as UTF-8
l003-missing = the file does not exist
l003-unreadable = cannot read the file: { $reden }
l004-chain = { $document } cannot be read: { $reden }
    .hint = run `bbt check { $project } --year { $jaar } --phase { $fase }` and fix it first
l004-unknown-element = the { $soort } '{ $id }' is not known
l003-no-phase = the project has no document for the { $naam } (phase '{ $fase }') yet
    .hint = a document lives in <jaar>/{ $fase }/bbt.yaml
l003-no-year = the project has no document for the { $naam } { $jaar } (the folder { $jaar }/{ $fase })
l003-no-year-none = the project has no document for the { $naam } (phase '{ $fase }') yet
l003-no-year-list = this project has a document for the { $naam } in: { $jaren }
l002-folder = bbt.yaml says { $fase } { $jaar } but lies in the folder for { $map_fase } { $map_jaar }
    .hint = the folder <jaar>/<fase>/ and the file must agree
l004 = the previous document cannot be read: { $reden }
    .hint = check that document first, or name another with --previous

## W: the workbook

w001-damaged = cannot read the workbook: it is damaged
    .hint = open it in Excel or LibreOffice and save it again as .xlsx or .ods
w001-password = the workbook is password-protected
    .hint = save a copy without a password (File > Save As, without encryption) and use that
w001-io = cannot read the workbook: { $fout }
w001-technical = technical detail, for whoever examines the file: { $fout }
w001-unreadable = cannot read the workbook: it is damaged, or not an Excel or LibreOffice workbook
    .hint = save it from Excel or LibreOffice as .xlsx, .xlsm, .xlsb, .xls or .ods
w001-sheet = cannot read sheet '{ $blad }': it is damaged
w001-none = the document has no budget workbook
    .hint = put the figures in begroting.xlsx (or .xlsm, .xlsb, .xls, .ods) in this folder
w001-many = the document has { $aantal } budget workbooks; keep exactly one
    .hint = found: { $lijst }
w002 = the workbook has no sheet '{ $blad }'
    .hint = sheets found: { $lijst }
w003-header = sheet '{ $blad }' has no header row with a column 'Artikel'
    .hint = the header row names the columns; see docs/workbook.md
w003 = sheet '{ $blad }' lacks the { $aantal ->
        [one] column
       *[other] columns
    } { $kolommen }
    .hint = columns found in row { $rij }: { $lijst }
w013 = sheet '{ $blad }' has the column '{ $kolom }' twice
    .hint = keep one column of each name: delete or rename the other
w005-empty = '{ $kolom }' is empty
    .hint = every article row needs its { $kolom }; see docs/workbook.md
w005-not-text = '{ $kolom }' must be text, found { $gevonden }
w006 = '{ $kolom }' holds the error value { $fout }
w006-amount = '{ $kolom }' holds the error value { $fout }
    .hint = fix the formula that produces it
w011-empty = the formula in '{ $kolom }' ({ $formule }) has no computed value
    .hint = the workbook was saved by a program that does not compute formulas: open it in Excel or LibreOffice, let it recalculate, and save it
w011-zero = the formula in '{ $kolom }' ({ $formule }) stores the result 0, but its cells add up to { $som }
w004-beyond = '{ $kolom }' is { $waarde }, beyond any budget
    .hint = amounts are whole numbers in { $eenheid } (the unit in bbt.yaml)
w004-text = '{ $kolom }' is the text "{ $tekst }", { $waarom }
    .hint = type a whole number in { $eenheid }, like 1234 or -4917
w004-invalid = '{ $kolom }' { $waarom }
    .hint = amounts are whole numbers in { $eenheid } (the unit in bbt.yaml)
w004-why-not-number = which is not a number
w004-why-ambiguous = which is ambiguous: 1,234 is a thousand and more in English but not in Dutch
w004-why-not-whole = which is not a whole number
w004-why-mixed = which mixes separators
w004-is-not-finite = is not a finite number ({ $getal })
w004-is-not-whole = is { $getal }, not a whole number in { $eenheid }
w004-is-beyond = is { $getal }, beyond any budget
w004-must-be-number = must be a number, found { $gevonden }
w009 = '{ $kolom }' is the text "{ $tekst }", read as the number { $getal }
    .hint = type amounts as numbers: a spreadsheet may add this text up differently (in an English setting "1.850" is 1,85) or leave it out of its sums
w007 = '{ $tekst }' is not a budget article code: { $waarom }
    .hint = a code reads entity-kind programma minister credit-kind ISE-letter sequence-letter-ESR, like SB0-1SFE2AA-WT
w007-parts = expected three parts separated by '-', like SB0-1SFE2AA-WT
w007-entity = entity part '{ $deel }' must be three capitals or digits, like SB0
w007-middle = middle part '{ $deel }' must be seven capitals or digits, like 1SFE2AA
w007-esr = unknown ESR aggregate '{ $deel }' (WT, LO, PR, IS, LE or PA)
w007-sheet-revenue = article { $code } is a revenue article (5th character 0) but stands on sheet '{ $blad }'
    .hint = expenditure articles go on 'Uitgaven', revenue articles on 'Ontvangsten'
w007-sheet-expenditure = article { $code } is an expenditure article but stands on sheet '{ $blad }'
    .hint = expenditure articles go on 'Uitgaven', revenue articles on 'Ontvangsten'
w007-outturn-revenue = article { $code } is a revenue article (5th character 0); sheet '{ $blad }' shows the outturn of expenditure articles only
    .hint = leave revenue articles off this sheet
w007-esr-column = the ESR column says { $getypt }, but the code { $code } ends in { $esr }
    .hint = the ESR aggregate is the code's last part; correct the code or the column
w010 = '{ $kolom }' is { $bedrag }: a credit cannot be negative
    .hint = only index, compensaties and bijstellingen may be negative
w010-revenue = '{ $kolom }' is { $bedrag }: an estimated revenue cannot be negative
    .hint = enter the expected revenue, 0 or more; a repayment by the government is expenditure
w010-outturn = '{ $kolom }' is { $bedrag }: a credit cannot be negative
    .hint = copy the BA and the BA-JR as the outturn account shows them, 0 or more; only the BU may be negative
w008-revenue = { $code } is a revenue article; itemised lines are for expenditure articles
    .hint = explain revenue in the article's korte inhoud
found-number = the number { $getal }
found-text = the text "{ $tekst }"
found-logical = the logical value { $waarde ->
        [true] TRUE
       *[false] FALSE
    }
found-date = a date
found-duration = a duration
found-error = the error value { $fout }
found-empty = an empty cell
w004-why-not-grouped = whose digits are not grouped by three
w004-why-too-large = which is too large
w008 = toelichting for { $code }, which is on neither 'Uitgaven' nor 'Ontvangsten'
w012-file = the file is { $mb } MB, more than bbt reads ({ $max } MB at most)
    .hint = a budget's workbook is a few megabytes: save the figures alone in a new workbook
w012-unpacked = the workbook unpacks to { $mb } MB, more than bbt reads ({ $max } MB at most)
w012 = sheet '{ $blad }' uses cells up to { $cel }, more than bbt reads ({ $max } cells at most)
    .hint = clear the stray cells far below or to the right of the data (select them, delete, save)
w001-broken = cannot read the workbook: { $fout }
    .hint = open it in Excel or LibreOffice and save it again
w001-sector-loop = a chain of sectors in the file loops back on itself
w001-cells-reversed = sheet '{ $blad }' says its cells end before they start

## L001: YAML

l001-empty = the file is empty
    .hint = docs/inputs.md shows what the file holds
l001-control = invalid YAML: the control character U+{ $code } is not allowed
    .hint = delete it: an editor may show it as { $caret }a box, or not at all
l001-colon = invalid YAML: a colon is not allowed here
l001-yaml = invalid YAML here (the YAML reader says: “{ $fout }”)
l001-indent-wrong = invalid YAML: the indentation of this line does not fit the lines above
l001-reserved = invalid YAML: a value may not start with `{ $teken }` unless it is in quotes
l001-quote = put the whole value in single quotes ('…'); a ' inside the text is then written twice ('')
l001-quote-it = put the whole value in single quotes: { $regel }
l001-quote-open = invalid YAML: the quoted text that starts here is not closed
    .hint = close the text with the same quote it starts with, on the same line
l001-after-quote = invalid YAML: text follows the closing quote
l001-escape = invalid YAML: inside double quotes a backslash (\) starts a special character, and this one does not exist
    .hint = put the value in single quotes ('…'): in them a backslash is an ordinary character
l001-flow-open = invalid YAML: the list that starts here with [ or { "{" } is not closed
    .hint = close it on the same line with ] or { "}" }, for example: themas: [gender, handicap]
l001-no-colon = invalid YAML: the colon after the key is missing on this line
    .hint = write the key, a colon and a space before the value, for example: titel: My title
l001-dash = invalid YAML: a space belongs after the dash of a list item
    .hint = write: { $regel }
l001-no-value = invalid YAML: a value is missing here
l001-too-deep = invalid YAML: the values are nested too deeply here
l001-colon-in-value = if the text holds a colon, put the whole value in quotes: { $sleutel }: "{ $waarde }"
l001-indent = check the indentation: keys of one level start in the same column, indented with spaces
l001-tab = invalid YAML: a tab indents here; YAML indents with spaces only
    .hint = replace the tab with spaces (two per level, for example)
l001-second-document = invalid YAML: a second YAML document starts here
    .hint = a file holds one document: remove this `---` line, or move what follows it to a file of its own
l001-aliases = invalid YAML: the aliases expand to too many values
l001-aliases-bytes = invalid YAML: the aliases expand to more than { $mib } MiB of text
    .hint = write the values out where they are needed, or repeat a large value less often
l001-key-twice = invalid YAML: the key `{ $sleutel }` appears twice here (first on line { $regel })
l001-unknown-field = unknown field `{ $veld }`, expected one of { $lijst }
    .hint = check the spelling; docs/inputs.md lists every key
l001-missing-field = missing field `{ $veld }`
    .hint = docs/inputs.md shows what the file holds
l001-duplicate-field = duplicate field `{ $veld }`
l001-invalid-type = invalid type: { $gevonden }, expected { $verwacht }
l001-expected-mapping = expected a mapping with the keys { $lijst }
l001-keys-words = keys must be words
l001-expected-text = expected text
l001-expected-text-number = expected text, found the number { $getal }
    .hint = write it in quotes: "{ $getal }"
l001-expected-list = expected a list
    .hint = put the items between brackets, [a, b], or each on a line of its own starting with '- ', indented one level deeper
    .brackets = put the list between brackets: { $lijst }
yaml-text = a string
yaml-number = an integer
yaml-list = a sequence
yaml-mapping = a mapping
yaml-bool = a boolean
yaml-nothing = nothing

## bbt.yaml values (L002)

l002-phase = unknown phase '{ $fase }'
    .hint = use bo, ba1 or ba2: a BBT is filed with the initial budget and each adjustment, not with the outturn (bu)
l008 = the folder { $jaar }/bu is not a document: a BBT is filed with the initial budget (bo) and each adjustment (ba1, ba2), not with the outturn
    .hint = put the documents in { $jaar }/bo, { $jaar }/ba1 or { $jaar }/ba2 and remove the folder bu or move it out of the project folder. The outturn's figures (BA, BA-JR and BU per article) go on the sheet Uitvoering of the next document's workbook; discuss them in its text
l002-abbreviation = the abbreviation '{ $afkorting }' has no meaning
    .hint = write one abbreviation per line, a colon and its meaning, for example: VDAB: Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding
l002-chapter-id = '{ $id }' cannot be the id of a chapter or appendix
    .hint = give each chapter an id without spaces, e.g. regelgevingsagenda; its text is then tekst/regelgevingsagenda.md. The id 'inleiding' is the introduction's
l002-ministers-none = the document does not say which minister files it
    .hint = write the minister's naam and titel under minister:; for a shared competence, a list under ministers: with a naam and titel for each minister
l002-ministers-both = the document has both minister: and ministers:
l002-indicator-none = the indicator '{ $indicator }' does not say which OD or ISE it belongs to
    .hint = write 'od:' with the OD's id, or 'ise:' with the ISE's code for an indicator of the whole ISE (one of the two)
l002-indicator-both = the indicator '{ $indicator }' has both od: and ise:
l002-indicator-value = the value '{ $waarde }' of the indicator '{ $indicator }' is no text or whole number
    .hint = put the value in quotes, as it is to be printed: "2.410" or "61,5". Without quotes YAML reads 2.410 as the number 2.41
l002-indicator-twice = the indicator '{ $indicator }' has both a value with a year and a series
    .hint = use waarde: with jaar: for one measurement, or reeks: with a value per year (2024: "58"), not both
l002-indicator-year = the value of the indicator '{ $indicator }' has no year
    .hint = write the year of the measurement with the value (jaar: 2025), or give a series with a value per year: reeks: {"{"} 2024: "58", 2025: "60" {"}"}
l002-indicator-empty = the indicator '{ $indicator }' has no value
    .hint = write one measurement as waarde: "64" with jaar: 2025, or several years as reeks: {"{"} 2024: "61", 2025: "64" {"}"}
l002-indicator-shape = the value of the indicator '{ $indicator }' is a list or a map, not text
l002-indicator-when = the year { $jaar } of the indicator '{ $indicator }' is no plausible year
    .hint = write the year with four digits, such as 2025
l002-indicator-target = the indicator '{ $indicator }' has a streefjaar but no streefwaarde
    .hint = write the target (streefwaarde: "75"), or leave out the streefjaar
l002-unit = unknown unit '{ $eenheid }'
    .hint = use 'euro' or 'duizend euro'
l002-date = '{ $datum }' is not a date
    .hint = write dates as YYYY-MM-DD, e.g. 2024-10-24
l002-status = unknown status '{ $status }'
    .hint = use 'ontwerp' for a draft; leave it out once filed
l002-draft-dates = a draft needs an 'ontwerpdatum'
    .hint = write the draft's date under the status: ontwerpdatum: YYYY-MM-DD
l002-filed-dates = a filed document needs 'ingediend_op', the date it was filed
    .hint = write under the status: ingediend_op: YYYY-MM-DD
l002-both-dates = the document has both 'ingediend_op' and 'ontwerpdatum'; it is filed or a draft, not both
    .hint = if it is filed, delete this 'ontwerpdatum' line; if it is still a draft, delete 'ingediend_op' and write status: ontwerp
l002-draft-filed = a draft (status: ontwerp) has no 'ingediend_op'
    .hint = if it is filed, delete 'status: ontwerp' and 'ontwerpdatum'; if it is still a draft, delete this line and write ontwerpdatum: YYYY-MM-DD
l002-draft-status = a document with an 'ontwerpdatum' is a draft, but 'status: ontwerp' is missing
    .hint = write above this line: status: ontwerp; if it is filed, replace this line with ingediend_op: YYYY-MM-DD
l002-no-status = the document does not say whether it is filed or a draft
    .hint = write ingediend_op: YYYY-MM-DD if it is filed, or status: ontwerp and ontwerpdatum: YYYY-MM-DD for a draft
l002-change-kind = unknown kind of change '{ $soort }'
    .hint = use nieuw, hernoemd, verplaatst, geschrapt, gesplitst, samengevoegd or hergecodeerd
l002-project-id = the project id '{ $id }' { $waarom }
    .hint = the project id names the output files: lowercase letters, digits and hyphens, like gelijke-kansen
project-id-empty = is empty
project-id-long = is longer than 64 characters
project-id-chars = may only hold lowercase letters a-z, digits and hyphens
project-id-hyphen = may not start or end with a hyphen
l001-entry-id = this entry needs `{ $sleutel }:` with the element's id

## T001: texts

t001-folder = cannot read the folder of texts: { $fout }
    .hint = give bbt permission to read the folder (and the files in it)
t001-utf8 = the text is not valid UTF-8
    .hint = save the file as UTF-8
t001-unreadable = cannot read the text: { $fout }
t001-twice = two texts for '{ $id }'
    .hint = keep one file per objective
    .other = the other

## L005: workspace lists

l005-unreadable = cannot read the workspace list: { $fout }
l005-utf8 = the workspace list is not UTF-8 text

# Texts: Markdown and live figures (src/render/markdown.rs, src/render/narrative.rs).
t002-html = HTML cannot be shown in the document; it prints as typed.
    .hint = Write plain text: HTML tags are not interpreted. A comment that must not print is written <!-- … -->.
t002-image = An image cannot be shown in the document; it prints as typed.
    .hint = The texts cannot hold images; describe what it shows in words.
t002-footnote = A footnote without a definition cannot be shown in the document; it prints as typed.
    .hint = Add a line with [^label]: and the footnote's text.
t002-construct = This construct cannot be shown in the document; it prints as typed.
    .hint = Use paragraphs, lists, emphasis, links, quotes, footnotes or tables.
t002-empty-heading = An empty heading is left out.
    .hint = Write the heading's text after the #.
t006-empty = A link without a target prints as plain text.
    .hint = Write the address between the brackets: [text](https://…).
t006-target = The link target '{ $doel }' is not a web or mail address; the text prints without a link.
    .hint = A link may go to an address that starts with http://, https:// or mailto:.
t007-heading = A heading of { $lengte } characters is too long to print (at most { $max }).
    .hint = Shorten the heading and put the rest in a paragraph below it.
t003-filter-amount = the filter '{ $filter }' works on an amount from the workbook, such as artikel("SB0-1SFE2AA-WT").bo.vak or the difference of two amounts
    .hint = put the filter after an amount: {"{{"} ise("SG-A").geconsolideerd.bo.vak | miljoen {"}}"}. A percentage (evolutie_procent) is text already
t003-private-use = The text contains a private-use character reserved by bbt.
    .hint = Remove the character (U+F8F0 or U+F8F1).
t003-include = include, import and extends are not allowed in a text.
    .hint = A text can use artikel(...), ise(...) and verwijzing(...); docs/writing.md describes them.
t003-fuel = The expressions in this text take too long (a loop without end?).
    .hint = Simplify the expression.
t003-no-field = { $pad } has no field '{ $veld }'; it has: { $velden }.
    .hint = Choose one of the fields it has; docs/writing.md describes them.
t003-whole = { $pad } is not a number but a set of fields; choose one: { $velden }.
t003-undefined = '{ $naam }' does not exist in a text.
t003-functions = A text can use artikel("…"), ise("…") and verwijzing("…"), for example {"{{"} artikel("SB0-1SFE2AA-WT").bo.vak {"}}"}; docs/writing.md describes them.
t003-unknown-function = There is no function '{ $naam }'.
t003-unknown-filter = '{ $naam }' uses a filter, test or method that does not exist.
t003-syntax = This expression is not written correctly.
    .hint = A live figure stands between {"{{"} and {"}}"}, for example {"{{"} ise("SG-A").geconsolideerd.bo.vak {"}}"}; check the brackets and quotes.
t003-other = This expression cannot be evaluated.
t003-unquoted = in '{ $naam }' the id or code is not between quotes
    .hint = put it between quotes: {"{{"} { $voorbeeld } {"}}"}
t003-missing-argument = the code or id between the brackets is missing
    .hint = artikel, ise and verwijzing each take one code or id between quotes, for example verwijzing("od-nederlands")
t003-too-many = more than one code or id stands between the brackets
t003-text-and-number = this expression calculates with a text and a number together
t003-not-numbers = this expression calculates with something that is not a number
t003-divide-by-zero = this expression divides by zero
    .hint = the amount divided by is 0 in the workbook; choose another amount or write the sentence without the division
t003-no-article = There is no article { $naam } in the workbook.
    .hint = Use the code of an article of the workbook (column Artikel): { $codes }.
t003-no-ise = There is no ISE { $naam } in this year's structure.
t004 = '{ $naam }' is no SD, OD, chapter or appendix of this year's document.
    .hint = Refer by the id of an element of the structure, such as verwijzing("{ $voorbeeld }"); this year's ids: { $ids }.

# The filing gate (src/check/gate.rs): warnings in a draft, errors in a filed document.
s014 = This text was carried over from last year and has not been revised.
    .hint = Revise the text for { $jaar }, then delete its first line (<!-- bbt: overgenomen uit … -->).
s014-prestaties = The indicators in prestaties.yaml were carried over from last year and have not been revised.
    .hint = Update the indicators and their values for { $jaar }, then delete the first line (# bbt: overgenomen uit …).
s015-yaml = '{ $waarde }' is an example value of bbt init that is still to be filled in.
    .hint = Replace it with the real value.
s015-text = This text is still the example text of bbt init.
    .hint = Write the text in place of the sentence that starts with 'Schrijf hier'.
s016 = OD { $od } stands under SD { $sd }, but its number belongs to another SD.
    .hint = Give the OD a number that starts with { $sd }. (in the beleidsnota or with its change in bbt.yaml), or put it under the right SD.
s017 = The values of '{ $indicator }' for { $jaren } are not printed: the prestatie-informatie of ISE { $ise } shows the latest { $max } years.
    .hint = Leave older years out of the series, or keep the series of this ISE's indicators within the same { $max } years.
b010 = ISE { $ise } is declared without credits, but has { $aantal ->
        [one] an article
       *[other] { $aantal } articles
    } in the workbook.
    .hint = Remove zonder_kredieten from this ISE in bbt.yaml, or move the articles to the right ISE.
w011-many = { $aantal } formulas have no computed value ({ $cellen }).
w006-text-inputs = The error value most likely comes from text in a cell the formula uses: { $cellen }. Type a number there.
w004-computed-from = this cell is computed; correct the amount in the cell the formula uses: { $cellen }. Amounts are whole numbers.
s012-typo = Rename the file to { $bestand }: that is the name of the text of the element that has none yet.
s011-typo = { $soort } { $nummer } has no text: the file { $id }.md belongs to no element and looks meant for it.
s012-not-md = The file '{ $bestand }' is not read: a text is a file whose name ends in .md.
    .hint = Rename it to { $naam } (in Notepad: choose 'All files' when saving and type the name with .md).
b011 = The workbook has not been filled in: the final figure of all { $aantal } articles is 0.
    .hint = Fill in the amounts in the workbook (docs/workbook.md); a document with an empty workbook cannot be filed.
y001-typo = Article { $code } of { $vorig } is not in this year's workbook, but { $nieuw } is, and it is new: a typo?
    .hint = Correct the code to { $code }; if the article really has a new code, declare {"{"} soort: hergecodeerd, van: [{ $code }], naar: [{ $nieuw }], reden: ... {"}"}
l007 = this project has the same id '{ $id }' as the project in { $ander }
    .first = the same id here
    .hint = the id names the PDF ({ $pdf }): two projects with the same id would overwrite each other's PDF. Give one of them another id in beleidsnota.yaml, for example after the minister's competence
l001-tab-column = start the line with spaces instead of the tab: most likely { $spaties } spaces, so that `{ $sleutel }` starts in column { $kolom }
t003-deeper = a step is missing here: did you mean { $naam }? Also possible: { $andere }
t003-ise-totaal = an ISE has a table per entity group, so say which total you mean: { $geconsolideerd } (all entities together, a dotation counted once) or { $mvg } (the table MVG excl. DAB). A rechtspersoon or DAB with articles of its own in the ISE has a field named by its code
w007-kind = article { $code }: the 5th character is a letter (O or I); it is 1 (expenditure), 0 (revenue) or A (rechtspersoon)
look-alike = { $getypt } has a letter (O, I or l) where a digit (0 or 1) belongs: write { $bedoeld }
l001-tab-none = remove the tab: `{ $sleutel }` starts in column 1
l001-indent-top = the keys at the top level (such as id: and titel:) start in column 1, with no spaces before them
l001-tab-here = invalid YAML: this line holds a tab; YAML knows only spaces
l001-tab-blank = the line looks empty but holds a tab: make it really empty
l001-tab-space = replace the tab with a space (a space follows `-` and `:`)
t003-curly = use straight quotes: artikel("SB0-1SFE2AA-WT"), not “…” or ‘…’ (a word processor may turn them)
s012-beside = did you mean { $bestand }? That text exists already: move what you wrote here into it, then delete this file
h001 = OD { $od } names the theme '{ $thema }', which is not in the horizontal plan ({ $plan })
    .hint = the plan's themes: { $themas }. Write the theme as the plan names it (case does not matter), or add the theme to { $plan } if it belongs there
h001-plan = action { $actie } belongs to the theme '{ $thema }', which is not in this plan
    .hint = the plan's themes: { $themas }. Write one of them under `thema`, or add the theme under `themas`
h002 = OD { $od } takes up the action '{ $actie }', which is not in the horizontal plan ({ $plan })
    .hint = the plan's actions: { $acties }. Write the action's id under `acties` as the plan names it
h002-none =
    .hint = the plan { $plan } has no actions. Leave `acties` out of this OD, or add the action to the plan
h003 = { $soort ->
        [thema] the theme
       *[actie] the action
    } '{ $id }' is in the horizontal plan twice
    .first = the first time here
    .hint = every theme and action has an id of its own: the ODs refer to it. Give one of them another id, or merge them
h004 = no policy domain takes up action { $actie } ({ $titel })
    .hint = an OD takes up an action with `acties: [{ $actie }]` in the beleidsnota or in bbt.yaml. If the action is no longer planned, take it out of the plan
h005 = no OD contributes to the theme '{ $thema }'
    .hint = an OD contributes with `themas: [{ $thema }]` in the beleidsnota or in bbt.yaml. Without a contribution the overview shows the theme empty
h006 = OD { $od } takes up action { $actie }, which belongs to the theme '{ $thema }', but does not name that theme
    .hint = add '{ $thema }' to this OD's `themas`: only then does it count under that theme in the horizontal overview
