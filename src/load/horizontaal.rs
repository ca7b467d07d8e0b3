//! `horizontaal.yaml`: the horizontal plan of a workspace. Raw serde
//! structs (no unknown keys) converted into the model with positions; the
//! rules about its content (ids used twice, an action of an unknown theme)
//! are `check::horizontaal`'s.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::yaml;
use crate::diag::Diagnostic;
use crate::model::horizontaal::{Actie, Plan, Thema};

/// The file a workspace folder holds its horizontal plan in.
pub const PLAN_FILE: &str = "horizontaal.yaml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    titel: String,
    legislatuur: String,
    themas: Vec<RawThema>,
    #[serde(default)]
    acties: Vec<RawActie>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThema {
    id: String,
    titel: String,
    #[serde(default)]
    omschrijving: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActie {
    id: String,
    titel: String,
    thema: String,
}

/// The plan of a workspace: `given` (a folder given stands for its
/// `horizontaal.yaml`), else `horizontaal.yaml` in the first of `paths` that
/// is a workspace folder holding one, or beside the first that is a
/// workspace list file. `Ok(None)`: no plan.
pub fn find_plan(paths: &[PathBuf], given: Option<&Path>) -> Result<Option<Plan>, Diagnostic> {
    let path = match given {
        Some(p) if p.is_dir() => Some(p.join(PLAN_FILE)),
        Some(p) => Some(p.to_path_buf()),
        None => paths
            .iter()
            .filter_map(|p| {
                if p.is_dir() {
                    Some(p.join(PLAN_FILE))
                } else {
                    p.parent().map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d }.join(PLAN_FILE))
                }
            })
            .find(|p| super::present(p)),
    };
    path.map(|p| load(&p)).transpose()
}

/// Reads the plan at `path`: a missing or unreadable file, a file that is
/// no text, and YAML that is not a plan are errors at their place.
pub fn load(path: &Path) -> Result<Plan, Diagnostic> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let text = super::read_text(folder, path)?;
    parse(path, &text)
}

/// Parses and converts the text of `horizontaal.yaml`.
pub fn parse(path: &Path, text: &str) -> Result<Plan, Diagnostic> {
    let (raw, file): (RawPlan, yaml::YamlFile) = yaml::parse(path, text)?;
    let at = |p: String| Some(file.loc(&p));
    Ok(Plan {
        titel: raw.titel.trim().to_string(),
        legislatuur: raw.legislatuur.trim().to_string(),
        themas: (raw.themas.into_iter().enumerate())
            .map(|(i, t)| Thema {
                id: t.id.trim().to_string(),
                titel: t.titel.trim().to_string(),
                omschrijving: t.omschrijving.trim().to_string(),
                loc: at(format!("themas[{i}].id")),
            })
            .collect(),
        acties: (raw.acties.into_iter().enumerate())
            .map(|(i, a)| Actie {
                id: a.id.trim().to_string(),
                titel: a.titel.trim().to_string(),
                thema: a.thema.trim().to_string(),
                loc: at(format!("acties[{i}].id")),
                thema_loc: at(format!("acties[{i}].thema")),
            })
            .collect(),
        file: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;

    #[test]
    fn reads_a_plan_with_the_place_of_each_id() {
        let text = "titel: Plan\nlegislatuur: 2024-2029\nthemas:\n  - id: gender\n    titel: Gender\n  - id: handicap\n    titel: Handicap\n    omschrijving: Toegankelijk\nacties:\n  - id: A1\n    titel: Doe iets\n    thema: handicap\n";
        let plan = parse(Path::new("horizontaal.yaml"), text).unwrap();
        assert_eq!(plan.themas.len(), 2);
        assert_eq!(plan.thema("Handicap").map(|t| t.omschrijving.as_str()), Some("Toegankelijk"));
        assert!(matches!(plan.acties[0].thema_loc, Some(Location::Text { line: 12, column: 12, .. })));
        assert!(matches!(plan.themas[1].loc, Some(Location::Text { line: 6, .. })));
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line() {
        let text = "titel: Plan\nlegislatuur: 2024-2029\nthemas:\n  - id: gender\n    titl: Gender\n";
        let d = parse(Path::new("horizontaal.yaml"), text).unwrap_err();
        assert_eq!(d.code, crate::rules::YAML_SYNTAX);
        assert!(matches!(d.location, Some(Location::Text { line: 5, .. })), "{:?}", d.location);
    }
}
