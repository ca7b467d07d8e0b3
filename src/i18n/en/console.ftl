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

## Lines of the commands

wrote-pdf = wrote { $pad } ({ $paginas } { $paginas ->
        [one] page
       *[other] pages
    }; { $samenvatting })
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
io-attach = cannot read the files to attach
io-write = cannot write { $pad }
io-write-typst = cannot write the Typst sources
cannot-write-stdout = cannot write to standard output: { $fout }
cannot-write-man = cannot write the manual page: { $fout }
output-folder-help = give another folder with -o, or leave -o out (default: output/)
output-folder-other-help = give another folder with -o
output-is-project = the output folder { $uitvoer } is the project folder itself ({ $project }); bbt never writes among its inputs
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
diff-unreadable = { $map } cannot be read; `bbt check` it first
watch-not-project = { $map } is not a project folder (it holds no { $bestand })
watch-not-project-help = watch one project; render a workspace with `bbt render`
watch-watching = [watch] watching { $mappen }; press Ctrl-C to stop
watch-and = { " " }and{ " " }
watch-changed = [watch] changed: { $lijst }
watch-cycle = [watch] cycle { $nummer }: { $toestand } ({ $ms } ms)
watch-warning = [watch] warning: { $fout }
watch-cannot = cannot watch { $map }: { $fout }
watch-stopped = [watch] stopped
interrupted = interrupted: no output was left half-written
ctrlc-warning = Ctrl-C will stop bbt without waiting for a write to finish: { $fout }
table-project = project
table-document = document
table-pages = pages
table-warnings = warnings
table-errors = errors
table-time = time
workspace-done = { $gerenderd } of { $totaal } rendered, { $paginas } pages in { $tijd } s{ $cpu } ({ $jobs } at a time)
workspace-cpu = , CPU { $tijd } s
watch-rendered = rendered
watch-not-rendered = not rendered; waiting for changes
