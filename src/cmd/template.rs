//! `bbt template`: the blank budget workbook for a year.

use bbt::load;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};
use bbt::tr;

use super::{print_diagnostics, project_root};
use crate::cli::{Format, TemplateArgs};
use crate::console::{self, say};

pub fn template(args: &TemplateArgs) -> u8 {
    let phase = args.phase;
    let root = project_root(&args.project);
    let year = match args.year.or_else(|| load::template_default_year(&root, phase)) {
        Some(y) => y,
        None => {
            console::error(tr!("template-no-documents"));
            console::help(tr!("template-no-documents-help"));
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
    let bytes = match bbt::workbook_template::write(&basis, year, phase, &root) {
        Ok(b) => b,
        Err(e) => {
            console::error(tr!("template-cannot-make", fout = e));
            return FAILURE;
        }
    };
    if let Err(e) = bbt::output::check_output_folder(&args.output, &root) {
        console::error(e);
        console::help(tr!("output-folder-help"));
        return FAILURE;
    }
    let path = args.output.join(bbt::workbook_template::file_name(year, phase));
    if let Err(e) = bbt::output::write_atomic(&path, &bytes) {
        console::error(tr!("cannot-write", pad = path.display(), fout = bbt::i18n::io_error(&e)));
        return FAILURE;
    }
    let from = match &basis.previous {
        Some(p) => tr!("template-from", aantal = p.begroting.artikelen.len(), document = p.naam()),
        None => tr!("template-from-none"),
    };
    say!("{}", tr!("wrote-template", pad = path.display(), bron = from));
    // The document the workbook belongs to must exist before it can be checked.
    if phase == bbt::model::Fase::Bo && !load::document_dir(&root, year, phase).join(load::DOCUMENT_FILE).is_file() {
        console::help(tr!("template-no-document-help", jaar = year, project = root.display()));
    }
    console::help(tr!(
        "template-help",
        pad = load::document_dir(&root, year, phase).join("begroting.xlsx").display(),
        project = root.display(),
        jaar = year,
        fase = phase.folder()
    ));
    OK
}
