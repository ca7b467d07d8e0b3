//! Exact money: one type for every amount, in whole euro cents.
//!
//! Spreadsheet numbers arrive as `f64`; they are converted once, at load time
//! (`load::workbook`), and never touched as floats again. Printed figures are
//! whole thousands of euros, rounded half away from zero, or apportioned so that
//! they add up to a printed total (see `docs/rounding.md`).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

use serde::Serialize;

/// An exact amount of money in euro cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(i64);

/// The largest amount accepted from an input, in euro: a thousand billion.
/// It keeps every sum over a whole budget far inside `i64` cents.
pub const MAX_EUROS: i64 = 1_000_000_000_000;

/// The unit amounts are typed in, declared per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// Whole euros.
    Euro,
    /// Whole thousands of euros, as in the published tables.
    DuizendEuro,
}

impl Unit {
    /// Cents in one unit.
    pub fn cents(self) -> i64 {
        match self {
            Unit::Euro => 100,
            Unit::DuizendEuro => 100_000,
        }
    }

    /// The unit's name as users write it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Euro => "euro",
            Unit::DuizendEuro => "duizend euro",
        }
    }
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// `n` whole units, or `None` beyond [`MAX_EUROS`].
    pub fn from_units(n: i64, unit: Unit) -> Option<Money> {
        let cents = n.checked_mul(unit.cents())?;
        (cents.checked_abs()? <= MAX_EUROS * 100).then_some(Money(cents))
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whole thousands of euros, rounded half away from zero: the printed figure.
    pub fn thousands(self) -> i64 {
        let q = self.0 / 100_000;
        let r = self.0 % 100_000;
        if r.abs() * 2 >= 100_000 { q + self.0.signum() } else { q }
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        // Inputs are bounded by MAX_EUROS, so sums of any real budget stay far
        // from the limit; saturate rather than wrap should that ever change.
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

/// Plain euro notation for messages: `-1234567.89 euro` style is avoided in
/// favour of the users' own: `-1.234.567,89 euro`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let euros = self.0 / 100;
        let cents = (self.0 % 100).abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        let grouped = group_thousands(euros.unsigned_abs());
        if cents == 0 { write!(f, "{sign}{grouped} euro") } else { write!(f, "{sign}{grouped},{cents:02} euro") }
    }
}

impl Money {
    /// The amount as the workbook's users typed it: in `unit`, with the
    /// unit's name (`235.000 duizend euro`, `1,5 duizend euro`; exact, so a
    /// cent in thousands shows as `0,00001 duizend euro`).
    pub fn in_unit(self, unit: Unit) -> InUnit {
        InUnit(self, unit)
    }
}

/// [`Money::in_unit`]'s display.
#[derive(Debug, Clone, Copy)]
pub struct InUnit(Money, Unit);

impl fmt::Display for InUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InUnit(m, unit) = *self;
        let per = unit.cents().unsigned_abs();
        let abs = m.0.unsigned_abs();
        let sign = if m.0 < 0 { "-" } else { "" };
        let whole = group_thousands(abs / per);
        let rest = abs % per;
        if rest == 0 {
            return write!(f, "{sign}{whole} {}", unit.name());
        }
        // The fraction of a unit, in as many digits as a unit has cents, trailing zeros dropped.
        let digits = per.ilog10() as usize;
        let fraction = format!("{rest:0digits$}");
        write!(f, "{sign}{whole},{} {}", fraction.trim_end_matches('0'), unit.name())
    }
}

/// Whole thousands for each of `amounts` that add up to exactly `target`: the
/// largest-remainder method. Each amount is floored to whole thousands (towards
/// minus infinity, so -1.400 euro floors to -2 with a remainder of 600); the
/// thousands still missing to reach `target` go one each to the amounts with the
/// largest remainders, ties to the earlier amount. When `target` lies further
/// from the floors than one thousand per amount (a printed row that absorbed the
/// rounding of other rows), every amount first takes an equal whole share.
///
/// A zero amount prints 0 and takes no share; when every amount is zero, all
/// print 0 whatever `target` is.
pub fn apportion_thousands(amounts: &[Money], target: i64) -> Vec<i64> {
    const THOUSAND: i64 = 100_000;
    let mut printed: Vec<i64> = amounts.iter().map(|m| m.0.div_euclid(THOUSAND)).collect();
    // (remainder, position) of the amounts that take a share.
    let mut shares: Vec<(i64, usize)> =
        amounts.iter().enumerate().filter(|(_, m)| !m.is_zero()).map(|(i, m)| (m.0.rem_euclid(THOUSAND), i)).collect();
    let Ok(n) = i64::try_from(shares.len()) else { return printed };
    if n == 0 {
        return printed;
    }
    let missing = target.saturating_sub(printed.iter().sum::<i64>());
    let (each, extra) = (missing.div_euclid(n), missing.rem_euclid(n));
    // Largest remainder first; the sort is stable, so ties keep their order.
    shares.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (rank, &(_, i)) in shares.iter().enumerate() {
        if let Some(p) = printed.get_mut(i) {
            *p += each + i64::from(i64::try_from(rank).is_ok_and(|r| r < extra));
        }
    }
    printed
}

/// `1234567` → `"1.234.567"`: digits grouped by three with a dot (nl-BE).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_thousands_half_away_from_zero() {
        let cases: &[(i64, i64)] = &[
            // (cents, printed thousands)
            (0, 0),
            (49_999, 0),
            (50_000, 1),
            (-50_000, -1),
            (-49_999, 0),
            (149_999, 1),
            (150_000, 2),
            (-150_000, -2),
            (33_174_000_000, 331_740),
            (-3_756_549_999, -37_565),
            (-3_756_550_000, -37_566),
        ];
        for &(cents, want) in cases {
            assert_eq!(Money::from_cents(cents).thousands(), want, "{cents} cents");
        }
    }

    #[test]
    fn apportions_thousands_by_largest_remainder() {
        // (amounts in euro, target in thousands, printed thousands)
        let cases: &[(&[i64], i64, &[i64])] = &[
            // Nothing to apportion.
            (&[], 0, &[]),
            // One line takes the whole figure it explains, even away from its own rounding.
            (&[66_778], 66, &[66]),
            (&[66_778], 67, &[67]),
            (&[47_400], 48, &[48]),
            (&[1_200], 3, &[3]),
            // Whole thousands stay as they are when the target is their sum.
            (&[1_486_000, -1_500_000, 2_900_000], 2_886, &[1_486, -1_500, 2_900]),
            // A set whose exact sum is the target: each line its own rounding when that adds up...
            (&[2_400_200, 500_200], 2_900, &[2_400, 500]),
            // ... and the largest remainders take the missing thousands when it does not.
            (&[400, 400, 400], 1, &[1, 0, 0]),
            (&[300, 700, 500, 500], 2, &[0, 1, 1, 0]),
            (&[2_400_200, 500_300], 2_901, &[2_400, 501]),
            // Ties go to the earlier line.
            (&[2_400_200, 500_200], 2_901, &[2_401, 500]),
            (&[500, 500], 1, &[1, 0]),
            // Negative amounts floor towards minus infinity: -1.400 is -2 + 0,6.
            (&[-1_400, -1_400], -3, &[-1, -2]),
            (&[-1_400, -1_600], -3, &[-1, -2]),
            (&[-1_600, -1_400], -3, &[-2, -1]),
            (&[-1_500], -2, &[-2]),
            (&[-1_500, 1_500], 0, &[-1, 1]),
            (&[-2_000_400, 1_500_000, 300_300], -200, &[-2_000, 1_500, 300]),
            (&[-2_000_600, 1_500_000, 300_300], -201, &[-2_001, 1_500, 300]),
            // Below the floors: the smallest remainders give way first.
            (&[1_000, 2_500], 2, &[0, 2]),
            (&[1_900, 1_100, 1_500], 2, &[1, 0, 1]),
            // Far from the floors: an equal share each, then by remainder.
            (&[100, 200, 300], 5, &[1, 2, 2]),
            (&[100, 200, 300], -4, &[-2, -1, -1]),
            // A zero amount stays 0 and takes no share.
            (&[0, 66_778], 67, &[0, 67]),
            (&[0, 0], 1, &[0, 0]),
        ];
        for &(amounts, target, want) in cases {
            let money: Vec<Money> = amounts.iter().map(|e| Money::from_cents(e * 100)).collect();
            let got = apportion_thousands(&money, target);
            assert_eq!(got, want, "{amounts:?} to {target}");
            if amounts.iter().any(|&a| a != 0) {
                assert_eq!(got.iter().sum::<i64>(), target, "{amounts:?} to {target}");
            }
        }
    }

    #[test]
    fn units_convert_exactly_and_refuse_absurd_amounts() {
        assert_eq!(Money::from_units(331_740, Unit::DuizendEuro), Some(Money::from_cents(33_174_000_000)));
        assert_eq!(Money::from_units(-4_917, Unit::Euro), Some(Money::from_cents(-491_700)));
        assert_eq!(Money::from_units(MAX_EUROS, Unit::Euro), Some(Money::from_cents(MAX_EUROS * 100)));
        assert_eq!(Money::from_units(MAX_EUROS + 1, Unit::Euro), None);
        assert_eq!(Money::from_units(i64::MAX, Unit::DuizendEuro), None);
    }

    #[test]
    fn displays_in_dutch_notation() {
        let cases: &[(i64, &str)] =
            &[(0, "0 euro"), (123_456_789, "1.234.567,89 euro"), (-491_700, "-4.917 euro"), (-5, "-0,05 euro")];
        let in_unit: &[(i64, Unit, &str)] = &[
            (23_500_000_000, Unit::DuizendEuro, "235.000 duizend euro"),
            (150_000, Unit::DuizendEuro, "1,5 duizend euro"),
            (-1, Unit::DuizendEuro, "-0,00001 duizend euro"),
            (-100_000, Unit::DuizendEuro, "-1 duizend euro"),
            (123_456, Unit::Euro, "1.234,56 euro"),
            (0, Unit::Euro, "0 euro"),
        ];
        for &(cents, unit, want) in in_unit {
            assert_eq!(Money::from_cents(cents).in_unit(unit).to_string(), want);
        }
        for &(cents, want) in cases {
            assert_eq!(Money::from_cents(cents).to_string(), want);
        }
    }
}
