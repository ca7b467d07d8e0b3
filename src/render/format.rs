//! nl-BE formatting of figures and dates (domain.md §7): `2.991.680`,
//! `-37.565`, `94,3 %`, "24 oktober 2025", Roman numerals for parts.

use crate::model::Date;
use crate::model::money::group_thousands;

/// A whole number with `.` between thousands and a leading minus: `-37.565`.
pub fn integer(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

/// A percentage with one decimal and a comma: `94,3 %`. `None` when the base is zero.
pub fn percent(part: i64, whole: i64) -> Option<String> {
    if whole == 0 {
        return None;
    }
    // Tenths of a percent, rounded half away from zero, in integers.
    let num = i128::from(part) * 1000;
    let den = i128::from(whole);
    let q = num / den;
    let r = num % den;
    let tenths = if (r.abs() * 2) >= den.abs() { q + if (num < 0) != (den < 0) { -1 } else { 1 } } else { q };
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    Some(format!("{sign}{},{} %", group_thousands((t / 10) as u64), t % 10))
}

/// Thousands of euros in millions with one decimal, rounded once, half away
/// from zero: `154215` → `154,2 miljoen euro`.
pub fn miljoen(thousands: i64) -> String {
    // Tenths of a million are hundreds of thousands.
    let q = thousands / 100;
    let r = thousands % 100;
    let tenths = if r.abs() * 2 >= 100 { q + thousands.signum() } else { q };
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{},{} miljoen euro", group_thousands(t / 10), t % 10)
}

/// Thousands of euros written out in euros: `-250` → `-250.000 euro`.
pub fn euro(thousands: i64) -> String {
    format!("{} euro", integer(thousands.saturating_mul(1000)))
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "24 oktober 2025".
pub fn long_date(d: Date) -> String {
    let month = MONTHS.get(usize::from(d.month).saturating_sub(1)).copied().unwrap_or("?");
    format!("{} {} {}", d.day, month, d.year)
}

/// Roman numeral for part numbers (1 → I, 4 → IV, 14 → XIV).
/// A Dutch enumeration: "A", "A en B", "A, B en C".
pub fn opsomming(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, sym) in TABLE {
        while n >= value {
            out.push_str(sym);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_integers_the_flemish_way() {
        let cases: &[(i64, &str)] = &[
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1.000"),
            (12_345, "12.345"),
            (-4_917, "-4.917"),
            (-37_565, "-37.565"),
            (2_991_680, "2.991.680"),
            (-1_000_000, "-1.000.000"),
            (i64::MIN, "-9.223.372.036.854.775.808"),
        ];
        for &(n, want) in cases {
            assert_eq!(integer(n), want, "{n}");
        }
    }

    /// Millions with one decimal, rounded once from the printed thousands,
    /// half away from zero; euros written out.
    #[test]
    fn writes_prose_figures() {
        let cases: &[(i64, &str)] = &[
            (154_215, "154,2 miljoen euro"),
            (154_250, "154,3 miljoen euro"),
            (154_249, "154,2 miljoen euro"),
            (-250, "-0,3 miljoen euro"),
            (-249, "-0,2 miljoen euro"),
            (0, "0,0 miljoen euro"),
            (1_234_567, "1.234,6 miljoen euro"),
        ];
        for &(n, want) in cases {
            assert_eq!(miljoen(n), want, "{n}");
        }
        assert_eq!(euro(-250), "-250.000 euro");
        assert_eq!(euro(1_767), "1.767.000 euro");
    }

    #[test]
    fn formats_percentages_with_a_decimal_comma() {
        let cases: &[(i64, i64, Option<&str>)] = &[
            (943, 1000, Some("94,3 %")),
            (1, 3, Some("33,3 %")),
            (2, 3, Some("66,7 %")),
            (-37_565, 331_740, Some("-11,3 %")),
            (5, 0, None),
            (0, 5, Some("0,0 %")),
            (123_456, 100, Some("123.456,0 %")),
            (1, 2000, Some("0,1 %")),
            (-1, 2000, Some("-0,1 %")),
        ];
        for &(part, whole, want) in cases {
            assert_eq!(percent(part, whole).as_deref(), want, "{part}/{whole}");
        }
    }

    #[test]
    fn writes_long_dutch_dates() {
        let cases: &[((i32, u8, u8), &str)] = &[
            ((2025, 10, 24), "24 oktober 2025"),
            ((2024, 1, 1), "1 januari 2024"),
            ((2024, 2, 29), "29 februari 2024"),
        ];
        for &((y, m, d), want) in cases {
            assert_eq!(long_date(Date::new(y, m, d).unwrap()), want);
        }
    }

    #[test]
    fn writes_roman_numerals() {
        let cases: &[(u32, &str)] =
            &[(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")];
        for &(n, want) in cases {
            assert_eq!(roman(n), want);
        }
    }
}
