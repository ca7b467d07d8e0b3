//! The workbook's layout, the one contract between finance staff's workbook
//! and bbt (docs/workbook.md): the sheets, and per sheet its columns in the
//! order `bbt template` writes them. The reader finds columns by these
//! names, in any order; the template and the examples write them from here.

use crate::model::budget::{ArtikelSoort, Bijstelling, Blad, Fase, Krediet, Slot, Stand, Uitvoeringsstand, Veld};

/// A sheet's name in the workbook.
pub fn naam(blad: Blad) -> &'static str {
    match blad {
        Blad::Uitgaven => "Uitgaven",
        Blad::Ontvangsten => "Ontvangsten",
        Blad::Toelichting => "Toelichting",
        Blad::Uitvoering => "Uitvoering",
    }
}

/// A column of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kolom {
    pub veld: Veld,
    /// The header, as bbt writes it (the reader ignores case and spacing).
    pub naam: String,
    /// A sheet without it cannot be read (W003).
    pub verplicht: bool,
}

/// The columns of `blad` in a workbook of a document of `jaar` in `fase`,
/// in the template's order. The amount columns are named after the step
/// the document explains: `VAK BA 2024`, `VAK Index`, `VAK Compensaties`,
/// `VAK Andere bijstellingen`, `VAK BO 2025`, the same for VEK; revenue
/// has its two standings, `BA 2024` and `BO 2025`. The optional sheet
/// Uitvoering names its year ([`Uitvoeringsstand::jaar`]): `VAK BA 2023`,
/// `VAK BA-JR 2023`, `VAK BU 2023`, the same for VEK.
pub fn kolommen(blad: Blad, jaar: i32, fase: Fase) -> Vec<Kolom> {
    let kolom = |veld: Veld, naam: &str, verplicht: bool| Kolom { veld, naam: naam.to_string(), verplicht };
    let tekst = |soort: ArtikelSoort| {
        let mut v = vec![
            kolom(Veld::Artikel, "Artikel", true),
            kolom(Veld::Omschrijving, "Omschrijving", true),
            kolom(Veld::Ise, "ISE", true),
        ];
        if soort == ArtikelSoort::Uitgave {
            v.push(kolom(Veld::Esr, "ESR", false));
        }
        v.push(kolom(Veld::Entiteit, "Entiteit", true));
        if soort == ArtikelSoort::Uitgave {
            v.push(kolom(Veld::Ontvanger, "Ontvanger", false));
        }
        v
    };
    let bedragen = |k: Krediet| {
        bedrag_sloten(fase, k)
            .into_iter()
            .map(|slot| Kolom { veld: Veld::Bedrag(slot), naam: bedrag_naam(jaar, fase, slot), verplicht: true })
            .collect::<Vec<_>>()
    };
    match blad {
        Blad::Uitgaven => {
            let mut v = tekst(ArtikelSoort::Uitgave);
            v.extend(bedragen(Krediet::Vak));
            v.extend(bedragen(Krediet::Vek));
            v.push(kolom(Veld::KorteInhoud, "Korte inhoud", false));
            v.push(kolom(Veld::Doelstellingen, "Doelstellingen", false));
            v
        }
        Blad::Ontvangsten => {
            let mut v = tekst(ArtikelSoort::Ontvangst);
            v.extend(bedragen(Krediet::Ontvangst));
            v.push(kolom(Veld::KorteInhoud, "Korte inhoud", false));
            v
        }
        Blad::Toelichting => vec![
            kolom(Veld::Artikel, "Artikel", true),
            kolom(Veld::Omschrijving, "Omschrijving", true),
            kolom(Veld::Lijn(Krediet::Vak), "VAK", true),
            kolom(Veld::Lijn(Krediet::Vek), "VEK", true),
        ],
        Blad::Uitvoering => {
            let mut v = vec![
                kolom(Veld::Artikel, "Artikel", true),
                kolom(Veld::Omschrijving, "Omschrijving", false),
                kolom(Veld::Ise, "ISE", true),
                kolom(Veld::Entiteit, "Entiteit", true),
                kolom(Veld::Ontvanger, "Ontvanger", false),
            ];
            for k in [Krediet::Vak, Krediet::Vek] {
                for s in Uitvoeringsstand::ALL {
                    v.push(kolom(Veld::Uitvoering(s, k), &uitvoering_naam(jaar, fase, s, k), true));
                }
            }
            v
        }
    }
}

/// The header of an outturn column: `VAK BA-JR 2024`.
pub fn uitvoering_naam(jaar: i32, fase: Fase, s: Uitvoeringsstand, k: Krediet) -> String {
    format!("{} {}", k.label(), s.label(Uitvoeringsstand::jaar(jaar, fase)))
}

/// The amounts of one credit kind, in the sheet's order: the starting
/// standing, the movements of the step (expenditure only), the final standing.
pub fn bedrag_sloten(fase: Fase, k: Krediet) -> Vec<Slot> {
    let mut v = vec![Slot::Van(k)];
    if k != Krediet::Ontvangst {
        v.extend(Bijstelling::voor_fase(fase).iter().map(|&(b, _)| Slot::Bij(b, k)));
    }
    v.push(Slot::Naar(k));
    v
}

/// An adjustment as the workbook's columns of `fase` name it: `Index`,
/// `Andere bijstellingen`, or `Bijstellingen` in a 2e BA.
pub fn bijstelling_naam(fase: Fase, b: Bijstelling) -> &'static str {
    Bijstelling::voor_fase(fase).iter().find(|(x, _)| *x == b).map_or(b.label(), |(_, l)| l)
}

/// The header of an amount column: `VAK BA 2024`, `VEK Index`, `BO 2025`.
pub fn bedrag_naam(jaar: i32, fase: Fase, slot: Slot) -> String {
    let (van, naar) = Stand::evolutie(jaar, fase);
    let prefix = match slot.krediet() {
        Krediet::Vak => "VAK ",
        Krediet::Vek => "VEK ",
        Krediet::Ontvangst => "",
    };
    let rest = match slot {
        Slot::Van(_) => van.label(),
        Slot::Naar(_) => naar.label(),
        Slot::Bij(b, _) => bijstelling_naam(fase, b).to_string(),
    };
    format!("{prefix}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn namen(blad: Blad, jaar: i32, fase: Fase) -> Vec<String> {
        kolommen(blad, jaar, fase).into_iter().map(|k| k.naam).collect()
    }

    #[test]
    fn the_columns_follow_the_step_of_the_document() {
        assert_eq!(
            namen(Blad::Uitgaven, 2025, Fase::Bo),
            [
                "Artikel",
                "Omschrijving",
                "ISE",
                "ESR",
                "Entiteit",
                "Ontvanger",
                "VAK BA 2024",
                "VAK Index",
                "VAK Compensaties",
                "VAK Andere bijstellingen",
                "VAK BO 2025",
                "VEK BA 2024",
                "VEK Index",
                "VEK Compensaties",
                "VEK Andere bijstellingen",
                "VEK BO 2025",
                "Korte inhoud",
                "Doelstellingen"
            ]
        );
        assert_eq!(
            namen(Blad::Ontvangsten, 2026, Fase::Ba(1)),
            ["Artikel", "Omschrijving", "ISE", "Entiteit", "BO 2026", "BA 2026", "Korte inhoud"]
        );
        assert_eq!(
            namen(Blad::Uitvoering, 2026, Fase::Bo),
            [
                "Artikel",
                "Omschrijving",
                "ISE",
                "Entiteit",
                "Ontvanger",
                "VAK BA 2024",
                "VAK BA-JR 2024",
                "VAK BU 2024",
                "VEK BA 2024",
                "VEK BA-JR 2024",
                "VEK BU 2024"
            ]
        );
        assert_eq!(namen(Blad::Uitvoering, 2026, Fase::Ba(2))[5], "VAK BA 2025");
        let ba2: Vec<String> = namen(Blad::Uitgaven, 2026, Fase::Ba(2)).into_iter().skip(6).take(3).collect();
        assert_eq!(ba2, ["VAK BA 2026", "VAK Bijstellingen", "VAK 2e BA 2026"]);
    }
}
