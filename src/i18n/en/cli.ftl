# The command line: --help, the manual page. `cmd-<command>` is a command's
# about (`.long`: its long about), `usage-<command>` its usage line,
# `arg-<command>-<id>` or else `arg-<id>` an argument's help, `value-<id>` the
# name its value is shown with (src/cli.rs).

heading-usage = Usage:
heading-commands = Commands
heading-options = Options
heading-arguments = Arguments

phase-values = use bo, ba1 or ba2 (the outturn, bu, is no document: a BBT is filed with the initial budget and each adjustment)

cmd-bbt = Checks and renders the beleids- en begrotingstoelichting (BBT).
    .long =
        Checks and renders the beleids- en begrotingstoelichting (BBT).

        With no command, renders the project in the current folder (or the bundled sample in ./inputs) to output/. `bbt help COMMAND` or `bbt COMMAND --help` explains a command.

        Exit codes: 0 ok (warnings allowed), 1 the inputs are invalid (or a filed document is not complete), 2 usage, IO or internal failure, 130 interrupted; with several projects, the highest.
usage-bbt = bbt [OPTIONS] [PROJECT]...
    bbt COMMAND [OPTIONS]

cmd-render = Check a document, then render it to PDF in the output folder; given a workspace (a folder of projects, or a file listing them), render every project's document in parallel.
usage-render = bbt render [OPTIONS] [PROJECT]...
cmd-watch = Check and render, then again whenever an input or template changes, until stopped with Ctrl-C. Broken intermediate states are reported and waited out.
usage-watch = bbt watch [OPTIONS] [PROJECT]
cmd-studio = Open the studio: write, check and preview the PDF in the browser, on your own computer. The studio follows the project's files as `watch` does, shows the preview page by page and saves texts into the project. Stop with Ctrl-C.
usage-studio = bbt studio [OPTIONS] [PROJECT]
arg-port = The port on 127.0.0.1 (default: a free port the computer picks).
value-port = PORT
arg-no_open = Do not open the browser; the address is printed in the window.
cmd-check = Check a document: its structure against the beleidsnota, its figures, and whether it is ready to file.
usage-check = bbt check [OPTIONS] [PROJECT]...
cmd-horizontaal = Make the horizontal overview of a workspace: per theme of the horizontal plan (gender, handicap, herkomst, ...) which operational objectives of each policy domain contribute to it and with which credits, as a PDF with open data. Check every project and the workspace against the plan first; with an error nothing is written.
usage-horizontaal = bbt horizontaal [OPTIONS] [WORKSPACE]...
cmd-template = Write a blank budget workbook for a year, structured from the project, to be filled in and saved as <year>/<phase>/begroting.xlsx.
usage-template = bbt template [OPTIONS] [PROJECT]
cmd-init = Create a new project in a folder that checks clean and renders at once; with --next, add the next year's BO document to a project.
usage-init = bbt init [OPTIONS] FOLDER
    bbt init --next [PROJECT]
cmd-diff = Show what changed between two documents (two <year>/<phase> folders): the structure, the texts, and the figures per article and ISE. Exits 0 whether or not they differ.
usage-diff = bbt diff [OPTIONS] OLD NEW
cmd-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell).
usage-completions = bbt completions SHELL
cmd-man = Print the manual page (roff), e.g. `bbt man > bbt.1`.
usage-man = bbt man
cmd-explain = Print the documentation of a diagnostic code (e.g. `bbt explain B003`).
usage-explain = bbt explain CODE

arg-help_short = Print a short help (--help: more detail)
arg-help_long = Print the full help
arg-version = Print the version
arg-lang = The language of bbt's messages: nl (the default) or en; also set by BBT_LANG. The PDF is Dutch either way.
value-lang = LANGUAGE
arg-projects = Project folders (each holding beleidsnota.yaml), workspace folders (whose subfolders are projects) or workspace files (one project folder per line). Default: the current folder if it holds a beleidsnota.yaml, else ./inputs.
value-projects = PROJECT
arg-check-projects = Project folders (each holding beleidsnota.yaml), workspace folders or workspace files, as for `render`. Default: the current folder if it holds a beleidsnota.yaml, else ./inputs. With several projects, the compensaties are also checked to net to zero over all of them.
arg-horizontaal-projects = A workspace folder (the projects as subfolders, and the plan horizontaal.yaml), a workspace file (one project folder per line, with the plan beside it or given with --plan) or project folders. Default: the current folder when it holds a horizontaal.yaml.
value-horizontaal-projects = WORKSPACE
arg-plan = The horizontal plan (a YAML file with the themes and actions). Default: horizontaal.yaml in the workspace folder given or beside the workspace file; without a plan the themes are free labels.
value-plan = FILE
arg-horizontaal-output = The output folder (default: output); the overview is named horizontaal-<year>-<phase>.pdf. When the domains' PDFs (with their page index <project>-<year>-<phase>.paginas.json) are in the same folder, the overview refers to their pages.
arg-horizontaal-year = The budget year. Default: the latest year any project has a document for.
arg-project = The project folder. Default: the current folder if it holds a beleidsnota.yaml, else ./inputs.
value-project = PROJECT
arg-jobs = How many projects to render at once. Default: one per core.
value-jobs = NUMBER
arg-year = The budget year. Default: the latest year present.
value-year = YEAR
arg-template-year = The budget year of the workbook. Default for a BO: the latest BO document's year while it is a draft (just added by bbt init --next, say), else the year after; for a BA: the latest BO document's year.
arg-init-year = The budget year of the first document. Default: the next budget year (the year after this one from 1 July on, else this one).
arg-phase = The phase: bo (the default), ba1 or ba2.
value-phase = PHASE
arg-previous = The previous document to compare with (a <year>/<phase> folder). Default: found by the project layout (BA of the year before, else its BO).
value-previous = FOLDER
arg-format = How to print diagnostics: human (the default: message, place, source line, help) or json (a JSON array on stdout; schema: docs/diagnostics.schema.json).
value-format = FORMAT
arg-timings = Print the time each stage took.
arg-output = The output folder (default: output); the PDF is named <project>-<year>-<phase>.pdf.
value-output = FOLDER
arg-template-output = The output folder (default: output); the file is named begroting-<year>-<phase>.xlsx.
arg-diff-output = Also write the report as a PDF into this folder, named verschillen-<project>-<year>-<phase>-<year>-<phase>.pdf.
arg-templates = Use the templates in this folder instead of the bundled ones (a copy of templates/ to restyle; see docs/templates.md).
value-templates = FOLDER
arg-pdf_standard = The PDF standards to meet, comma-separated: a-2a, a-2b, a-2u, a-3a, a-3b, a-3u, a-1a, a-1b, ua-1, 1.7, 2.0, ... Default: a-2a,ua-1 (a-3a,ua-1 with --attach).
value-pdf_standard = STANDARDS
arg-attach = Attach the source workbook and a JSON export of every figure to the PDF (PDF/A-3), so that readers can verify the numbers.
arg-emit_typ = Also write the generated Typst source, the templates, the fonts and the exact `typst compile` command into <folder>/<name>-typ/.
arg-dir = The new project's folder (must not exist or be empty), or with --next the existing project (default: the current folder if it holds a beleidsnota.yaml, else ./inputs).
value-dir = FOLDER
arg-next = Add <latest year + 1>/bo/ to the project: structure and texts carried over (each text marked as not yet revised), a blank workbook (BA t-1 from a BA document, never BO t-1).
arg-old = The older document's folder, e.g. inputs/2025/bo.
value-old = OLD
arg-new = The newer document's folder, e.g. inputs/2026/bo.
value-new = NEW
arg-shell = The shell: bash, zsh, fish, elvish or powershell.
value-shell = SHELL
arg-code = The code, as printed in brackets: error[B003], or B003.
value-code = CODE
