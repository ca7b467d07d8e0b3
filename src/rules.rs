//! Every rule of the check, in one registry: its stable code, the severity it
//! is reported with and its title. The loaders and checks report through
//! these constants ([`Rule::report`]); `docs/rules.md` documents each rule under
//! `## CODE title` (the text of `bbt explain`), and a test holds the two to
//! each other. Where each rule is checked: L in `load/`, W in
//! `load/workbook/`, S, B, Y and T in `check/` (T002, T003, T004 and T006 while
//! a text is converted, `render/markdown.rs` and `render/narrative.rs`), H
//! (the horizontal plan, over a workspace) in `check/horizontaal.rs`.

use crate::diag::{Diagnostic, Severity};

/// A rule: what a diagnostic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable, e.g. `B003`; never reused for another rule.
    pub code: &'static str,
    pub severity: Severity,
    /// As in `docs/rules.md`.
    pub title: &'static str,
}

impl Rule {
    /// A diagnostic of this rule, with its severity.
    pub fn report(self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.severity, self.code, message)
    }
}

/// A diagnostic's code against a rule: `d.code == rules::EVOLUTION_MISMATCH`.
impl PartialEq<Rule> for &str {
    fn eq(&self, rule: &Rule) -> bool {
        *self == rule.code
    }
}

macro_rules! rules {
    ($($name:ident = $code:literal $severity:ident $title:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "` ", $title, ".")]
            pub const $name: Rule = Rule { code: $code, severity: Severity::$severity, title: $title };
        )*
        /// Every rule, in the order of `docs/rules.md`.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    YAML_SYNTAX = "L001" Error "Invalid YAML";
    BAD_VALUE = "L002" Error "Invalid value";
    MISSING_INPUT = "L003" Error "Missing input";
    DUPLICATE_ID = "S001" Error "Duplicate id";
    UNKNOWN_REFERENCE = "S002" Error "Unknown reference in the beleidsnota";
    PREVIOUS_INVALID = "L004" Error "Previous document unreadable";
    UNREADABLE_LIST = "L005" Error "Workspace list unreadable";
    OUTSIDE_PROJECT = "L006" Error "Input outside the project";
    SAME_PROJECT_ID = "L007" Error "Two projects with the same id";
    NOT_A_DOCUMENT = "L008" Error "An outturn folder is not a document";
    UNKNOWN_ID = "S003" Error "Unknown element";
    UNDECLARED_NEW = "S004" Error "Undeclared new element";
    UNDECLARED_RENAME = "S005" Error "Undeclared rename";
    UNDECLARED_MOVE = "S006" Error "Undeclared move";
    UNDECLARED_DROP = "S007" Error "Undeclared removal";
    OUT_OF_ORDER = "S008" Error "Out of order";
    BAD_CHANGE = "S009" Error "Malformed change";
    STALE_CHANGE = "S010" Warning "Declared change that did not happen";
    MISSING_TEXT = "S011" Warning "Missing text";
    STRAY_TEXT = "S012" Warning "Text without an element";
    UNKNOWN_INDICATOR_OD = "S013" Error "Indicator for an unknown OD or ISE";
    CARRIED_OVER = "S014" Warning "Carried-over text not revised";
    PLACEHOLDER = "S015" Warning "Placeholder left";
    OD_NUMBER = "S016" Warning "OD number does not fit its SD";
    INDICATOR_YEARS = "S017" Warning "Indicator values not printed";
    UNKNOWN_ISE = "B001" Error "Article in an unknown ISE";
    DUPLICATE_ARTICLE = "B002" Error "Duplicate article";
    EVOLUTION_MISMATCH = "B003" Error "Kredietevolutie does not add up";
    EMPTY_ISE = "B004" Error "ISE without articles";
    CODE_MISMATCH = "B005" Error "Article code disagrees";
    DOTATION_LINK = "B006" Error "Dotation without its receiver";
    TOTAL_MISMATCH = "B007" Error "Typed total differs";
    COMPENSATIES_NET = "B008" Info "Compensaties do not net to zero";
    COMPENSATIES_ACROSS = "B009" Warning "Compensaties do not net to zero over several projects";
    UNUSED_EXCUSE = "B010" Warning "ISE without credits has articles";
    UNFILLED_WORKBOOK = "B011" Warning "Workbook not filled in";
    ENTITY_TYPE = "B012" Warning "Article code does not fit its entity's type";
    UNKNOWN_OBJECTIVE = "B013" Error "Article linked to an unknown objective";
    OBJECTIVE_OF_OTHER_ISE = "B014" Warning "Article linked to an objective of another ISE";
    ARTICLE_IN_TWO_PROJECTS = "B015" Error "Article in two projects";
    ARTICLE_GONE = "Y001" Error "Article gone";
    STANDING_MISMATCH = "Y002" Error "Starting figure differs from the previous document";
    NEW_ARTICLE = "Y003" Info "New article";
    NOT_A_WORKBOOK = "W001" Error "Not a readable workbook";
    MISSING_SHEET = "W002" Error "Missing sheet";
    MISSING_COLUMN = "W003" Error "Missing column";
    BAD_AMOUNT = "W004" Error "Not an amount";
    BAD_TEXT = "W005" Error "Not a text";
    ERROR_CELL = "W006" Error "Error value in a cell";
    BAD_CODE = "W007" Error "Malformed article code";
    UNKNOWN_ARTICLE = "W008" Error "Toelichting for an unknown article";
    TEXT_NUMBER = "W009" Warning "Number typed as text";
    NEGATIVE = "W010" Error "Negative credit";
    STALE_FORMULA = "W011" Error "Formula without a computed value";
    TOO_LARGE = "W012" Error "Sheet too large";
    DUPLICATE_COLUMN = "W013" Error "Column twice";
    UNREADABLE_TEXT = "T001" Error "Unreadable text";
    UNSUPPORTED_MARKDOWN = "T002" Warning "Markdown that cannot be shown";
    BAD_EXPRESSION = "T003" Error "Expression that cannot be evaluated";
    BAD_REFERENCE = "T004" Error "Reference to an unknown objective";
    UNPRINTABLE = "T005" Error "Character that cannot be printed";
    LINK_TARGET = "T006" Warning "Link target that is not a web or mail address";
    TOO_LONG = "T007" Error "Text too long to print";
    UNKNOWN_THEME = "H001" Error "Unknown horizontal theme";
    UNKNOWN_ACTION = "H002" Error "Unknown action of the horizontal plan";
    DUPLICATE_PLAN_ID = "H003" Error "Id twice in the horizontal plan";
    ACTION_NOT_TAKEN_UP = "H004" Warning "Action of the plan not taken up";
    THEME_WITHOUT_CONTRIBUTION = "H005" Warning "Theme without contribution";
    ACTION_WITHOUT_THEME = "H006" Warning "Action taken up without its theme";
}

/// The filing gate (`check::gate`): warnings in a draft, errors in a filed
/// document; a draft with one of them is not ready to file. L002 is one for
/// what it reports as a warning only in a draft (the stuk letter).
pub const FILING_GATE: &[Rule] =
    &[BAD_VALUE, MISSING_TEXT, CARRIED_OVER, PLACEHOLDER, OD_NUMBER, UNUSED_EXCUSE, UNFILLED_WORKBOOK];

/// The documentation of every rule, in Dutch: `docs/rules.md`, one
/// `## CODE title` section each, in the order of [`ALL`].
pub const RULES_MD: &str = include_str!("../docs/rules.md");
/// The same in English (`docs/en/rules.md`), with the registry's titles.
pub const RULES_MD_EN: &str = include_str!("../docs/en/rules.md");

/// The rules' documentation in `lang`.
pub fn documentation(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Nl => RULES_MD,
        crate::i18n::Lang::En => RULES_MD_EN,
    }
}

/// The section of the rules' documentation for `code` (e.g. `B003`),
/// heading included, in the language of the messages: what `bbt explain`
/// prints.
pub fn explain(code: &str) -> Option<&'static str> {
    section(documentation(crate::i18n::lang()), code)
}

/// The section of `doc` for `code`.
fn section(doc: &'static str, code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_uppercase();
    let start = doc.find(&format!("\n## {code} "))? + 1;
    let rest = doc.get(start..)?;
    let end = rest.get(3..)?.find("\n## ").map_or(rest.len(), |i| i + 4);
    Some(rest.get(..end)?.trim_end())
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// The registry and both languages' documentation name the same rules
    /// in the same order (the English with the registry's titles), each
    /// section with its four parts; `explain` finds each.
    #[test]
    fn the_registry_is_what_the_docs_document() {
        let parts = |lang: Lang| match lang {
            Lang::Nl => ["**Wat wordt gecontroleerd.**", "**Waarom.**", "**Voorbeeld.**", "**Oplossing.**"],
            Lang::En => ["**What it checks.**", "**Why.**", "**Example.**", "**How to fix.**"],
        };
        for lang in Lang::ALL {
            let doc = super::documentation(lang);
            let documented: Vec<&str> =
                doc.lines().filter_map(|l| l.strip_prefix("## ")).map(|l| l.split(' ').next().unwrap()).collect();
            let codes: Vec<&str> = super::ALL.iter().map(|r| r.code).collect();
            assert_eq!(documented, codes, "{lang:?}");
            for r in super::ALL {
                let text = super::section(doc, r.code).unwrap_or_default();
                assert!(text.starts_with(&format!("## {} ", r.code)), "{lang:?} {}", r.code);
                if lang == Lang::En {
                    assert!(text.starts_with(&format!("## {} {}\n", r.code, r.title)), "{}", r.code);
                }
                for part in parts(lang) {
                    assert!(text.contains(&format!("\n{part}")), "{lang:?} {}: no {part}", r.code);
                }
            }
            assert_eq!(super::section(doc, "X999"), None);
        }
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut codes: Vec<&str> = super::ALL.iter().map(|r| r.code).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 4 && "LSBYWTH".contains(&c[..1]) && c[1..].bytes().all(|b| b.is_ascii_digit()))
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), super::ALL.len());
    }
}
