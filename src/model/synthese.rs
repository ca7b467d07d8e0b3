//! Sums over articles: the scopes an ISE synthesis is printed per, the one
//! consolidation (dotations to entities inside a scope left out of its
//! total) and the exact net of the compensaties.

use super::budget::{
    Artikel, ArtikelSoort, Begroting, Bijstelling, Esr, Krediet, Realisatie, UitvoeringRij, Uitvoeringsstand,
};
use super::money::Money;
use super::structure::{Beleidsnota, EntiteitCode, EntiteitSoort, IseCode};

/// The entity group an ISE synthesis table counts (domain.md §2): the
/// ministry ("MVG excl. DAB": departement and IVA's, the dotations they give
/// included), or one DAB or one rechtspersoon with its own budget. A dotation
/// and what its receiver spends of it are never in the same scope.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Mvg,
    Dab(EntiteitCode),
    Rechtspersoon(EntiteitCode),
}

impl Scope {
    /// The name of the scope in live figures: `mvg`, or the entity's code.
    pub fn veld(&self) -> &str {
        match self {
            Scope::Mvg => "mvg",
            Scope::Dab(c) | Scope::Rechtspersoon(c) => c.as_str(),
        }
    }

    /// The name in the open data: `MVG`, `DAB SB1`, `rechtspersoon SI0`.
    pub fn code(&self) -> String {
        match self {
            Scope::Mvg => "MVG".into(),
            Scope::Dab(c) => format!("DAB {c}"),
            Scope::Rechtspersoon(c) => format!("rechtspersoon {c}"),
        }
    }
}

/// The scope of every entity of a document: the type the beleidsnota
/// declares, or else inferred from the articles: an entity whose
/// expenditure articles carry `A` in position 5, or that receives a
/// dotation, has its own budget (a rechtspersoon); any other is part of the
/// ministry.
#[derive(Debug, Clone, Default)]
pub struct Scopes {
    /// Entity → its scope and its rank (the beleidsnota's order).
    per: std::collections::HashMap<EntiteitCode, (Scope, usize)>,
}

impl Scopes {
    pub fn new(nota: &Beleidsnota, begroting: &Begroting) -> Scopes {
        let eigen_begroting = |code: &EntiteitCode| {
            begroting.artikelen.iter().any(|a| {
                a.soort() == ArtikelSoort::Uitgave
                    && ((&a.entiteit == code && a.code.soort() == 'A') || a.ontvanger.as_ref() == Some(code))
            })
        };
        let scope = |code: &EntiteitCode, soort: Option<EntiteitSoort>| match soort {
            Some(EntiteitSoort::Dab) => Scope::Dab(code.clone()),
            Some(EntiteitSoort::Eva) => Scope::Rechtspersoon(code.clone()),
            Some(EntiteitSoort::Departement | EntiteitSoort::Iva) => Scope::Mvg,
            None if eigen_begroting(code) => Scope::Rechtspersoon(code.clone()),
            None => Scope::Mvg,
        };
        let mut per = std::collections::HashMap::new();
        for (rank, e) in nota.entiteiten.iter().enumerate() {
            per.entry(e.code.clone()).or_insert_with(|| (scope(&e.code, e.soort), rank));
        }
        for a in &begroting.artikelen {
            let code = &a.entiteit;
            if !per.contains_key(code) {
                let s = scope(code, None);
                per.insert(code.clone(), (s, usize::MAX));
            }
        }
        // An entity only the outturn of an earlier year names: from its own
        // codes there. The outturn never decides the scope of an entity of
        // this year's budget.
        for u in &begroting.uitvoering {
            if !per.contains_key(&u.entiteit) {
                let eigen = begroting.uitvoering.iter().any(|v| v.entiteit == u.entiteit && v.code.soort() == 'A');
                let s = if eigen { Scope::Rechtspersoon(u.entiteit.clone()) } else { Scope::Mvg };
                per.insert(u.entiteit.clone(), (s, usize::MAX));
            }
        }
        Scopes { per }
    }

    /// The scope of an entity (one the document does not know is the ministry's).
    pub fn van(&self, entiteit: &EntiteitCode) -> &Scope {
        self.per.get(entiteit).map_or(&Scope::Mvg, |(s, _)| s)
    }

    /// The scope of an article: its entity's.
    pub fn artikel(&self, a: &Artikel) -> &Scope {
        self.van(&a.entiteit)
    }

    /// The scopes of `artikelen`, in print order: the ministry first, then
    /// the DAB's, then the rechtspersonen, each in the beleidsnota's order.
    pub fn van_artikelen<'a>(&'a self, artikelen: &[&Artikel]) -> Vec<&'a Scope> {
        self.van_entiteiten(artikelen.iter().map(|a| &a.entiteit))
    }

    /// The scopes of `entiteiten`, in print order (see [`Scopes::van_artikelen`]).
    pub fn van_entiteiten<'a, 'e>(&'a self, entiteiten: impl Iterator<Item = &'e EntiteitCode>) -> Vec<&'a Scope> {
        let mut scopes: Vec<(&Scope, usize)> = entiteiten
            .map(|e| self.per.get(e).map_or((&Scope::Mvg, 0), |(s, r)| (s, *r)))
            .map(|(s, r)| (s, if *s == Scope::Mvg { 0 } else { r }))
            .collect();
        let kind = |s: &Scope| match s {
            Scope::Mvg => 0,
            Scope::Dab(_) => 1,
            Scope::Rechtspersoon(_) => 2,
        };
        scopes.sort_by(|(a, ra), (b, rb)| (kind(a), ra, *a).cmp(&(kind(b), rb, *b)));
        scopes.dedup_by(|(a, _), (b, _)| a == b);
        scopes.into_iter().map(|(s, _)| s).collect()
    }
}

/// The exact sum of one movement over expenditure articles.
pub fn som_bijstelling(artikelen: &[&Artikel], b: Bijstelling, k: Krediet) -> Money {
    artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave).map(|a| a.bijstelling(b, k)).sum()
}

/// The one consolidation: the articles a consolidated total over `scope`
/// counts. Every expenditure article counts, except a dotation (IS) whose
/// receiving entity has articles inside the scope — that money is counted
/// where the receiver spends it. The view sums their printed figures, a
/// cross-domain overview their exact ones.
pub fn geconsolideerd<'a>(scope: &[&'a Artikel]) -> Vec<&'a Artikel> {
    scope.iter().copied().filter(|a| a.soort() == ArtikelSoort::Uitgave && !interne_stroom(a, scope)).collect()
}

/// The outturn of one ISE as its tables show it: per scope with rows there,
/// in print order, the exact sums of VAK and VEK; then, with more than one
/// scope, the consolidated sums (`None`): the view's tables and the texts'
/// live figures are the same figures.
pub fn uitvoering_van_ise<'s>(
    scopes: &'s Scopes,
    begroting: &Begroting,
    ise: &IseCode,
) -> Vec<(Option<&'s Scope>, [Realisatie; 2])> {
    let rijen: Vec<&UitvoeringRij> = begroting.uitvoering.iter().filter(|u| &u.ise_code == ise).collect();
    let som = |van: &[&UitvoeringRij]| {
        [Krediet::Vak, Krediet::Vek].map(|k| {
            let mut r = Realisatie::default();
            for s in Uitvoeringsstand::ALL {
                r.set(s, van.iter().map(|u| u.get(s, k)).sum());
            }
            r
        })
    };
    let mut out: Vec<(Option<&Scope>, [Realisatie; 2])> = scopes
        .van_entiteiten(rijen.iter().map(|u| &u.entiteit))
        .into_iter()
        .map(|scope| {
            let van: Vec<&UitvoeringRij> = rijen.iter().copied().filter(|u| scopes.van(&u.entiteit) == scope).collect();
            (Some(scope), som(&van))
        })
        .collect();
    if out.len() > 1 {
        out.push((None, som(&uitvoering_geconsolideerd(begroting, &rijen))));
    }
    out
}

/// The outturn rows a consolidated total over `rijen` counts: all, except a
/// dotation (IS) whose receiver ([`Begroting::ontvanger_van`]) has rows
/// among them, as [`geconsolideerd`] does for this year's articles.
pub fn uitvoering_geconsolideerd<'a>(begroting: &Begroting, rijen: &[&'a UitvoeringRij]) -> Vec<&'a UitvoeringRij> {
    rijen
        .iter()
        .copied()
        .filter(|u| begroting.ontvanger_van(u).is_none_or(|r| !rijen.iter().any(|v| &v.entiteit == r)))
        .collect()
}

/// Whether `a` is a dotation whose receiving entity has articles in `scope`:
/// counted in the ISE tables, left out of a consolidated total over `scope`.
pub fn interne_stroom(a: &Artikel, scope: &[&Artikel]) -> bool {
    a.esr() == Esr::Is
        && a.soort() == ArtikelSoort::Uitgave
        && a.ontvanger
            .as_ref()
            .is_some_and(|r| scope.iter().any(|b| &b.entiteit == r && b.soort() == ArtikelSoort::Uitgave))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::Slot;

    fn art(code: &str, ontvanger: Option<&str>, bo: i64) -> Artikel {
        let mut a = Artikel::for_tests(code, "SG-A").with(Slot::Naar(Krediet::Vak), bo);
        a.ontvanger = ontvanger.map(EntiteitCode::new);
        a
    }

    fn nota(entiteiten: &[(&str, Option<EntiteitSoort>)]) -> Beleidsnota {
        let mut nota = Beleidsnota::empty_for_tests();
        nota.entiteiten = entiteiten
            .iter()
            .map(|(code, soort)| crate::model::Entiteit {
                code: EntiteitCode::new(code),
                naam: code.to_string(),
                soort: *soort,
                loc: None,
                soort_loc: None,
            })
            .collect();
        nota
    }

    #[test]
    fn scopes_follow_the_declared_type_or_else_the_articles() {
        let arts = vec![
            art("SB0-1SGE2AX-IS", Some("SI0"), 100),
            art("SB0-1SGE2AA-WT", None, 10),
            art("SI0-1SGE2AA-LO", None, 90),
            art("GH0-AGGF2RD-WT", None, 5),
            art("DB0-1SGE2AB-WT", None, 5),
        ];
        let begroting = Begroting::new(arts.clone(), Vec::new(), true, Default::default());
        let code = EntiteitCode::new;
        // Nothing declared: a receiver of a dotation and an entity with
        // A-coded articles have their own budget; the others are the ministry.
        let scopes = Scopes::new(&nota(&[]), &begroting);
        assert_eq!(scopes.van(&code("SB0")), &Scope::Mvg);
        assert_eq!(scopes.van(&code("SI0")), &Scope::Rechtspersoon(code("SI0")));
        assert_eq!(scopes.van(&code("GH0")), &Scope::Rechtspersoon(code("GH0")));
        // Declared: the type decides, whatever the codes say.
        let declared = nota(&[
            ("SB0", Some(EntiteitSoort::Departement)),
            ("DB0", Some(EntiteitSoort::Dab)),
            ("GH0", Some(EntiteitSoort::Eva)),
            ("SI0", Some(EntiteitSoort::Eva)),
        ]);
        let scopes = Scopes::new(&declared, &begroting);
        assert_eq!(scopes.van(&code("DB0")), &Scope::Dab(code("DB0")));
        // Print order: the ministry, the DABs, the rechtspersonen in the beleidsnota's order.
        let refs: Vec<&Artikel> = arts.iter().rev().collect();
        assert_eq!(
            scopes.van_artikelen(&refs),
            [
                &Scope::Mvg,
                &Scope::Dab(code("DB0")),
                &Scope::Rechtspersoon(code("GH0")),
                &Scope::Rechtspersoon(code("SI0"))
            ]
        );
    }

    #[test]
    fn the_outturn_of_an_earlier_year_never_decides_a_scope_of_this_year() {
        use crate::model::budget::{ArtikelCode, Realisatie, UitvoeringRij};
        let rij = |code: &str| UitvoeringRij {
            code: ArtikelCode::parse(code).unwrap(),
            titel: String::new(),
            entiteit: EntiteitCode::new(&code[..3]),
            ise_code: crate::model::IseCode::new("SG-A"),
            ontvanger: None,
            vak: Realisatie::default(),
            vek: Realisatie::default(),
            rij: 0,
        };
        let mut begroting = Begroting::new(vec![art("SB0-1SGE2AA-WT", None, 10)], Vec::new(), true, Default::default());
        begroting.uitvoering = vec![rij("SB0-ASGE2AA-WT"), rij("XY0-ASGE2AA-WT"), rij("ZZ0-1SGE2AA-WT")];
        let scopes = Scopes::new(&nota(&[("SB0", None)]), &begroting);
        let code = EntiteitCode::new;
        assert_eq!(scopes.van(&code("SB0")), &Scope::Mvg, "decided by this year's articles");
        assert_eq!(scopes.van(&code("XY0")), &Scope::Rechtspersoon(code("XY0")), "only in the outturn, A-coded");
        assert_eq!(scopes.van(&code("ZZ0")), &Scope::Mvg);
    }

    #[test]
    fn consolidation_leaves_out_dotations_to_entities_in_scope() {
        let dotatie = art("SB0-1SGE2AX-IS", Some("SI0"), 100);
        let dept = art("SB0-1SGE2AA-WT", None, 10);
        let agentschap = art("SI0-ASGE2AA-LO", None, 90);
        let bo = Slot::Naar(Krediet::Vak);
        let cases: &[(&[&Artikel], i64, i64)] = &[
            // (scope, gross, consolidated)
            (&[&dotatie, &dept, &agentschap], 200, 100),
            (&[&dotatie, &dept], 110, 110),
            (&[&agentschap], 90, 90),
        ];
        let sum = |arts: &[&Artikel]| arts.iter().map(|a| a.bedrag(bo)).sum::<Money>();
        for (scope, gross, cons) in cases {
            assert_eq!(sum(scope), Money::from_cents(*gross));
            assert_eq!(sum(&geconsolideerd(scope)), Money::from_cents(*cons));
        }
    }
}
