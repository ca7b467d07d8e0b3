//! `bbt template`: the blank budget workbook for a year.

use bbt::load;
use bbt::model::Fase;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};

use super::{print_diagnostics, project_root};
use crate::cli::{Format, TemplateArgs};
use crate::console::say;

pub fn template(args: &TemplateArgs) -> u8 {
    let phase = args.phase;
    let root = project_root(&args.project);
    let year = match args.year.or_else(|| load::years(&root, Fase::Bo).last().map(|y| y + 1)) {
        Some(y) => y,
        None => {
            say!("error: the project has no documents yet");
            say!("  = help: give the year with --year");
            return FAILURE;
        }
    };
    let basis = match load::template_basis(&root, year, phase) {
        Ok(b) => b,
        Err(diags) => {
            print_diagnostics(&diags, Format::Human);
            return INVALID;
        }
    };
    let bytes = match bbt::workbook_template::write(&basis, year, phase) {
        Ok(b) => b,
        Err(e) => {
            say!("error: cannot make the workbook: {e}");
            return FAILURE;
        }
    };
    if let Err(e) = bbt::output::refuse_input_folder(&args.output, &root) {
        say!("error: {e}");
        say!("  = help: give another folder with -o, or leave -o out (default: output/)");
        return FAILURE;
    }
    let path = args.output.join(bbt::workbook_template::file_name(year, phase));
    if let Err(e) = bbt::output::write_atomic(&path, &bytes) {
        say!("error: cannot write {}: {e}", path.display());
        return FAILURE;
    }
    let from = match &basis.previous {
        Some(p) => format!("{} articles of {}", p.begroting.artikelen.len(), p.naam()),
        None => "no articles yet (no earlier document)".into(),
    };
    say!("wrote {} ({from})", path.display());
    say!(
        "  = help: fill it in, save it as {} and run `bbt check --year {year} --phase {}`",
        load::document_dir(&root, year, phase).join("begroting.xlsx").display(),
        phase.folder()
    );
    OK
}
