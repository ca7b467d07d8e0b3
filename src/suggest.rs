//! "Did you mean …?": the one place that finds, among the names that exist,
//! the one a user most likely meant by a name that does not (an id, a text
//! file, an ISE or article code, a YAML key, a field of a live figure, a
//! command).

/// What a user can write instead when nothing is near what they wrote: the
/// first eight `names`, and how many more there are ("a, b, … en 3 andere").
pub fn some_of<S: AsRef<str>>(names: impl ExactSizeIterator<Item = S>) -> String {
    const SHOWN: usize = 8;
    let more = names.len().saturating_sub(SHOWN);
    let list = names.take(SHOWN).map(|n| n.as_ref().to_string()).collect::<Vec<_>>().join(", ");
    if more == 0 { list } else { crate::tr!("opsomming-en-meer", lijst = list, meer = more) }
}

/// The longest name a suggestion is looked for.
const MAX_LEN: usize = 64;

/// The candidate nearest to `word` if it is near enough to be a typo of it:
/// at most a third of its characters edited (at least one; adjacent letters
/// swapped count as one edit), compared without regard to case. Two
/// different candidates equally near are no suggestion (`SF-Z` is as near
/// `SF-A` as `SF-B`: guessing would mislead). `word` itself is never
/// suggested.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let original = word;
    let word = word.to_lowercase();
    let len = word.chars().count();
    // Names are short; a long "name" is no typo of one (and comparing it
    // with thousands of candidates would take long).
    if len > MAX_LEN {
        return None;
    }
    let limit = (len / 3).max(1);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    // The letter O for the digit 0 (or I, l for 1) first: it looks the same.
    let mut same = candidates.iter().filter(|c| **c != original && look_alike(original, c));
    if let (Some(c), None) = (same.next(), same.next()) {
        return Some(c);
    }
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for c in candidates {
        if c == original {
            continue;
        }
        // Lengths further apart than the limit cannot be within it.
        if c.chars().count().abs_diff(len) > limit {
            continue;
        }
        let d = strsim::osa_distance(&word, &c.to_lowercase());
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, name)) if d == b => tied |= name != c,
            _ => {
                best = Some((d, c));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

/// Whether `a` and `b` read the same on screen: equal but for the letter O
/// where the other has the digit 0, or I or l where it has 1 (a code typed
/// from paper: `SBO` for `SB0`). Case counts: codes are in capitals.
pub fn look_alike(a: &str, b: &str) -> bool {
    let plain = |c: char| match c {
        'O' | 'o' => '0',
        'I' | 'l' => '1',
        c => c,
    };
    a != b && a.chars().count() == b.chars().count() && a.chars().map(plain).eq(b.chars().map(plain))
}

#[cfg(test)]
mod tests {
    use super::{closest, look_alike};

    #[test]
    fn a_letter_o_for_a_zero_is_a_look_alike() {
        assert!(look_alike("SBO", "SB0"));
        assert!(look_alike("SB0-OSFE2AA-WT", "SB0-0SFE2AA-WT"));
        assert!(look_alike("SB0-lSFE2AA-WT", "SB0-1SFE2AA-WT"));
        assert!(!look_alike("SB0", "SB0"));
        assert!(!look_alike("SBA", "SB0"));
        // Preferred over a candidate as near by edits.
        assert_eq!(closest("SBO", ["SBA", "SB0"]), Some("SB0"));
    }

    #[test]
    fn a_typo_finds_its_name() {
        let ids = ["od-plan-samenleven", "od-netwerk", "sd-inburgering"];
        assert_eq!(closest("od-plan-samenlevn", ids), Some("od-plan-samenleven"));
        assert_eq!(closest("od-netwrek", ids), Some("od-netwerk"));
        assert_eq!(closest("OD-NETWERK", ids), Some("od-netwerk"));
        assert_eq!(closest("od-iets-anders", ids), None);
        assert_eq!(closest("od-netwerk", ids), None);
        assert_eq!(closest("rendr", ["render", "watch", "check"]), Some("render"));
        assert_eq!(closest("B03", ["B003", "B100"]), Some("B003"));
        assert_eq!(closest("B03", ["B003", "B030"]), None);
        assert_eq!(closest("SF-Z", ["SF-A", "SF-B", "SG-A"]), None);
        assert_eq!(closest("x", ["y"]), Some("y"));
        assert_eq!(closest("", ["ab"]), None);
    }
}
