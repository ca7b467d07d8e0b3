//! How amounts are printed (docs/rounding.md): every printed figure of an
//! article is computed here, once, from its exact amounts; the view, the
//! narrative's live figures and `bbt diff` read them. Totals are sums of
//! printed figures, so every table adds up as printed.

use super::budget::{Artikel, Bijstelling, Fase, Krediet, Slot};
use super::money::{Money, apportion_thousands};

/// The printed figures of one article's kredietevolutie of one credit kind
/// (for revenue: its two standings), in whole thousands of euros.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gedrukt {
    pub van: i64,
    pub index: i64,
    pub compensaties: i64,
    /// Absorbs the rounding: `naar - van - index - compensaties`.
    pub andere: i64,
    pub naar: i64,
}

impl Gedrukt {
    pub fn bijstelling(&self, b: Bijstelling) -> i64 {
        match b {
            Bijstelling::Index => self.index,
            Bijstelling::Compensaties => self.compensaties,
            Bijstelling::Andere => self.andere,
        }
    }
}

/// The printed figures of `k` of an article: standings, index and
/// compensaties rounded, andere bijstellingen what makes them add up.
pub fn gedrukt(art: &Artikel, k: Krediet) -> Gedrukt {
    let v = art.van(k).thousands();
    let n = art.naar(k).thousands();
    let index = art.bijstelling(Bijstelling::Index, k).thousands();
    let compensaties = art.bijstelling(Bijstelling::Compensaties, k).thousands();
    Gedrukt { van: v, index, compensaties, andere: n - v - index - compensaties, naar: n }
}

/// The printed figure of one amount of an article.
pub fn bedrag(art: &Artikel, slot: Slot) -> i64 {
    let g = gedrukt(art, slot.krediet());
    match slot {
        Slot::Van(_) => g.van,
        Slot::Bij(b, _) => g.bijstelling(b),
        Slot::Naar(_) => g.naar,
    }
}

/// The printed figures of an article's toelichting lines, (VAK, VEK) per
/// line, adding up to the printed rows they explain (rule 5).
pub fn toelichting(a: &Artikel, fase: Fase) -> Vec<(i64, i64)> {
    let per = |k: Krediet| {
        let p = gedrukt(a, k);
        let lines: Vec<Money> = a
            .toelichting
            .iter()
            .map(|l| if k == Krediet::Vak { l.vak } else { l.vek }.unwrap_or(Money::ZERO))
            .collect();
        let rows: Vec<(Money, i64)> =
            Bijstelling::voor_fase(fase).iter().map(|&(b, _)| (a.bijstelling(b, k), p.bijstelling(b))).collect();
        toelichting_thousands(&lines, &rows)
    };
    per(Krediet::Vak).into_iter().zip(per(Krediet::Vek)).collect()
}

/// The printed figures of an article's toelichting lines for one credit kind,
/// so that they add up to the printed figures they explain (docs/rounding.md).
///
/// `lines` are the lines' exact amounts, in the sheet's order; `rows` are the
/// movement rows the kredietevolutie shows (index, compensaties, andere
/// bijstellingen), in that order, each with its exact amount and its printed
/// figure. The lines are read as explaining the rows in order: consecutive runs
/// of lines, each run adding up exactly to one row, the rows taken in order and
/// a row without lines skipped. Each run is apportioned to its row's printed
/// figure. Of several readings, the one explaining the most rows is taken, and
/// of those the one explaining the later rows. Lines that cannot be read so are
/// apportioned together: to the rows' printed total when they add up to all the
/// movements, else to their own sum rounded.
fn toelichting_thousands(lines: &[Money], rows: &[(Money, i64)]) -> Vec<i64> {
    if let Some(runs) = runs_of_rows(lines, rows) {
        let mut printed = Vec::with_capacity(lines.len());
        let mut start = 0;
        for (end, target) in runs {
            printed.extend(apportion_thousands(lines.get(start..end).unwrap_or_default(), target));
            start = end;
        }
        return printed;
    }
    let total: Money = lines.iter().sum();
    let target = if total == rows.iter().map(|r| r.0).sum::<Money>() {
        rows.iter().map(|r| r.1).sum()
    } else {
        total.thousands()
    };
    apportion_thousands(lines, target)
}

/// The reading of [`toelichting_thousands`]: where each run of lines ends and
/// the printed figure of the row it explains, or `None` when the lines are not
/// runs of rows.
fn runs_of_rows(lines: &[Money], rows: &[(Money, i64)]) -> Option<Vec<(usize, i64)>> {
    if lines.is_empty() || rows.len() > 8 {
        return None;
    }
    // prefix[p]: the sum of the first p lines.
    let prefix: Vec<Money> = std::iter::once(Money::ZERO)
        .chain(lines.iter().scan(Money::ZERO, |sum, &l| {
            *sum = *sum + l;
            Some(*sum)
        }))
        .collect();
    // Sets of rows (bit i: row i), the most rows first, then the later rows.
    let mut sets: Vec<u32> = (1..1u32 << rows.len()).collect();
    sets.sort_by(|a, b| b.count_ones().cmp(&a.count_ones()).then(b.cmp(a)));
    sets.into_iter().find_map(|set| {
        let chosen: Vec<&(Money, i64)> =
            rows.iter().enumerate().filter(|(i, _)| set & (1 << i) != 0).map(|(_, r)| r).collect();
        let mut runs = Vec::with_capacity(chosen.len());
        let (mut end, mut sum) = (0, Money::ZERO);
        for (t, &&(exact, printed)) in chosen.iter().enumerate() {
            sum = sum + exact;
            // The earliest end leaves the most lines for the rows after; the
            // last row's run ends with the lines.
            end = if t + 1 == chosen.len() {
                (prefix.last() == Some(&sum) && end < lines.len()).then_some(lines.len())?
            } else {
                (end + 1..lines.len()).find(|&p| prefix.get(p) == Some(&sum))?
            };
            runs.push((end, printed));
        }
        Some(runs)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_kredietevolutie_adds_up_as_printed() {
        // Amounts in euro; printed in thousands. (BA, index, comp, BO) → printed
        // (BA, index, comp, andere, BO): andere absorbs the rounding.
        let cases: &[([i64; 4], [i64; 5])] = &[
            ([327_710_000, 5_547_000, -4_917_000, 290_121_000], [327_710, 5_547, -4_917, -38_219, 290_121]),
            ([1_499, 1_499, 0, 2_998], [1, 1, 0, 1, 3]),
            ([1_500, 0, 0, 1_500], [2, 0, 0, 0, 2]),
            ([-1_500, 499, 0, -1_001], [-2, 0, 0, 1, -1]),
            ([0, 0, 0, 0], [0, 0, 0, 0, 0]),
        ];

        for (input, want) in cases {
            let a = Artikel::for_tests("SB0-1SFE2AA-WT", "SF-A")
                .with(Slot::Van(Krediet::Vak), input[0] * 100)
                .with(Slot::Bij(Bijstelling::Index, Krediet::Vak), input[1] * 100)
                .with(Slot::Bij(Bijstelling::Compensaties, Krediet::Vak), input[2] * 100)
                .with(Slot::Naar(Krediet::Vak), input[3] * 100);
            let p = gedrukt(&a, Krediet::Vak);
            assert_eq!([p.van, p.index, p.compensaties, p.andere, p.naar], *want, "{input:?}");
            assert_eq!(p.van + p.index + p.compensaties + p.andere, p.naar);
        }
    }

    #[test]
    fn toelichting_lines_add_up_to_the_rows_they_explain() {
        // Amounts in euro. Rows: (exact, printed thousands) of index,
        // compensaties and andere bijstellingen; lines: exact; want: printed.
        type Case = (&'static str, [(i64, i64); 3], &'static [i64], &'static [i64]);
        let cases: &[Case] = &[
            ("no lines", [(0, 0), (0, 0), (66_778, 66)], &[], &[]),
            // LB0-1LBL2AN-WT of the bench dataset: andere printed 66 (VAK) and
            // 48 (VEK), its one line 66.778 and 47.420 euro.
            ("one line, VAK", [(0, 0), (0, 0), (66_778, 66)], &[66_778], &[66]),
            ("one line, VEK", [(0, 0), (0, 0), (47_420, 48)], &[47_420], &[48]),
            (
                "index, compensatie, two andere lines",
                [(1_486_400, 1_486), (-1_500_000, -1_500), (2_900_400, 2_901)],
                &[1_486_400, -1_500_000, 2_400_200, 500_200],
                &[1_486, -1_500, 2_401, 500],
            ),
            (
                "lines whose own roundings are the printed figure",
                [(0, 0), (0, 0), (2_900_400, 2_900)],
                &[2_400_200, 500_200],
                &[2_400, 500],
            ),
            ("negative andere", [(0, 0), (0, 0), (-2_800, -3)], &[-1_400, -1_400], &[-1, -2]),
            (
                "compensaties in and out, negative andere",
                [(37_300, 37), (1_249_600, 1_250), (-2_000_700, -2_002)],
                &[37_300, 1_500_100, -250_500, -2_000_700],
                &[37, 1_500, -250, -2_002],
            ),
            ("an index without a line is skipped", [(1_486_400, 1_486), (0, 0), (1_200, 2)], &[700, 500], &[1, 1]),
            (
                "lines for every movement, not in the rows' order",
                [(1_486_400, 1_486), (0, 0), (1_200, 2)],
                &[700, 1_486_400, 500],
                &[1, 1_486, 1],
            ),
            (
                "lines that explain only part of a row: their own sum",
                [(0, 0), (0, 0), (5_000_000, 5_000)],
                &[1_200, 1_200],
                &[1, 1],
            ),
            (
                "in thousands nothing changes",
                [(1_486_000, 1_486), (-1_500_000, -1_500), (2_900_000, 2_900)],
                &[1_486_000, -1_500_000, 2_400_000, 500_000],
                &[1_486, -1_500, 2_400, 500],
            ),
        ];
        for (name, rows, lines, want) in cases {
            let money = |e: &i64| Money::from_cents(e * 100);
            let rows: Vec<(Money, i64)> = rows.iter().map(|(e, p)| (money(e), *p)).collect();
            let lines: Vec<Money> = lines.iter().map(money).collect();
            assert_eq!(toelichting_thousands(&lines, &rows), *want, "{name}");
        }
    }
}
