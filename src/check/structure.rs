//! S rules: the year's structure against the beleidsnota.

use crate::diag::{Diagnostic, Location};
use crate::model::{Beleidsnota, Document};

/// S003: the year's structure names an id the beleidsnota does not have.
pub const UNKNOWN_ID: &str = "S003";

pub fn check(nota: &Beleidsnota, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let unknown = |what: &str, id: &str, loc: &Option<Location>, known: Vec<&str>| {
        Diagnostic::error(UNKNOWN_ID, format!("the beleidsnota has no {what} '{id}'"))
            .at_opt(loc.clone())
            .hint(format!("known {what}s: {}", known.join(", ")))
    };
    for bv in &doc.structuur {
        if nota.beleidsveld(&bv.id).is_none() {
            let known = nota.beleidsvelden.iter().map(|b| b.id.0.as_str()).collect();
            diags.push(unknown("beleidsveld", &bv.id.0, &bv.loc, known));
        }
        for (ise, loc) in &bv.ises {
            if nota.ise(ise).is_none() {
                let known = nota.ises().map(|(_, i)| i.id.0.as_str()).collect();
                diags.push(unknown("ISE", &ise.0, loc, known));
            }
        }
        for sd in &bv.sds {
            if nota.sd(&sd.id).is_none() {
                let known = nota.sds().map(|(_, s)| s.id.0.as_str()).collect();
                diags.push(unknown("SD", &sd.id.0, &sd.loc, known));
            }
            for (od, loc) in &sd.ods {
                if nota.od(od).is_none() {
                    let known = nota.ods().map(|(_, o)| o.id.0.as_str()).collect();
                    diags.push(unknown("OD", &od.0, loc, known));
                }
            }
        }
    }
}
