# What bbt prints around its diagnostics: severities, the summary line.

severity-error = error
severity-warning = warning
severity-info = info
help = help
summary = { $fouten ->
        [one] 1 error
       *[other] { $fouten } errors
    }, { $waarschuwingen ->
        [one] 1 warning
       *[other] { $waarschuwingen } warnings
    }, { $opmerkingen ->
        [one] 1 note
       *[other] { $opmerkingen } notes
    }


# After the summary of bbt check: whether the document can be filed.
readiness-unknown = Whether the document is ready to file, bbt can say once it can read the files above.
ready-filed = The filed document is complete.
ready-draft = The draft is ready to file; when filing, replace status and ontwerpdatum in bbt.yaml by ingediend_op: <date>.
filed-incomplete = The filed document is not complete: { $n ->
        [one] 1 point has
       *[other] { $n } points have
    } to be resolved ({ $codes }).
not-ready = Not ready to file yet: { $n ->
        [one] 1 point has
       *[other] { $n } points have
    } to be resolved first ({ $codes }).

## Lines of the commands

wrote-pdf = wrote { $pad } ({ $paginas } { $paginas ->
        [one] page
       *[other] pages
    }; { $samenvatting })
wrote-open-data = wrote { $csv } and { $datapackage } (the figures as open data)
horizontal-wrote = wrote { $pad } ({ $paginas } { $paginas ->
        [one] page
       *[other] pages
    }, { $themas } { $themas ->
        [one] theme
       *[other] themes
    }, { $domeinen } { $domeinen ->
        [one] policy domain
       *[other] policy domains
    }; { $samenvatting })
horizontal-plan = horizontal plan: { $pad }
horizontal-no-plan = there is no horizontal plan: the themes are those the ODs name, unchecked. Put the plan as { $bestand } in the workspace folder (or beside the workspace file), or give it with --plan
horizontal-no-pages = { $aantal ->
        [one] for this project there is no PDF with a page index in { $map }: the overview names its document without a page ({ $lijst })
       *[other] for these { $aantal } projects there is no PDF with a page index in { $map }: the overview names their documents without a page ({ $lijst })
    }
horizontal-stale-pages = { $aantal ->
        [one] this project has changed since its PDF in { $map } was made: the pages may have moved, so the overview names its document without a page ({ $lijst })
       *[other] these { $aantal } projects have changed since their PDFs in { $map } were made: the pages may have moved, so the overview names their documents without a page ({ $lijst })
    }
horizontal-pages-help = render the domains' PDFs into the same folder first ({ $opdracht }), then the overview again
horizontal-not-written = no horizontal overview was made: resolve the errors above first
horizontal-no-document = no project of the workspace has a document of the phase { $fase }
horizontal-no-document-help = choose the phase with --phase (bo, ba1, ba2) and the year of the documents with --year
wrote-typ = wrote { $pad } (compile it with { $pad }/compile.sh)
wrote-diff = wrote { $pad } ({ $paginas } { $paginas ->
        [one] page
       *[other] pages
    })
wrote-template = wrote { $pad } ({ $bron })
template-from = { $aantal } articles of { $document }
template-from-none = no articles yet (no earlier document)
template-help = fill it in, save it as { $pad } and run `bbt check { $project } --year { $jaar } --phase { $fase }`
template-no-documents = the project has no documents yet
template-no-documents-help = give the year with --year
template-cannot-make = cannot make the workbook: { $fout }
created = created { $pad }
init-help = fill in the texts and { $werkboek }, then run `bbt render { $project }`
cannot-write = cannot write { $pad }: { $fout }
cannot-read-templates = cannot read the templates in { $map }: { $fout }
io-open-data = could not put the open data (CSV) together
io-attach = cannot read the files to attach
io-write = cannot write { $pad }
io-write-typst = cannot write the Typst sources
cannot-write-stdout = cannot write to standard output: { $fout }
cannot-write-man = cannot write the manual page: { $fout }
output-folder-help = give another folder with -o, or leave -o out (default: output/)
output-folder-other-help = give another folder with -o
output-is-file = the output folder { $uitvoer } cannot be a folder: { $bestand } is a file. -o names a folder; bbt names what it writes there itself
output-is-project = the output folder { $uitvoer } is the project folder itself ({ $project }); bbt never writes among its inputs
output-is-workspace = the output folder { $uitvoer } is the workspace folder itself ({ $map }), which holds the horizontal plan; bbt never writes among its inputs
output-in-year = the output folder { $uitvoer } lies inside a year folder of the project, where its documents and texts are ({ $project }); bbt never writes among its inputs
same-output = { $document } would write { $pdf }, as { $ander } does
same-output-help = every project needs its own id in beleidsnota.yaml
no-project-folder = the project folder { $map } does not exist
unknown-standard = unknown PDF standard '{ $naam }'
unknown-standard-help = use { $lijst }
source-date-epoch-help = set it to the output of `date +%s`, e.g. SOURCE_DATE_EPOCH=1729728000, or unset it
source-date-epoch-not-number = SOURCE_DATE_EPOCH is '{ $waarde }', not a whole number of seconds since 1970-01-01
source-date-epoch-too-late = SOURCE_DATE_EPOCH is '{ $waarde }', after { $max } (9999-12-31), the last date a PDF can hold
typst-label = typst
template-error = template: { $fout }
templates-bug = this is a bug in bbt's bundled templates; please report it
timings-total = total
explain-unknown = no diagnostic has the code '{ $code }'
explain-unknown-help = the codes are { $lijst }
diff-not-document = { $map } is not a document folder
diff-not-document-help = give <project>/<jaar>/<fase>, e.g. inputs/2025/bo
diff-unreadable = { $map } cannot be read; check it first with `bbt check { $project } --year { $jaar } --phase { $fase }`.
watch-not-project = { $map } is not a project folder (it holds no { $bestand })
watch-not-project-help = Watch one project; render a workspace with `bbt render { $map }`.
watch-watching = [watch] watching { $mappen }; press Ctrl-C to stop
watch-and = { " " }and{ " " }
watch-changed = [watch] changed: { $lijst }
watch-cycle = [watch] cycle { $nummer }: { $toestand } ({ $ms } ms)
watch-warning = [watch] warning: { $fout }
watch-cannot = cannot watch { $map }: { $fout }
watch-stopped = [watch] stopped
interrupted = interrupted: no output was left half-written
ctrlc-warning = Ctrl-C will stop bbt without waiting for a write to finish: { $fout }
table-project = folder
table-document = document
table-pages = pages
table-warnings = warnings
table-errors = errors
table-notes = notes
table-time = time
workspace-done = { $gerenderd } of { $totaal } rendered, { $paginas } pages in { $tijd } s{ $cpu } ({ $jobs } at a time)
workspace-cpu = , CPU { $tijd } s
watch-rendered = rendered
watch-not-rendered = not rendered; waiting for changes

# Usage errors of the command line (src/console.rs).
clap-unknown-argument = Unknown argument { $arg }.
clap-suggest = Did you mean { $suggestie }?
clap-invalid-value = { $waarde } is not a valid value for { $arg }.
clap-empty-value = { $arg } needs a value.
clap-valid-values = Possible values: { $lijst }.
clap-value-validation = { $waarde } is not a valid value for { $arg }: { $reden }.
clap-missing = { $arg } is missing.
clap-conflict = { $arg } cannot be used with { $ander }.
clap-value-count = { $arg } has the wrong number of values.
clap-more = More: `{ $opdracht } --help`.
not-a-year = not a year (for example 2027)
not-a-count = not a positive whole number

# bbt init (src/init.rs).
init-not-empty = { $map } is not empty; bbt init never overwrites anything.
init-next-no-bo = The project { $project } has no BO document yet; create one with bbt init.
init-next-draft = the latest BO document ({ $jaar }) is still a draft: bbt init --next starts the following year once it is filed, so that its revised texts are carried over
    .hint = to have { $map } made again, delete that folder first; if { $jaar } is filed, write ingediend_op: YYYY-MM-DD in its bbt.yaml instead of status and ontwerpdatum
init-next-exists = { $map } exists already; bbt init never overwrites anything.
init-unreadable = The project { $project } cannot be read.
init-next-help = Every carried-over text begins with a line `<!-- bbt: overgenomen uit … -->` (prestaties.yaml too, with `# bbt: overgenomen uit …`); delete that line once you have revised the text. `bbt check` shows which are not revised yet; a filed document may have none left.
did-you-mean = Did you mean { $naam }?
opsomming-en-meer = { $lijst } and { $meer } more

# bbt diff (src/diff.rs).
diff-structure = Structure: { $n ->
        [one] 1 change
       *[other] { $n } changes
    }
diff-articles-title = Expenditure articles
diff-ises-title = ISEs (expenditure, consolidated)
diff-revenue-title = Revenue articles
diff-amount-old = old
diff-amount-new = new
diff-reason = reason: { $reden }
diff-followed = { $element } ({ $id }) moves along: { $van } → { $naar }
diff-figures = { $titel }: { $n } with other figures (thousand euro; { $oud } → { $nieuw })
diff-vak-old = VAK old
diff-vak-new = VAK new
diff-vek-old = VEK old
diff-vek-new = VEK new
diff-difference = difference
diff-was = was { $code }
diff-texts = Texts: { $n } changed
diff-text-new = new ({ $n ->
        [one] 1 paragraph
       *[other] { $n } paragraphs
    })
diff-text-gone = removed
diff-text-changed = { $nieuw ->
        [one] 1 paragraph
       *[other] { $nieuw } paragraphs
    } new or changed, { $weg } left out or replaced
watch-delta = [watch] { $nieuw ->
        [one] 1 new diagnostic
       *[other] { $nieuw } new diagnostics
    }, { $opgelost } resolved, { $ongewijzigd } unchanged
clap-twice = { $arg } is given more than once.
template-no-document-help = The project has no document for { $jaar } yet: create it first with `bbt init --next { $project }` (which also puts this workbook in its place).
no-pdf-written = No PDF was written: resolve the errors above first.
stale-pdf = the existing file { $pad } was not updated: it still shows the earlier standing. Do not send it.
no-default-project = There is no { $bestand } in the current folder and no folder inputs with a project.
project-named-like-command = The project folder `{ $naam }` has the name of the command `bbt { $naam }`, and bbt read it so. Write for example `bbt render ./{ $naam }` or `bbt check ./{ $naam }`.
no-default-project-help = Name the project folder, for example `bbt check FOLDER`, or create a project with `bbt init FOLDER`.
inside-project = you are in a folder inside a project. Run `bbt check { $map }` ({ $map } is the project folder), or change to the project folder first.
diff-no-folder = the folder { $map } does not exist

# bbt studio: the console, and the messages the page gets from the server.
studio-started = [studio] open in the browser: { $adres }
studio-stop = [studio] the address holds a key that is yours only; press Ctrl-C to stop the studio
studio-stopped = [studio] stopped
studio-no-browser = [studio] the browser could not be opened: copy the address above into your browser's address bar
studio-not-project-help = Open the studio on one project, for example `bbt studio FOLDER`, or create one with `bbt init FOLDER`.
studio-cannot-start = the studio cannot start: { $fout }
studio-cannot-listen = the studio cannot use port { $poort }: { $fout }
studio-cannot-listen-help = Choose another port with --port, or leave --port out: the computer then picks a free port.
studio-format = bbt studio shows its diagnostics in the browser: --format json does not apply to it
studio-format-help = For the diagnostics as JSON, run `bbt check --format json`.
studio-templates = the templates in { $map } cannot be read: { $fout }
studio-unreadable = The document cannot be read; see the diagnostics.
studio-workbook = Workbook ({ $bestand })
studio-pdf-failed = No PDF made: { $fout }
studio-pdf-invalid = fix the errors in the diagnostics first. A PDF made earlier has not been updated.
studio-template-failed = The templates could not build the document: { $fout }
studio-typst-failed = The document could not be typeset: { $fout }
studio-not-found = This page does not exist in the studio.
studio-forbidden-host = Refused: the studio answers only at the address bbt studio printed (127.0.0.1 or localhost).
studio-forbidden-origin = Refused: this request does not come from the studio's page.
studio-forbidden-token = Refused: open the studio through the whole address with the key (token) bbt studio printed in its window.
studio-page-gone = This page of the preview is no longer current; the new one is in the preview.
studio-no-text = { $id } has no text the studio can edit.
studio-no-article = Article { $code } is not (or no longer) in the document's workbook.
studio-article-moved = The workbook changed since the studio read it: article { $code } is no longer on the same row. Click again once the preview is updated.
studio-workbook-unreadable-now = The workbook cannot be read right now (is it being saved?). Try again in a moment.
studio-text-not-utf8 = This text file is not UTF-8 text; save it as UTF-8 in your editor (diagnostic T001 says where).
studio-text-outside = This text file lies outside the project folder (a link); the studio neither reads nor writes it.
studio-text-io = The text file could not be read or saved: { $fout }
studio-text-too-large = This text is too large to save (over 2 MB).
studio-conflict = The file was changed outside the studio meanwhile. Nothing was overwritten: compare both versions and choose.
studio-bad-request = The studio could not read this request; reload the page (F5) and try again.
studio-panic = bbt itself failed ({ $fout }); your texts are saved. Try again (save, or make the PDF again), and report this to whoever maintains bbt.
studio-internal = The studio could not handle this; try again.
studio-no-pdf = No PDF has been made in this studio yet: use the Make PDF button.
studio-workbook-kind = { $naam } is no workbook bbt reads; use one of these kinds: { $soorten }.
studio-workbook-too-large = This workbook is too large (over 100 MB).
studio-workbook-io = The workbook could not be saved: { $fout }
studio-workbook-gone = This workbook is no longer pending (another was checked meanwhile); drop it on the page again.
studio-timing-cycle = [studio] cycle { $nummer }: { $ms } ms, { $nieuw } of { $paginas } pages typeset anew ({ $fasen })
studio-timing-first = [studio] first page sent { $ms } ms after the start
studio-timing-save = [studio] saved → last changed page sent after { $ms } ms
studio-timing-save-nothing = [studio] saved → no page changed ({ $ms } ms)
