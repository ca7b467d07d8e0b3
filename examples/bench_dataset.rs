//! Writes a synthetic but realistic whole-government dataset for benchmarking
//! `bbt`: eleven policy domains of the Flemish government, each a complete
//! project in the sample's format (`beleidsnota.yaml`, `2025/bo/` and
//! `2026/bo/` with `bbt.yaml`, `begroting.xlsx`, `tekst/*.md` and
//! `prestaties.yaml`), about 2,000 budget articles in all.
//!
//! ```sh
//! cargo run --release --example bench_dataset -- OUT_DIR [--seed N]
//! ```
//!
//! Everything is drawn from a small PRNG (splitmix64) seeded with `--seed`
//! (default 1): the same seed gives byte-identical files. Each domain's
//! folder `OUT_DIR/<domain-id>/` is replaced as a whole. Every project checks
//! clean (`bbt check OUT_DIR/<domain-id> --year 2025`, `--year 2026`): the
//! figures add up, codes follow the entity, programma and ISE, and 2026
//! declares its changes (a renamed OD, a new OD, a split ISE with its
//! recoded articles, and per domain some of: a renamed SD, a moved OD, a
//! changed credit kind, a dropped provision, new articles). See
//! bench/README.md.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use bbt::model::budget::Esr;
use common::{Jaar, Ontvangst, Uitgave};

// ---------------------------------------------------------------------------
// The PRNG

/// splitmix64: small, fast and good enough to draw a dataset from.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for one purpose, so that drawing more or less
    /// in one part of the dataset does not shift every other part.
    fn fork(&self, salt: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in salt.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let mut r = Rng(self.0 ^ h);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `pct` percent.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// One of a pool of words or templates.
    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// Roughly log-uniform between `lo` and `hi`, in integers only (so the
    /// figures do not depend on the platform's floating-point library).
    fn log_uniform(&mut self, lo: i64, hi: i64) -> i64 {
        let mut steps = 0;
        let mut v = lo.max(1);
        while v < hi {
            v = v * 23 / 20 + 1;
            steps += 1;
        }
        let mut v = lo.max(1);
        for _ in 0..self.below(steps + 1) {
            v = v * 23 / 20 + 1;
        }
        (v * self.range(90, 110) / 100).max(1)
    }
}

// ---------------------------------------------------------------------------
// The domains

struct Spec {
    /// Project id and folder name.
    id: &'static str,
    bevoegdheid: &'static str,
    /// The domain letter: first letter of every entity and programma.
    letter: char,
    /// Second letters of the programmas, one per beleidsveld.
    programmas: &'static str,
    /// The competent minister's letter in the article codes.
    minister_letter: char,
    minister: &'static str,
    minister_titel: &'static str,
    /// (second letter of the entity code, name); the first is the departement.
    entiteiten: &'static [(char, &'static str)],
    partners: &'static [&'static str],
    doelgroepen: &'static [&'static str],
    /// The themes of the horizontal plan ([`PLAN_THEMAS`]) its ODs contribute to.
    themas: &'static [&'static str],
    /// (naam, topics): the topics name the ISEs and the objectives.
    beleidsvelden: &'static [(&'static str, [&'static str; 8])],
    /// Expenditure articles in 2025.
    artikelen: usize,
    sds: usize,
    /// A typical article's credit, in thousand euro.
    schaal: i64,
    /// The domain has loans and participations (LE, PA).
    financieel: bool,
    /// The workbook is in euro rather than thousand euro.
    euro: bool,
}

const DOMEINEN: &[Spec] = &[
    Spec {
        id: "kanselarij-buitenland",
        bevoegdheid: "Kanselarij en Buitenland",
        letter: 'A',
        programmas: "BCD",
        minister_letter: 'A',
        minister: "Pieter De Clercq",
        minister_titel: "Minister-president van de Vlaamse Regering, Vlaams minister van Buitenlandse Zaken en Digitalisering",
        entiteiten: &[
            ('B', "Departement Kanselarij en Buitenland"),
            ('D', "Agentschap Digitaal Vlaanderen"),
            ('F', "Vlaams Agentschap voor Internationale Samenwerking"),
        ],
        partners: &[
            "de lokale besturen",
            "de Vlaamse vertegenwoordigers in het buitenland",
            "de Europese instellingen",
            "de partnerlanden",
            "het middenveld",
            "de andere beleidsdomeinen",
        ],
        doelgroepen: &[
            "burgers en ondernemingen",
            "lokale besturen",
            "Vlaamse organisaties met internationale ambities",
        ],
        themas: &["gender", "herkomst", "toegankelijkheid"],
        beleidsvelden: &[
            (
                "Coördinatie en communicatie",
                [
                    "de coördinatie van het regeringsbeleid",
                    "de overheidscommunicatie",
                    "de beleidsevaluatie en statistiek",
                    "de kwaliteit van de regelgeving",
                    "het archiefbeheer",
                    "de integriteit van het bestuur",
                    "de klachtenbehandeling",
                    "de Vlaamse Ombudsdienst",
                ],
            ),
            (
                "Buitenlands beleid en ontwikkelingssamenwerking",
                [
                    "de bilaterale betrekkingen",
                    "de Europese beleidsvorming",
                    "de vertegenwoordiging in het buitenland",
                    "de samenwerking met Nederland",
                    "de multilaterale samenwerking",
                    "de klimaatfinanciering",
                    "de humanitaire hulp",
                    "de ontwikkelingssamenwerking in zuidelijk Afrika",
                ],
            ),
            (
                "Digitale overheid",
                [
                    "de digitale dienstverlening",
                    "de informatieveiligheid",
                    "het gegevensdelen tussen overheden",
                    "de basisregisters",
                    "de digitale inclusie",
                    "de artificiële intelligentie in de overheid",
                    "de overheidsinfrastructuur in de cloud",
                    "het geografisch informatiesysteem",
                ],
            ),
        ],
        artikelen: 120,
        sds: 4,
        schaal: 3_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "financien-begroting",
        bevoegdheid: "Financiën en Begroting",
        letter: 'C',
        programmas: "BCD",
        minister_letter: 'B',
        minister: "Annelies Van den Broeck",
        minister_titel: "Vlaams minister van Financiën en Begroting, Wonen en Onroerend Erfgoed",
        entiteiten: &[
            ('B', "Departement Financiën en Begroting"),
            ('F', "Vlaamse Belastingdienst"),
            ('H', "Agentschap Facilitair Bedrijf"),
            ('K', "Vlaams Financieringsfonds voor Investeringen"),
        ],
        partners: &[
            "de Inspectie van Financiën",
            "het Rekenhof",
            "de federale overheid",
            "de lokale besturen",
            "de Europese Commissie",
            "de andere beleidsdomeinen",
        ],
        doelgroepen: &[
            "belastingplichtigen",
            "notarissen en vastgoedmakelaars",
            "de entiteiten van de Vlaamse overheid",
        ],
        themas: &["gender", "armoede", "toegankelijkheid"],
        beleidsvelden: &[
            (
                "Begroting en financieel beleid",
                [
                    "de begrotingsopmaak",
                    "de meerjarenraming",
                    "de rapportering aan Europa",
                    "de thesaurie en het schuldbeheer",
                    "de financiële audit",
                    "de boekhouding van de Vlaamse overheid",
                    "de spending reviews",
                    "de publiek-private samenwerking",
                ],
            ),
            (
                "Fiscaliteit",
                [
                    "de registratiebelasting",
                    "de erfbelasting",
                    "de onroerende voorheffing",
                    "de verkeersbelastingen",
                    "de fiscale ontvangsten",
                    "de inning en invordering",
                    "de fiscale geschillen",
                    "de digitale aangifte",
                ],
            ),
            (
                "Facilitair management",
                [
                    "het gebouwenpatrimonium",
                    "de energierenovatie van overheidsgebouwen",
                    "de catering en schoonmaak",
                    "het wagenpark",
                    "de overheidsopdrachten",
                    "het documentbeheer",
                    "de werkplekken van de toekomst",
                    "de beveiliging van gebouwen",
                ],
            ),
        ],
        artikelen: 160,
        sds: 4,
        schaal: 18_000,
        financieel: true,
        euro: false,
    },
    Spec {
        id: "omgeving",
        bevoegdheid: "Omgeving",
        letter: 'Q',
        programmas: "BCDE",
        minister_letter: 'C',
        minister: "Bart Claeys",
        minister_titel: "Vlaams minister van Omgeving, Natuur, Energie en Klimaat",
        entiteiten: &[
            ('B', "Departement Omgeving"),
            ('C', "Agentschap voor Natuur en Bos"),
            ('E', "Vlaams Energie- en Klimaatagentschap"),
            ('G', "Vlaamse Milieumaatschappij"),
            ('H', "Openbare Vlaamse Afvalstoffenmaatschappij"),
        ],
        partners: &[
            "de lokale besturen",
            "de provincies",
            "de natuurverenigingen",
            "de landbouw- en bouwsector",
            "de netbeheerders",
            "de drinkwatermaatschappijen",
        ],
        doelgroepen: &["gezinnen", "ondernemingen", "lokale besturen", "gezinnen in energiearmoede"],
        themas: &["armoede", "toegankelijkheid", "ouderen", "handicap"],
        beleidsvelden: &[
            (
                "Ruimtelijke ordening",
                [
                    "de ruimtelijke planning",
                    "de omgevingsvergunning",
                    "de handhaving",
                    "de bouwshift",
                    "de open ruimte",
                    "de stadsvernieuwing",
                    "de landinrichting",
                    "de ruimtelijke beleidsplannen",
                ],
            ),
            (
                "Natuur en bos",
                [
                    "de natuurbeheerplannen",
                    "de bosuitbreiding",
                    "de Europese habitatrichtlijn",
                    "de soortenbescherming",
                    "de stikstofaanpak",
                    "de groenblauwe dooradering",
                    "de natuureducatie",
                    "de aankoop van natuurgebieden",
                ],
            ),
            (
                "Milieu en water",
                [
                    "de waterkwaliteit",
                    "de aanpak van droogte en wateroverlast",
                    "de luchtkwaliteit",
                    "de bodemsanering",
                    "de circulaire economie",
                    "het afvalbeleid",
                    "de PFAS-aanpak",
                    "de geluidshinder",
                ],
            ),
            (
                "Energie en klimaat",
                [
                    "de energierenovatie van woningen",
                    "de hernieuwbare energie",
                    "de warmtenetten",
                    "de energiearmoede",
                    "het klimaatbeleidsplan",
                    "de energie-efficiëntie in bedrijven",
                    "de slimme energienetten",
                    "de laadinfrastructuur",
                ],
            ),
        ],
        artikelen: 240,
        sds: 7,
        schaal: 12_000,
        financieel: true,
        euro: false,
    },
    Spec {
        id: "onderwijs-vorming",
        bevoegdheid: "Onderwijs en Vorming",
        letter: 'F',
        programmas: "BCDEF",
        minister_letter: 'D',
        minister: "Katrien Wouters",
        minister_titel: "Vlaams minister van Onderwijs, Sport en Vlaamse Rand",
        entiteiten: &[
            ('B', "Departement Onderwijs en Vorming"),
            ('D', "Agentschap voor Onderwijsdiensten"),
            ('E', "Agentschap voor Hoger Onderwijs, Volwassenenonderwijs, Kwalificaties en Studietoelagen"),
            ('G', "Agentschap voor Infrastructuur in het Onderwijs"),
        ],
        partners: &[
            "de onderwijskoepels",
            "de scholen",
            "de centra voor leerlingenbegeleiding",
            "de universiteiten en hogescholen",
            "de lokale besturen",
            "de sociale partners",
        ],
        doelgroepen: &["leerlingen", "leraren", "studenten", "volwassen cursisten", "kleuters"],
        themas: &["herkomst", "armoede", "handicap", "gender"],
        beleidsvelden: &[
            (
                "Kleuter- en lager onderwijs",
                [
                    "de kleuterparticipatie",
                    "de taalvaardigheid Nederlands",
                    "de leerlingenbegeleiding",
                    "de werkingsmiddelen van de basisscholen",
                    "de brede school",
                    "de zorg op school",
                    "de Vlaamse toetsen",
                    "de onderwijsloopbaan",
                ],
            ),
            (
                "Secundair onderwijs",
                [
                    "de modernisering van het secundair onderwijs",
                    "het duaal leren",
                    "de STEM-richtingen",
                    "de minimumdoelen",
                    "het buitengewoon onderwijs",
                    "de vroegtijdige schooluitval",
                    "de studiekeuzebegeleiding",
                    "het werkplekleren",
                ],
            ),
            (
                "Hoger onderwijs",
                [
                    "de financiering van universiteiten en hogescholen",
                    "de studietoelagen",
                    "de internationalisering",
                    "de lerarenopleiding",
                    "de kwaliteitszorg in het hoger onderwijs",
                    "de studentenvoorzieningen",
                    "de flexibilisering van het studietraject",
                    "het academisch onderzoek",
                ],
            ),
            (
                "Volwassenenonderwijs en levenslang leren",
                [
                    "de basiseducatie",
                    "de centra voor volwassenenonderwijs",
                    "de opleidingsincentives",
                    "de erkenning van verworven competenties",
                    "de geletterdheid",
                    "de digitale vaardigheden van volwassenen",
                    "het tweedekansonderwijs",
                    "het Nederlands voor anderstaligen",
                ],
            ),
            (
                "Personeel en infrastructuur",
                [
                    "het lerarentekort",
                    "de schoolgebouwen",
                    "de professionalisering van leraren",
                    "de lerarenloopbaan",
                    "de inhaalbeweging schoolinfrastructuur",
                    "de ICT op school",
                    "de administratieve ondersteuning van scholen",
                    "de aanvangsbegeleiding van leraren",
                ],
            ),
        ],
        artikelen: 340,
        sds: 8,
        schaal: 45_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "welzijn-gezondheid-gezin",
        bevoegdheid: "Welzijn, Volksgezondheid en Gezin",
        letter: 'G',
        programmas: "BCDEF",
        minister_letter: 'F',
        minister: "Hilde Maes",
        minister_titel: "Vlaams minister van Welzijn, Volksgezondheid, Gezin en Armoedebestrijding",
        entiteiten: &[
            ('B', "Departement Zorg"),
            ('D', "Agentschap Opgroeien"),
            ('E', "Vlaams Agentschap voor Personen met een Handicap"),
            ('F', "Vlaamse Sociale Bescherming"),
        ],
        partners: &[
            "de zorgraden",
            "de lokale besturen",
            "de ziekenfondsen",
            "de zorgvoorzieningen",
            "de huisartsen en apothekers",
            "de gebruikersorganisaties",
        ],
        doelgroepen: &["gezinnen met jonge kinderen", "ouderen", "personen met een handicap", "mensen in armoede"],
        themas: &["armoede", "handicap", "ouderen", "jongeren", "gender"],
        beleidsvelden: &[
            (
                "Welzijn en armoedebestrijding",
                [
                    "de eerstelijnszorg",
                    "de centra voor algemeen welzijnswerk",
                    "de aanpak van dakloosheid",
                    "de schuldhulpverlening",
                    "de armoedebestrijding",
                    "de aanpak van intrafamiliaal geweld",
                    "de woonbegeleiding van kwetsbare groepen",
                    "de ondersteuning van mantelzorgers",
                ],
            ),
            (
                "Gezondheid",
                [
                    "de preventieve gezondheidszorg",
                    "de geestelijke gezondheidszorg",
                    "de vaccinatie",
                    "de infectieziektebestrijding",
                    "de bevolkingsonderzoeken naar kanker",
                    "de eerstelijnspsychologische zorg",
                    "de gezondheidsdoelstellingen",
                    "de drugpreventie",
                ],
            ),
            (
                "Gezin en kinderopvang",
                [
                    "de kinderopvang van baby's en peuters",
                    "het Groeipakket",
                    "de jeugdhulp",
                    "de preventieve gezinsondersteuning",
                    "de opvang buiten de schooluren",
                    "de adoptie",
                    "de pleegzorg",
                    "de opvoedingsondersteuning",
                ],
            ),
            (
                "Ouderenzorg",
                [
                    "de woonzorgcentra",
                    "de thuiszorg",
                    "de dagverzorging",
                    "de zorgbudgetten",
                    "de personeelsinzet in de zorg",
                    "de dementievriendelijke gemeenten",
                    "de infrastructuur voor ouderenzorg",
                    "de kwaliteit van de zorg",
                ],
            ),
            (
                "Personen met een handicap",
                [
                    "het persoonsvolgend budget",
                    "de rechtstreeks toegankelijke hulp",
                    "de hulpmiddelen",
                    "de wachtlijsten voor zorg",
                    "de inclusieve samenleving",
                    "de dagondersteuning",
                    "de woonondersteuning",
                    "de participatie van personen met een handicap",
                ],
            ),
        ],
        artikelen: 300,
        sds: 8,
        schaal: 60_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "cultuur-jeugd-media",
        bevoegdheid: "Cultuur, Jeugd en Media",
        letter: 'H',
        programmas: "BCDE",
        minister_letter: 'G',
        minister: "Tom Verhaegen",
        minister_titel: "Vlaams minister van Cultuur, Jeugd en Media",
        entiteiten: &[
            ('B', "Departement Cultuur, Jeugd en Media"),
            ('K', "Agentschap Kunsten en Erfgoed"),
            ('V', "Vlaamse Radio- en Televisieomroeporganisatie"),
        ],
        partners: &[
            "de culturele organisaties",
            "de lokale besturen",
            "het jeugdwerk",
            "de mediabedrijven",
            "de erfgoedsector",
            "de kunstenaars",
        ],
        doelgroepen: &["kinderen en jongeren", "kunstenaars", "cultuurliefhebbers", "kwetsbare groepen"],
        themas: &["jongeren", "toegankelijkheid", "herkomst", "LGBTQI+"],
        beleidsvelden: &[
            (
                "Cultuur",
                [
                    "de kunsten",
                    "het cultureel erfgoed",
                    "de musea",
                    "de podiumkunsten",
                    "de letteren",
                    "de bibliotheken",
                    "de cultuurparticipatie",
                    "de amateurkunsten",
                ],
            ),
            (
                "Jeugd",
                [
                    "het jeugdwerk",
                    "de jeugdverblijven",
                    "de kinderrechten",
                    "de speelruimte",
                    "de participatie van jongeren",
                    "de jeugdwerkinfrastructuur",
                    "het bovenlokaal jeugdwerk",
                    "de vakantiewerking",
                ],
            ),
            (
                "Media",
                [
                    "de openbare omroep",
                    "de regionale televisie",
                    "de mediawijsheid",
                    "de audiovisuele sector",
                    "de lokale radio",
                    "de onderzoeksjournalistiek",
                    "de mediaregulering",
                    "de gamesector",
                ],
            ),
            (
                "Sociaal-cultureel werk",
                [
                    "het sociaal-cultureel volwassenenwerk",
                    "het verenigingsleven",
                    "de gemeenschapscentra",
                    "de cultuurcentra",
                    "het vrijwilligerswerk",
                    "de bovenlokale cultuurwerking",
                    "het immaterieel erfgoed",
                    "de cultuureducatie",
                ],
            ),
        ],
        artikelen: 150,
        sds: 5,
        schaal: 6_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "economie-wetenschap-innovatie",
        bevoegdheid: "Economie, Wetenschap en Innovatie",
        letter: 'E',
        programmas: "BCD",
        minister_letter: 'H',
        minister: "Sofie Janssens",
        minister_titel: "Vlaams minister van Economie, Innovatie en Wetenschapsbeleid",
        entiteiten: &[
            ('B', "Departement Economie, Wetenschap en Innovatie"),
            ('C', "Agentschap Innoveren en Ondernemen"),
            ('D', "Fonds Wetenschappelijk Onderzoek – Vlaanderen"),
            ('P', "Participatiemaatschappij Vlaanderen"),
        ],
        partners: &[
            "de universiteiten",
            "de strategische onderzoekscentra",
            "de werkgeversorganisaties",
            "de speerpuntclusters",
            "de lokale besturen",
            "de Europese Commissie",
        ],
        doelgroepen: &["starters", "kmo's", "onderzoekers", "groeibedrijven"],
        themas: &["gender", "herkomst", "jongeren", "handicap"],
        beleidsvelden: &[
            (
                "Economie en ondernemerschap",
                [
                    "de ondersteuning van starters",
                    "de groeibedrijven",
                    "de internationalisering van ondernemingen",
                    "de bedrijventerreinen",
                    "de kmo-portefeuille",
                    "de strategische investeringen",
                    "de ondernemerschapseducatie",
                    "de handelskernen",
                ],
            ),
            (
                "Wetenschap en onderzoek",
                [
                    "het fundamenteel onderzoek",
                    "de universitaire onderzoeksfinanciering",
                    "de strategische onderzoekscentra",
                    "de onderzoeksinfrastructuur",
                    "de internationale onderzoekssamenwerking",
                    "de wetenschapscommunicatie",
                    "de open wetenschap",
                    "de doctoraatsopleidingen",
                ],
            ),
            (
                "Innovatie",
                [
                    "de innovatieve clusters",
                    "de speerpuntclusters",
                    "de digitale transformatie van bedrijven",
                    "de artificiële intelligentie",
                    "de cybersecurity",
                    "de biotechnologie",
                    "de innovatie in kmo's",
                    "de valorisatie van onderzoek",
                ],
            ),
        ],
        artikelen: 200,
        sds: 6,
        schaal: 15_000,
        financieel: true,
        euro: false,
    },
    Spec {
        id: "werk-sociale-economie",
        bevoegdheid: "Werk en Sociale Economie",
        letter: 'J',
        programmas: "BCD",
        minister_letter: 'J',
        minister: "Karel Mertens",
        minister_titel: "Vlaams minister van Werk en Sociale Economie",
        entiteiten: &[
            ('B', "Departement Werk en Sociale Economie"),
            ('D', "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"),
            ('E', "Vlaams Subsidieagentschap voor Werk en Sociale Economie"),
        ],
        partners: &[
            "de VDAB",
            "de sociale partners",
            "de maatwerkbedrijven",
            "de lokale besturen",
            "de sectorfondsen",
            "de opleidingsverstrekkers",
        ],
        doelgroepen: &["werkzoekenden", "werknemers", "mensen met een arbeidshandicap", "langdurig zieken"],
        themas: &["herkomst", "handicap", "gender", "ouderen"],
        beleidsvelden: &[
            (
                "Arbeidsmarkt",
                [
                    "de activering van werkzoekenden",
                    "de doelgroepvermindering",
                    "de economische migratie",
                    "de knelpuntberoepen",
                    "de arbeidsbemiddeling",
                    "de langdurig werkzoekenden",
                    "de regionale arbeidsmarkt",
                    "de re-integratie van langdurig zieken",
                ],
            ),
            (
                "Sociale economie",
                [
                    "de maatwerkbedrijven",
                    "de lokale diensteneconomie",
                    "het individueel maatwerk",
                    "de sociale ondernemingen",
                    "de arbeidszorg",
                    "de werkervaring",
                    "de inschakelingsbedrijven",
                    "de wijk-werken",
                ],
            ),
            (
                "Competenties en loopbaan",
                [
                    "de opleidingscheques",
                    "het Vlaams opleidingsverlof",
                    "de loopbaanbegeleiding",
                    "de beroepsopleiding",
                    "het werkbaar werk",
                    "de individuele leerrekening",
                    "de erkenning van competenties",
                    "het levenslang leren op de werkvloer",
                ],
            ),
        ],
        artikelen: 170,
        sds: 5,
        schaal: 20_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "mobiliteit-openbare-werken",
        bevoegdheid: "Mobiliteit en Openbare Werken",
        letter: 'M',
        programmas: "BCDE",
        minister_letter: 'K',
        minister: "Lien Goossens",
        minister_titel: "Vlaams minister van Mobiliteit en Openbare Werken",
        entiteiten: &[
            ('B', "Departement Mobiliteit en Openbare Werken"),
            ('C', "Agentschap Wegen en Verkeer"),
            ('D', "Vlaamse Vervoermaatschappij De Lijn"),
            ('E', "De Vlaamse Waterweg"),
            ('F', "Agentschap Maritieme Dienstverlening en Kust"),
        ],
        partners: &[
            "de vervoerregio's",
            "de lokale besturen",
            "De Lijn",
            "de havenbedrijven",
            "de fietsersorganisaties",
            "de aannemers",
        ],
        doelgroepen: &["reizigers", "fietsers en voetgangers", "de logistieke sector", "pendelaars"],
        themas: &["toegankelijkheid", "handicap", "ouderen"],
        beleidsvelden: &[
            (
                "Wegen en verkeersveiligheid",
                [
                    "het onderhoud van gewestwegen",
                    "de verkeersveiligheid",
                    "de fietsinfrastructuur",
                    "de kunstwerken en tunnels",
                    "de verkeerscentra",
                    "de ontsnippering",
                    "de doorstroming op de ring",
                    "de herinrichting van doortochten",
                ],
            ),
            (
                "Openbaar vervoer",
                [
                    "de basisbereikbaarheid",
                    "het vervoer op maat",
                    "de tramlijnen",
                    "de elektrificatie van de busvloot",
                    "de werking van de vervoerregio's",
                    "de mobipunten",
                    "de toegankelijkheid van haltes",
                    "de tariefintegratie",
                ],
            ),
            (
                "Waterwegen en havens",
                [
                    "de vaarweginfrastructuur",
                    "de havenontsluiting",
                    "de sluizen",
                    "de baggerwerken",
                    "de binnenvaart",
                    "de Seine-Scheldeverbinding",
                    "het Sigmaplan",
                    "de jaagpaden",
                ],
            ),
            (
                "Maritieme dienstverlening en kust",
                [
                    "het loodswezen",
                    "de kustbescherming",
                    "de hydrografie",
                    "de scheepvaartbegeleiding",
                    "de kustjachthavens",
                    "de reddingsdiensten",
                    "de maritieme opleiding",
                    "de veerdiensten",
                ],
            ),
        ],
        artikelen: 220,
        sds: 6,
        schaal: 25_000,
        financieel: false,
        euro: false,
    },
    Spec {
        id: "landbouw-visserij",
        bevoegdheid: "Landbouw en Visserij",
        letter: 'L',
        programmas: "BC",
        minister_letter: 'L',
        minister: "Ward Desmet",
        minister_titel: "Vlaams minister van Landbouw, Visserij en Plattelandsbeleid",
        entiteiten: &[
            ('B', "Departement Landbouw en Visserij"),
            ('C', "Instituut voor Landbouw-, Visserij- en Voedingsonderzoek"),
            ('D', "Vlaams Landbouwinvesteringsfonds"),
        ],
        partners: &[
            "de landbouworganisaties",
            "de veilingen",
            "de rederijen",
            "de provinciale proefcentra",
            "de lokale besturen",
            "de Europese Commissie",
        ],
        doelgroepen: &["land- en tuinbouwers", "jonge landbouwers", "vissers", "plattelandsgemeenten"],
        themas: &["gender", "jongeren", "armoede"],
        beleidsvelden: &[
            (
                "Landbouw en platteland",
                [
                    "de landbouwinvesteringen",
                    "het gemeenschappelijk landbouwbeleid",
                    "de korte keten",
                    "de biologische landbouw",
                    "de bedrijfsovername door jonge landbouwers",
                    "het plattelandsbeleid",
                    "de agromarketing",
                    "de stikstofreductie in de landbouw",
                ],
            ),
            (
                "Visserij en onderzoek",
                [
                    "de duurzame visserij",
                    "de aquacultuur",
                    "de vlootvernieuwing",
                    "het landbouwonderzoek",
                    "het visserijonderzoek",
                    "de voedselveiligheid",
                    "de innovatie in de agrovoedingsketen",
                    "de dierengezondheid",
                ],
            ),
        ],
        artikelen: 100,
        sds: 4,
        schaal: 4_000,
        financieel: true,
        euro: true,
    },
    Spec {
        id: "gelijke-kansen-integratie",
        bevoegdheid: "Gelijke Kansen, Integratie en Inburgering",
        letter: 'S',
        // Not SF and SG: those are the bundled sample's.
        programmas: "HJ",
        minister_letter: 'E',
        minister: "Eva Declercq",
        minister_titel: "Vlaams minister van Binnenlands Bestuur, Inburgering en Gelijke Kansen",
        entiteiten: &[('C', "Agentschap Binnenlands Bestuur"), ('I', "Agentschap Integratie en Inburgering")],
        partners: &[
            "de lokale besturen",
            "het middenveld",
            "de VDAB",
            "de centrumsteden",
            "de gelijkekansenambtenaren",
            "de onthaalbureaus",
        ],
        doelgroepen: &["inburgeraars", "personen met een handicap", "LGBTQI+-personen", "nieuwkomers"],
        themas: &["gender", "handicap", "herkomst", "LGBTQI+"],
        beleidsvelden: &[
            (
                "Gelijke kansen",
                [
                    "het horizontaal gelijkekansenbeleid",
                    "de gendergelijkheid",
                    "de rechten van LGBTQI+-personen",
                    "de toegankelijkheid van de overheid",
                    "de aanpak van seksueel geweld",
                    "de gelijke kansen op de arbeidsmarkt",
                    "de redelijke aanpassingen",
                    "de kennisopbouw over gelijke kansen",
                ],
            ),
            (
                "Integratie en inburgering",
                [
                    "het inburgeringstraject",
                    "het Nederlands als tweede taal",
                    "het sociaal tolken en vertalen",
                    "het netwerk- en participatiespoor",
                    "het Plan Samenleven",
                    "de aanpak van discriminatie",
                    "de lokale integratiediensten",
                    "de maatschappelijke oriëntatie",
                ],
            ),
        ],
        artikelen: 80,
        sds: 3,
        schaal: 3_500,
        financieel: false,
        euro: false,
    },
];

// ---------------------------------------------------------------------------
// The model of one domain

#[derive(Clone)]
struct Ise {
    id: String,
    code: String,
    naam: String,
    topic: &'static str,
}

#[derive(Clone)]
struct Od {
    id: String,
    nummer: String,
    titel: String,
    /// The primary ISE, by id.
    ise: String,
    topic: &'static str,
    themas: Vec<&'static str>,
    /// Actions of the horizontal plan it takes up ([`PLAN_ACTIES`]).
    acties: Vec<&'static str>,
}

#[derive(Clone)]
struct Sd {
    id: String,
    nummer: String,
    titel: String,
    topic: &'static str,
    ods: Vec<Od>,
}

#[derive(Clone)]
struct Bv {
    id: String,
    naam: String,
    programma: String,
    topics: &'static [&'static str; 8],
    ises: Vec<Ise>,
    sds: Vec<Sd>,
}

/// An expenditure article with one year's figures: [VAK, VEK] each.
#[derive(Clone)]
struct Art {
    code: String,
    ise: String,
    esr: Esr,
    ontvanger: String,
    omschrijving: String,
    korte_inhoud: String,
    topic: &'static str,
    ba: [i64; 2],
    index: [i64; 2],
    comp: [i64; 2],
    andere: [i64; 2],
    /// A provision redistributed in full this year.
    leeg: bool,
    /// New this year (no standing to start from).
    nieuw: bool,
    toelichting: Vec<(String, i64, i64)>,
}

impl Art {
    fn bo(&self, k: usize) -> i64 {
        self.ba[k] + self.index[k] + self.comp[k] + self.andere[k]
    }

    fn entiteit(&self) -> &str {
        &self.code[..3]
    }
}

#[derive(Clone)]
struct Rev {
    code: String,
    ise: String,
    omschrijving: String,
    korte_inhoud: String,
    ba: i64,
    bo: i64,
}

enum Wijziging {
    Element { soort: &'static str, element: String, reden: String },
    VanNaar { soort: &'static str, van: Vec<String>, naar: Vec<String>, reden: String },
}

struct Indicator {
    od: String,
    indicator: String,
    waarde: String,
    eenheid: Option<&'static str>,
    jaar: i32,
    streefwaarde: Option<String>,
    bron: String,
}

/// One document: the year's structure, figures, changes, indicators and texts.
struct Year {
    jaar: i32,
    bvs: Vec<Bv>,
    arts: Vec<Art>,
    revs: Vec<Rev>,
    /// Attributes the year restates for an element (by id), in order.
    restate: BTreeMap<String, Vec<(&'static str, String)>>,
    /// Elements new this year (ISEs and ODs, by id).
    nieuw: BTreeSet<String>,
    wijzigingen: Vec<Wijziging>,
    indicatoren: Vec<Indicator>,
    /// (file name under tekst/, Markdown)
    teksten: Vec<(String, String)>,
}

impl Year {
    fn ises(&self) -> impl Iterator<Item = (&Bv, &Ise)> {
        self.bvs.iter().flat_map(|b| b.ises.iter().map(move |i| (b, i)))
    }

    fn ods(&self) -> impl Iterator<Item = (&Bv, &Sd, &Od)> {
        self.bvs.iter().flat_map(|b| b.sds.iter().flat_map(move |s| s.ods.iter().map(move |o| (b, s, o))))
    }

    fn ise_code(&self, id: &str) -> &str {
        self.ises().find(|(_, i)| i.id == id).map(|(_, i)| i.code.as_str()).expect("ISE of the year")
    }
}

struct Domain {
    spec: &'static Spec,
    index: usize,
    /// The beleidsnota's structure.
    nota: Vec<Bv>,
    y2025: Year,
    y2026: Year,
}

// ---------------------------------------------------------------------------
// Words

/// Letters for ISEs and sequence letters; `X` marks a dotation.
const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWYZ";

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "de kleuterparticipatie" → "kleuterparticipatie".
fn bare(topic: &str) -> &str {
    for art in ["de ", "het "] {
        if let Some(rest) = topic.strip_prefix(art) {
            return rest;
        }
    }
    topic
}

/// Whether a topic is plural, for the verb after it: "de zorgbudgetten
/// verdienen", "de thesaurie en het schuldbeheer zijn", "het lerarentekort is".
/// The head noun is the last word before the first preposition.
fn meervoud(topic: &str) -> bool {
    const VOORZETSELS: &[&str] =
        &["van", "voor", "op", "in", "aan", "buiten", "tussen", "door", "naar", "rond", "over", "met", "als"];
    if topic.starts_with("het ") {
        return false;
    }
    let words: Vec<&str> = topic.split_whitespace().collect();
    let head_end = words.iter().position(|w| VOORZETSELS.contains(w)).unwrap_or(words.len());
    let head = &words[..head_end];
    // "X en Y" (but not "netwerk- en participatiespoor") is plural.
    if head.windows(2).any(|w| w[1] == "en" && !w[0].ends_with('-')) {
        return true;
    }
    let last = head.last().copied().unwrap_or("");
    !["keten", "Nederlands", "onderwijs"].contains(&last)
        && (last.ends_with("en") || last.ends_with('a') || last.ends_with('s'))
}

/// An entity's name as it stands in a sentence: "het Agentschap ...", "de Vlaamse ...".
fn lidwoord(naam: &str) -> String {
    let first = naam.split_whitespace().next().unwrap_or("");
    if first == "De" {
        naam.to_string()
    } else if ["Agentschap", "Departement", "Instituut", "Fonds", "Vlaams"].contains(&first) {
        format!("het {naam}")
    } else {
        format!("de {naam}")
    }
}

/// "Subsidies X" → "subsidies X", but "ICT-toepassingen" stays.
fn lc_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => a.to_lowercase().chain(std::iter::once(b)).chain(c).collect(),
        _ => s.to_string(),
    }
}

/// An id-friendly slug of the topic's main words.
fn slug(s: &str) -> String {
    const STOP: &[&str] =
        &["de", "het", "een", "van", "en", "in", "voor", "op", "met", "over", "aan", "tot", "door", "naar", "bij"];
    let mut plain = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        plain.push(match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        });
    }
    let words: Vec<&str> = plain.split_whitespace().filter(|w| !STOP.contains(w)).take(3).collect();
    words.join("-")
}

/// A fresh id with the prefix, unique in `used`.
fn fresh_id(prefix: &str, base: &str, used: &mut BTreeSet<String>) -> String {
    let mut id = format!("{prefix}-{base}");
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{prefix}-{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// A whole number in Flemish notation: 2.184.
fn nl(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A YAML scalar: plain when that is safe, else double-quoted.
fn q(s: &str) -> String {
    let plain = s.chars().next().is_some_and(char::is_alphanumeric)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| "\"'{}[]&*!|>%@`\\".contains(c))
        && !["yes", "no", "true", "false", "null", "on", "off"].contains(&s.to_lowercase().as_str());
    if plain { s.to_string() } else { format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")) }
}

const SD_TITELS: &[&str] = &[
    "{T} en {t2} worden versterkt in een veranderende samenleving",
    "Vlaanderen investeert in {t} en {t2}",
    "Een slagkrachtig beleid voor {bv}, dicht bij de burger",
    "{T} {wordt} toegankelijker, eenvoudiger en beter afgestemd op de noden",
    "Meer resultaat voor {bv} met minder regels en meer vertrouwen",
    "Samen met {p} versterken we {t} en {t2}",
    "{Bv} {draagt} bij tot een welvarend en duurzaam Vlaanderen",
    "We maken {t} klaar voor de toekomst",
];

const OD_TITELS: &[&str] = &[
    "{T} {wordt} versterkt met gerichte investeringen",
    "We moderniseren de regelgeving over {t}",
    "{T} {wordt} eenvoudiger en digitaler",
    "Lokale partners krijgen meer ruimte voor {t}",
    "We volgen {t} op met meetbare doelstellingen",
    "{T} {wordt} beter toegankelijk voor {d}",
    "Een duurzame financiering voor {t}",
    "We bundelen de krachten rond {t}",
    "{T} {sluit} beter aan bij de Europese doelstellingen",
    "Meer kwaliteit en minder planlast voor {t}",
    "We breiden {t} stapsgewijs uit",
    "{T} {bereikt} meer {d}",
];

const HERNOEMING: &[&str] = &[
    ", samen met de lokale besturen",
    " binnen een vernieuwd beleidskader",
    ", ook over de grenzen van het beleidsdomein heen",
    " met een nieuw meerjarig actieplan",
];

const SD_OPEN: &[&str] = &[
    "{Bv} raakt aan het dagelijks leven van veel Vlamingen. Daarom kiezen we voor een beleid dat helder is in zijn doelen en eerlijk over zijn middelen.",
    "Met deze strategische doelstelling geven we uitvoering aan de beleidsnota {dom} 2024-2029. In {j} zetten we de volgende stap, met bijzondere aandacht voor {t}.",
    "Vlaanderen heeft sterke troeven op het vlak van {bv}, maar de uitdagingen zijn groot. We kiezen voor een beperkt aantal prioriteiten en maken die waar.",
    "Wie een beroep doet op de overheid, verwacht een snelle, correcte en begrijpelijke dienstverlening. Dat geldt in het bijzonder voor {t}.",
];

const SD_BODY: &[&str] = &[
    "We werken daarbij nauw samen met {p} en {p2}, die elk vanuit hun eigen rol bijdragen aan het resultaat.",
    "Wat we doen, moet meetbaar zijn: voor elke operationele doelstelling volgen we indicatoren op die we jaarlijks rapporteren aan het Vlaams Parlement.",
    "De vergrijzing, de krappe arbeidsmarkt en de klimaatverandering vragen om keuzes die verder reiken dan één begrotingsjaar.",
    "Voor {d} maakt een toegankelijke en voorspelbare overheid het verschil.",
    "We vermijden versnippering door de middelen te bundelen rond prioriteiten met een duidelijke maatschappelijke meerwaarde.",
    "In {j} ligt de nadruk op {t2}: daar verwachten we de grootste vooruitgang voor de middelen die we inzetten.",
    "De budgettaire context blijft krap. Nieuwe initiatieven financieren we daarom in de eerste plaats door herschikkingen binnen het beleidsdomein.",
    "Waar nodig stemmen we af met de federale overheid, de andere gemeenschappen en gewesten en de Europese instellingen.",
    "Digitalisering is geen doel op zich, maar een middel om de dienstverlening sneller en eenvoudiger te maken en de administratieve lasten te verlagen.",
    "De evaluatie van {v} toont dat de ingeslagen weg werkt, maar ook dat de resultaten niet overal even snel zichtbaar worden.",
    "We geven {p} meer vertrouwen en minder planlast, in ruil voor duidelijke afspraken over de resultaten.",
    "Met deze doelstelling dragen we ook bij aan de duurzameontwikkelingsdoelstellingen van de Verenigde Naties en aan Vizier 2030.",
    "{E} staat in voor de uitvoering en de opvolging; de coördinatie ligt bij het departement.",
    "We kiezen resoluut voor maatregelen waarvan de effecten onderbouwd zijn, en we stoppen met wat niet werkt.",
];

const OD_OPEN: &[&str] = &[
    "{T} {is} een belangrijke hefboom voor {bv}. In {j} zetten we hier gericht op in.",
    "Met deze operationele doelstelling willen we {t} versterken, zodat {d} er concreet het verschil van merken.",
    "De voorbije jaren is de vraag naar ondersteuning rond {t} sterk gestegen. We spelen daarop in met een vernieuwde aanpak.",
    "Voor {t} bouwen we verder op wat in {v} in gang is gezet, met meer aandacht voor resultaten en minder voor procedures.",
    "{T} {verdient} een stevige plaats in het beleid. We maken in {j} werk van een duidelijk kader en voldoende middelen.",
];

const OD_BODY: &[&str] = &[
    "Samen met {p} werken we een actieplan uit met concrete mijlpalen per kwartaal.",
    "De middelen gaan bij voorrang naar projecten met een aantoonbaar effect voor {d}.",
    "We vereenvoudigen de subsidieregeling: één digitaal aanvraagloket, kortere doorlooptijden en een rapportering die aansluit bij wat de partners al bijhouden.",
    "{E} volgt de uitvoering op en rapporteert halfjaarlijks over de voortgang.",
    "De evaluatie van {v} leert dat de vraag groter is dan het aanbod; we breiden de capaciteit daarom stapsgewijs uit.",
    "We houden rekening met de indexering van de lonen en de werkingsmiddelen, zodat het bestaande aanbod behouden blijft.",
    "Eenmalige middelen uit {v} worden niet hernomen; de structurele werking blijft gegarandeerd.",
    "Een deel van de middelen wordt budgetneutraal herschikt binnen het beleidsdomein, zodat de prioriteiten van het regeerakkoord voldoende ruimte krijgen.",
    "Via een nieuwe projectoproep ondersteunen we vernieuwende initiatieven rond {t}.",
    "De regelgeving over {t} dateert van meer dan tien jaar geleden; we actualiseren ze in overleg met {p}.",
    "We investeren in betere gegevens over {t}, zodat we kunnen bijsturen op basis van cijfers in plaats van vermoedens.",
    "Voor {d} in een kwetsbare situatie voorzien we een versterkte begeleiding.",
    "Lokale besturen zijn een bevoorrechte partner: zij kennen de noden op het terrein het best.",
    "We stemmen af met de Europese regelgeving en benutten de mogelijkheden van Europese cofinanciering.",
    "Bij de uitvoering besteden we bijzondere aandacht aan toegankelijkheid en aan heldere communicatie in begrijpelijke taal.",
    "We verminderen de planlast voor {p} door dubbele rapportering te schrappen.",
    "In de loop van {j} leggen we een conceptnota voor aan de Vlaamse Regering.",
    "De samenwerking met {p2} wordt verankerd in een meerjarige overeenkomst met duidelijke resultaatsverbintenissen.",
    "We evalueren de maatregel na twee jaar, met een externe partner, en publiceren de resultaten.",
    "Wie al ondersteuning krijgt, behoudt die; nieuwe aanvragen beoordelen we volgens vernieuwde criteria.",
];

const ACTIES: &[&str] = &[
    "starten we een proefproject rond {t} in vijf centrumsteden",
    "werken we met {p} een nieuw kwaliteitskader uit",
    "lanceren we een digitaal loket voor aanvragen en opvolging",
    "evalueren we de bestaande subsidieregeling en sturen we bij waar nodig",
    "breiden we het aanbod voor {d} uit",
    "publiceren we een jaarlijkse monitor met de belangrijkste indicatoren",
    "vereenvoudigen we de regelgeving en schaffen we overbodige rapportering af",
    "sluiten we een samenwerkingsovereenkomst met {p2}",
    "investeren we in de opleiding van medewerkers en begeleiders",
    "verbeteren we de doorverwijzing tussen {p} en {p2}",
    "maken we de resultaten per regio zichtbaar in een open dataset",
];

const CITATEN: &[&str] = &[
    "Een overheid die werkt, is een overheid die meet wat ze doet.",
    "Elke euro moet zijn maatschappelijke meerwaarde kunnen aantonen.",
    "Niemand mag uit de boot vallen.",
    "We beloven wat we kunnen waarmaken, en we maken waar wat we beloven.",
];

const POSITIEF: &[&str] = &[
    "Regeerakkoord – versterking van {t}",
    "Uitbreiding van het aanbod rond {t}",
    "Nieuwe projectoproep rond {t}",
    "Overheveling vanuit de provisie",
    "Europese cofinanciering voor {t}",
    "Herraming op basis van de uitvoering {v}",
];

const NEGATIEF: &[&str] = &[
    "Eenmalige middelen {v} niet hernomen",
    "Besparing op de werkingsmiddelen",
    "Bijsturing na de spending review",
    "Herraming op basis van de uitvoering {v}",
    "Aanpassing aan het ritme van de lopende verbintenissen",
];

const OMSCHRIJVING_WT: &[&str] = &[
    "Werkingsmiddelen {tn}",
    "Subsidies {tn}",
    "Projectoproepen {tn}",
    "Opdrachten en studies {tn}",
    "Werkingssubsidies erkende organisaties {tn}",
    "Investeringssubsidies {tn}",
    "Europese cofinanciering {tn}",
    "ICT-toepassingen {tn}",
    "Samenwerkingsovereenkomsten {tn}",
    "Sensibilisering en communicatie {tn}",
    "Lokale besturen – {tn}",
    "Innovatieprojecten {tn}",
    "Erkenningen en convenanten {tn}",
    "Infrastructuur {tn}",
];

const KORTE_INHOUD_WT: &[&str] = &[
    "Middelen voor {t}: subsidies, opdrachten en werkingskosten waarmee {e} de doelstellingen van de beleidsnota uitvoert.",
    "Subsidies aan {p} voor initiatieven rond {t}, toegekend via oproepen en meerjarige convenanten.",
    "Werkingskosten, studies en overheidsopdrachten voor de voorbereiding, uitvoering en evaluatie van het beleid rond {t}.",
    "Investerings- en werkingsbijdragen voor {t}, met voorrang voor projecten die {d} rechtstreeks ten goede komen.",
];

const ONTVANGSTEN: &[(&str, &str)] = &[
    ("Retributies {tn}", "Retributies en vergoedingen die {e} aanrekent voor dienstverlening rond {t}."),
    (
        "Terugvorderingen van subsidies {tn}",
        "Terugvorderingen van niet-bestede of niet-verantwoorde subsidies rond {t}.",
    ),
    ("Europese bijdragen {tn}", "Bijdragen uit Europese programma's die projecten rond {t} cofinancieren."),
    ("Opbrengst van concessies {tn}", "Opbrengsten van concessies en gebruiksvergoedingen in het domein van {t}."),
    ("Administratieve geldboeten {tn}", "Administratieve geldboeten en sancties opgelegd in het kader van {t}."),
];

const INDICATOREN: &[(&str, Option<&str>, i64, i64)] = &[
    // (text, unit, low, high): a unit "%" draws a percentage
    ("Aantal ondersteunde projecten rond {t}", None, 40, 2_500),
    ("Aandeel {d} bereikt met de acties rond {t}", Some("%"), 25, 90),
    ("Tevredenheid van {p} over {t}", Some("%"), 55, 92),
    ("Gemiddelde doorlooptijd van een aanvraag ({tn})", Some("dagen"), 12, 120),
    ("Aantal begeleide dossiers ({tn})", None, 300, 48_000),
    ("Realisatiegraad van het actieplan voor {t}", Some("%"), 35, 95),
];

/// The words a text fills in.
struct Fill<'a> {
    t: &'a str,
    t2: &'a str,
    bv: &'a str,
    p: &'a str,
    p2: &'a str,
    d: &'a str,
    /// An entity, with its article.
    e: String,
    dom: &'a str,
    j: i32,
}

impl Fill<'_> {
    fn apply(&self, tpl: &str) -> String {
        let mv = meervoud(self.t);
        let verb = |one: &str, more: &str| if mv { more.to_string() } else { one.to_string() };
        tpl.replace("{is}", &verb("is", "zijn"))
            .replace("{wordt}", &verb("wordt", "worden"))
            .replace("{verdient}", &verb("verdient", "verdienen"))
            .replace("{sluit}", &verb("sluit", "sluiten"))
            .replace("{bereikt}", &verb("bereikt", "bereiken"))
            .replace("{draagt}", if meervoud(&format!("de {}", self.bv.to_lowercase())) { "dragen" } else { "draagt" })
            .replace("{T}", &cap(self.t))
            .replace("{t}", self.t)
            .replace("{t2}", self.t2)
            .replace("{tn}", bare(self.t))
            .replace("{Bv}", &cap(self.bv))
            .replace("{bv}", &self.bv.to_lowercase())
            .replace("{p}", self.p)
            .replace("{p2}", self.p2)
            .replace("{d}", self.d)
            .replace("{E}", &cap(&self.e))
            .replace("{e}", &self.e)
            .replace("{dom}", self.dom)
            .replace("{j}", &self.j.to_string())
            .replace("{v}", &(self.j - 1).to_string())
    }
}

fn fill<'a>(spec: &'a Spec, rng: &mut Rng, t: &'a str, bv: &'a Bv, jaar: i32) -> Fill<'a> {
    let p = rng.below(spec.partners.len());
    let p2 = (p + 1 + rng.below(spec.partners.len() - 1)) % spec.partners.len();
    let mut t2 = *rng.pick(&bv.topics[..]);
    if t2 == t {
        t2 = bv.topics[(bv.topics.iter().position(|x| *x == t).unwrap_or(0) + 1) % 8];
    }
    Fill {
        t,
        t2,
        bv: &bv.naam,
        p: spec.partners[p],
        p2: spec.partners[p2],
        d: rng.word(spec.doelgroepen),
        e: lidwoord(rng.pick(spec.entiteiten).1),
        dom: spec.bevoegdheid,
        j: jaar,
    }
}

/// `min..=max` distinct sentences of the pool, filled in.
fn sentences(rng: &mut Rng, pool: &[&str], min: usize, max: usize, f: &Fill) -> Vec<String> {
    let n = min + rng.below(max - min + 1);
    let mut idx: Vec<usize> = (0..pool.len()).collect();
    rng.shuffle(&mut idx);
    idx.into_iter().take(n).map(|i| f.apply(pool[i])).collect()
}

fn art_fig(code: &str, path: &str) -> String {
    format!("{{{{ artikel(\"{code}\").{path} }}}}")
}

fn ise_fig(code: &str, path: &str) -> String {
    format!("{{{{ ise(\"{code}\").{path} }}}}")
}

fn verwijzing(id: &str) -> String {
    format!("{{{{ verwijzing(\"{id}\") }}}}")
}

// ---------------------------------------------------------------------------
// Building a domain

fn build(spec: &'static Spec, index: usize, root: &Rng) -> Domain {
    let rng = root.fork(spec.id);
    let nota = structure(spec, &mut rng.fork("structuur"));
    let (arts, revs) = articles(spec, &nota, &mut rng.fork("artikelen"));
    let mut y2025 = Year {
        jaar: 2025,
        bvs: nota.clone(),
        arts,
        revs,
        restate: BTreeMap::new(),
        nieuw: BTreeSet::new(),
        wijzigingen: Vec::new(),
        indicatoren: Vec::new(),
        teksten: Vec::new(),
    };
    movements(spec, &mut y2025.arts, 2025, &mut rng.fork("bewegingen-2025"));
    let mut y2026 = next_year(spec, &y2025, &mut rng.fork("2026"));
    movements(spec, &mut y2026.arts, 2026, &mut rng.fork("bewegingen-2026"));
    for y in [&mut y2025, &mut y2026] {
        y.indicatoren = indicators(spec, y, root);
        y.teksten = texts(spec, y, &mut rng.fork(&format!("teksten-{}", y.jaar)));
    }
    Domain { spec, index, nota, y2025, y2026 }
}

/// The beleidsnota: beleidsvelden with their ISEs, SDs and ODs.
fn structure(spec: &Spec, rng: &mut Rng) -> Vec<Bv> {
    let n_bv = spec.beleidsvelden.len();
    let mut sds_per = vec![1usize; n_bv];
    for _ in n_bv..spec.sds {
        sds_per[rng.below(n_bv)] += 1;
    }
    let ods_per_sd: Vec<Vec<usize>> =
        sds_per.iter().map(|&n| (0..n).map(|_| *rng.pick(&[3, 3, 4, 4, 4, 5, 5, 6])).collect()).collect();
    // Articles per beleidsveld in proportion to its objectives, which also sets its ISEs.
    let weights: Vec<i64> =
        ods_per_sd.iter().map(|ods| ods.iter().sum::<usize>() as i64 * rng.range(70, 130)).collect();
    let total: i64 = weights.iter().sum();
    let mut used = BTreeSet::new();
    let mut bvs = Vec::new();
    let mut sd_nr = 0;
    let mut titels = Titels::default();
    for (b, (naam, topics)) in spec.beleidsvelden.iter().enumerate() {
        let arts = spec.artikelen as i64 * weights[b] / total;
        let n_ise = ((arts + 8) / 16).clamp(2, 6) as usize;
        let programma = format!("{}{}", spec.letter, spec.programmas.as_bytes()[b] as char);
        let ises: Vec<Ise> = (0..n_ise)
            .map(|i| Ise {
                id: fresh_id("ise", &slug(topics[i]), &mut used),
                code: format!("{programma}-{}", LETTERS[i] as char),
                naam: cap(bare(topics[i])),
                topic: topics[i],
            })
            .collect();
        let mut bv = Bv {
            id: fresh_id("bv", &slug(naam), &mut used),
            naam: naam.to_string(),
            programma,
            topics,
            ises,
            sds: Vec::new(),
        };
        // Every ISE gets an OD before any gets a second.
        let n_od: usize = ods_per_sd[b].iter().sum();
        let mut order: Vec<usize> = (0..n_ise).collect();
        rng.shuffle(&mut order);
        let od_ise: Vec<usize> = (0..n_od).map(|i| if i < n_ise { order[i] } else { rng.below(n_ise) }).collect();
        let mut od_ise = od_ise.into_iter();
        for &n in &ods_per_sd[b] {
            sd_nr += 1;
            // A topic no other SD of the field has, while there is one.
            let free: Vec<&'static str> =
                topics.iter().copied().filter(|t| !bv.sds.iter().any(|s| s.topic == *t)).collect();
            let topic = if free.is_empty() { *rng.pick(&topics[..]) } else { *rng.pick(&free) };
            let titel = unique_title(rng, SD_TITELS, &mut titels.sd, &mut titels.seen, |rng, tpl| {
                let f = fill(spec, rng, topic, &bv, 2025);
                f.apply(tpl)
            });
            let mut sd = Sd {
                id: fresh_id("sd", &slug(topic), &mut used),
                nummer: sd_nr.to_string(),
                titel,
                topic,
                ods: Vec::new(),
            };
            for k in 0..n {
                let ise = od_ise.next().unwrap_or(0);
                // The first OD of an ISE takes its topic; the others one of the
                // field's, preferably one no OD has yet.
                let ods = || bv.sds.iter().flat_map(|s| &s.ods).chain(&sd.ods);
                let topic = if ods().any(|o| o.ise == bv.ises[ise].id) {
                    let free: Vec<&'static str> =
                        topics.iter().copied().filter(|t| !ods().any(|o| o.topic == *t)).collect();
                    if free.is_empty() { *rng.pick(&topics[..]) } else { *rng.pick(&free) }
                } else {
                    bv.ises[ise].topic
                };
                let od = new_od(
                    spec,
                    rng,
                    &bv,
                    topic,
                    &bv.ises[ise].id,
                    format!("{}.{}", sd.nummer, k + 1),
                    &mut used,
                    &mut titels,
                );
                sd.ods.push(od);
            }
            bv.sds.push(sd);
        }
        bvs.push(bv);
    }
    bvs
}

#[allow(clippy::too_many_arguments)]
fn new_od(
    spec: &Spec,
    rng: &mut Rng,
    bv: &Bv,
    topic: &'static str,
    ise: &str,
    nummer: String,
    used: &mut BTreeSet<String>,
    titels: &mut Titels,
) -> Od {
    let titel = unique_title(rng, OD_TITELS, &mut titels.od, &mut titels.seen, |rng, tpl| {
        fill(spec, rng, topic, bv, 2025).apply(tpl)
    });
    let mut themas = Vec::new();
    for _ in 0..rng.below(3) {
        let t = *rng.pick(spec.themas);
        if !themas.contains(&t) {
            themas.push(t);
        }
    }
    let id = fresh_id("od", &slug(topic), used);
    // A stream of its own: the rest of the dataset stays as it was.
    let mut r = rng.fork(&format!("acties {id}"));
    let acties = PLAN_ACTIES
        .iter()
        .filter(|(_, thema, _)| themas.contains(thema))
        .filter(|_| r.chance(30))
        .map(|(a, _, _)| *a)
        .take(2)
        .collect();
    Od { id, nummer, titel, ise: ise.to_string(), topic, themas, acties }
}

/// The horizontal plan of the dataset (`horizontaal.yaml` at its root):
/// (id, title, description). Every domain's `themas` are among them.
const PLAN_THEMAS: &[(&str, &str, &str)] = &[
    ("gender", "Gender", "Vrouwen en mannen krijgen gelijke kansen."),
    ("LGBTQI+", "LGBTQI+", "Holebi's, trans- en interseksepersonen worden gelijk behandeld."),
    ("handicap", "Handicap", "Personen met een handicap nemen volwaardig deel aan de samenleving."),
    ("toegankelijkheid", "Toegankelijkheid", "Gebouwen, vervoer, diensten en informatie zijn voor iedereen bruikbaar."),
    ("herkomst", "Herkomst", "Mensen met een migratieachtergrond krijgen dezelfde kansen."),
    ("armoede", "Armoede", "Beleid voorkomt dat mensen in armoede uit de boot vallen."),
    ("jongeren", "Jongeren", "Jongeren krijgen een stem en gelijke kansen."),
    ("ouderen", "Ouderen", "Ouderen blijven volwaardig deelnemen."),
];

/// The plan's actions: (id, theme, title); an OD with the theme takes one up now and then.
const PLAN_ACTIES: &[(&str, &str, &str)] = &[
    ("HP-01", "gender", "Elk domein maakt genderstatistieken van zijn dienstverlening"),
    ("HP-02", "gender", "Campagnes en communicatie zijn gendersensitief"),
    ("HP-03", "LGBTQI+", "Elk domein heeft een aanspreekpunt voor LGBTQI+-personen"),
    ("HP-04", "handicap", "Redelijke aanpassingen worden standaard aangeboden"),
    ("HP-05", "toegankelijkheid", "Gebouwen en digitale diensten halen de toegankelijkheidsnorm"),
    ("HP-06", "herkomst", "Elk domein meet de deelname van mensen met een migratieachtergrond"),
    ("HP-07", "armoede", "Elke maatregel krijgt een armoedetoets"),
    ("HP-08", "jongeren", "Jongeren worden betrokken bij elke inspraakronde"),
    ("HP-09", "ouderen", "Dienstverlening blijft ook niet-digitaal bereikbaar"),
    ("HP-10", "handicap", "Een meerjarenplan voor toegankelijk openbaar vervoer"),
];

/// `horizontaal.yaml`: the plan, for `bbt check` and `bbt horizontaal` of
/// the whole dataset.
fn write_plan(out: &Path) -> std::io::Result<()> {
    let mut s = String::from(
        "# Het horizontale plan van de benchmark (synthetisch).\n\
         titel: Horizontaal Integratie- en Gelijkekansenbeleidsplan 2024-2029\n\
         legislatuur: 2024-2029\n\
         themas:\n",
    );
    for (id, titel, omschrijving) in PLAN_THEMAS {
        s.push_str(&format!("  - id: {}\n    titel: {}\n    omschrijving: {}\n", q(id), q(titel), q(omschrijving)));
    }
    s.push_str("acties:\n");
    for (id, thema, titel) in PLAN_ACTIES {
        s.push_str(&format!("  - id: {id}\n    titel: {}\n    thema: {}\n", q(titel), q(thema)));
    }
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("horizontaal.yaml"), s)
}

/// The titles a domain has, and the templates it used, so that titles are
/// unique and a domain uses every template before it uses one twice.
#[derive(Default)]
struct Titels {
    seen: BTreeSet<String>,
    sd: BTreeSet<usize>,
    od: BTreeSet<usize>,
}

/// A title from the templates that the domain does not have yet.
fn unique_title(
    rng: &mut Rng,
    pool: &[&str],
    used: &mut BTreeSet<usize>,
    seen: &mut BTreeSet<String>,
    make: impl Fn(&mut Rng, &str) -> String,
) -> String {
    for attempt in 0.. {
        if used.len() >= pool.len() {
            used.clear();
        }
        let free: Vec<usize> = (0..pool.len()).filter(|i| !used.contains(i)).collect();
        let i = *rng.pick(&free);
        let mut t = make(rng, pool[i]);
        if attempt > 40 {
            t = format!("{t} ({attempt})");
        }
        if seen.insert(t.clone()) {
            used.insert(i);
            return t;
        }
    }
    unreachable!()
}

/// The 2025 articles: expenditure per ISE (with dotations to agencies) and revenue.
fn articles(spec: &Spec, bvs: &[Bv], rng: &mut Rng) -> (Vec<Art>, Vec<Rev>) {
    let ents: Vec<String> = spec.entiteiten.iter().map(|(c, _)| format!("{}{}0", spec.letter, c)).collect();
    let n_ise: usize = bvs.iter().map(|b| b.ises.len()).sum();
    // Articles per ISE: at least 3 each, the rest by weight.
    let mut counts = vec![3usize; n_ise];
    let weights: Vec<usize> = (0..n_ise).map(|_| 1 + rng.below(5)).collect();
    let wsum: usize = weights.iter().sum();
    let rest = spec.artikelen - 3 * n_ise;
    for (c, w) in counts.iter_mut().zip(&weights) {
        *c += rest * w / wsum;
    }
    let short = spec.artikelen - counts.iter().sum::<usize>();
    for i in 0..short {
        counts[i % n_ise] += 1;
    }
    // One provision is redistributed in full in 2025 (and may be dropped in 2026).
    let leeg_ise = rng.below(n_ise);
    let mut arts = Vec::new();
    let mut omschrijvingen = BTreeSet::new();
    let mut seq: BTreeMap<(String, String), usize> = BTreeMap::new();
    let next_code = |ent: &str, ise: &Ise, kind: char, esr: Esr, seqs: &mut BTreeMap<(String, String), usize>| {
        let n = seqs.entry((ent.to_string(), ise.code.clone())).or_insert(0);
        let s = if esr == Esr::Is { 'X' } else { LETTERS[*n] as char };
        if esr != Esr::Is {
            *n += 1;
        }
        let (prog, letter) = ise.code.split_once('-').expect("ISE code");
        format!("{ent}-1{prog}{}{kind}{letter}{s}-{}", spec.minister_letter, esr.code())
    };
    let mut i_ise = 0;
    for bv in bvs {
        for ise in &bv.ises {
            let n = counts[i_ise];
            let agency = if ents.len() > 1 && rng.chance(55) { Some(1 + rng.below(ents.len() - 1)) } else { None };
            let mut lo_done = BTreeSet::new();
            let mut pr_done = false;
            for k in 0..n {
                let esr;
                let mut ent;
                let mut ontvanger = String::new();
                if k == 0 && agency.is_some() {
                    esr = Esr::Is;
                    ent = 0;
                    ontvanger = ents[agency.unwrap_or(1)].clone();
                } else {
                    ent = match agency {
                        Some(a) if rng.chance(70) => a,
                        _ => 0,
                    };
                    // An entity has at most 25 articles in one ISE.
                    if seq.get(&(ents[ent].clone(), ise.code.clone())).is_some_and(|&s| s >= LETTERS.len()) {
                        ent = (0..ents.len())
                            .find(|&e| seq.get(&(ents[e].clone(), ise.code.clone())).is_none_or(|&s| s < LETTERS.len()))
                            .expect("room for the ISE's articles");
                    }
                    let want_pr = (i_ise == leeg_ise || rng.chance(12)) && !pr_done;
                    esr = if want_pr {
                        pr_done = true;
                        ent = 0;
                        Esr::Pr
                    } else if !lo_done.contains(&ent) && rng.chance(45) {
                        lo_done.insert(ent);
                        Esr::Lo
                    } else if spec.financieel && rng.chance(8) {
                        Esr::Le
                    } else if spec.financieel && rng.chance(6) {
                        Esr::Pa
                    } else {
                        Esr::Wt
                    };
                }
                let kind = if esr == Esr::Wt && rng.chance(4) { '4' } else { '2' };
                let code = next_code(&ents[ent], ise, kind, esr, &mut seq);
                let topic = if rng.chance(50) { ise.topic } else { *rng.pick(&bv.topics[..]) };
                let f = fill(spec, rng, topic, bv, 2025);
                let e_naam = spec.entiteiten[ent].1;
                let (omschrijving, korte_inhoud) = match esr {
                    Esr::Lo => (
                        format!("Personeel {e_naam} – {}", ise.naam.to_lowercase()),
                        format!(
                            "Lonen en sociale bijdragen van het personeel van {} dat instaat voor {}.",
                            lidwoord(e_naam),
                            ise.topic
                        ),
                    ),
                    Esr::Is => {
                        let r = spec.entiteiten[agency.unwrap_or(1)].1;
                        (
                            format!("Dotatie aan {} – {}", lidwoord(r), ise.naam.to_lowercase()),
                            format!(
                                "Dotatie waarmee {} zijn opdrachten rond {} uitvoert, volgens de beheersovereenkomst met de Vlaamse Regering.",
                                lidwoord(r),
                                ise.topic
                            ),
                        )
                    }
                    Esr::Pr => (
                        format!("Provisie {}", ise.naam.to_lowercase()),
                        format!("Provisie voor nieuwe initiatieven rond {}, te herverdelen naar de uitvoerende artikelen na beslissing van de Vlaamse Regering.", ise.topic),
                    ),
                    Esr::Le => (
                        f.apply("Leningen en terugvorderbare voorschotten {tn}"),
                        f.apply("Leningen en terugvorderbare voorschotten voor {t}, toegekend tegen marktconforme voorwaarden."),
                    ),
                    Esr::Pa => (
                        f.apply("Participaties {tn}"),
                        f.apply("Kapitaalinbreng en participaties voor {t}, via de beleidsinstrumenten van {e}."),
                    ),
                    Esr::Wt => (f.apply(rng.word(OMSCHRIJVING_WT)), f.apply(rng.word(KORTE_INHOUD_WT))),
                };
                let mut unique = omschrijving.clone();
                let mut n = 2;
                while !omschrijvingen.insert(unique.clone()) {
                    unique = format!("{omschrijving} ({n})");
                    n += 1;
                }
                let omschrijving = unique;
                let s = spec.schaal;
                let vak = match esr {
                    Esr::Wt => rng.log_uniform(s / 25, s * 4),
                    Esr::Lo => rng.log_uniform(s / 2, s * 6),
                    Esr::Is => rng.log_uniform(s, s * 8),
                    Esr::Pr => rng.log_uniform(s / 10, s),
                    Esr::Le | Esr::Pa => rng.log_uniform(s / 4, s * 3),
                };
                let vak = if spec.euro { vak * 1000 + rng.range(0, 999) } else { vak };
                let vek = match esr {
                    Esr::Wt | Esr::Pr => vak * rng.range(85, 105) / 100,
                    _ => vak,
                };
                arts.push(Art {
                    code,
                    ise: ise.code.clone(),
                    esr,
                    ontvanger,
                    omschrijving,
                    korte_inhoud,
                    topic,
                    ba: [vak, vek],
                    index: [0; 2],
                    comp: [0; 2],
                    andere: [0; 2],
                    leeg: esr == Esr::Pr && i_ise == leeg_ise,
                    nieuw: false,
                    toelichting: Vec::new(),
                });
            }
            i_ise += 1;
        }
    }
    // Revenue: about one article in fifteen.
    let mut revs = Vec::new();
    let mut rseq: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut rom = BTreeSet::new();
    for _ in 0..spec.artikelen / 15 + 1 {
        let bv = rng.pick(bvs);
        let ise = rng.pick(&bv.ises);
        let ent = &ents[rng.below(ents.len())];
        let n = rseq.entry((ent.clone(), ise.code.clone())).or_insert(0);
        let (prog, letter) = ise.code.split_once('-').expect("ISE code");
        let code = format!("{ent}-0{prog}{}2{letter}{}-WT", spec.minister_letter, LETTERS[*n] as char);
        *n += 1;
        let f = fill(spec, rng, ise.topic, bv, 2025);
        let (om, ki) = rng.pick(ONTVANGSTEN);
        let mut omschrijving = f.apply(om);
        let mut k = 2;
        while !rom.insert(omschrijving.clone()) {
            omschrijving = format!("{} ({k})", f.apply(om));
            k += 1;
        }
        let ba = rng.log_uniform(spec.schaal / 30, spec.schaal * 2);
        let ba = if spec.euro { ba * 1000 + rng.range(0, 999) } else { ba };
        let bo = ba * rng.range(85, 120) / 100;
        revs.push(Rev { code, ise: ise.code.clone(), omschrijving, korte_inhoud: f.apply(ki), ba, bo });
    }
    (arts, revs)
}

/// Index, compensaties (netting to zero over the domain) and other
/// adjustments from BA t-1 to BO t, with the itemised toelichting.
fn movements(spec: &Spec, arts: &mut [Art], jaar: i32, rng: &mut Rng) {
    let vorig = jaar - 1;
    let mut lines: Vec<Vec<(String, i64, i64)>> = vec![Vec::new(); arts.len()];
    for (a, l) in arts.iter_mut().zip(&mut lines) {
        let pm = match a.esr {
            Esr::Lo => rng.range(18, 22),
            Esr::Is => rng.range(15, 21),
            Esr::Wt if rng.chance(60) => rng.range(10, 20),
            _ => 0,
        };
        a.index = [a.ba[0] * pm / 1000, a.ba[1] * pm / 1000];
        a.comp = [0; 2];
        if a.index != [0, 0] {
            l.push(("Indexering".to_string(), a.index[0], a.index[1]));
        }
    }
    // Compensaties in pairs, so that they net to zero over the domain.
    let eligible: Vec<usize> =
        (0..arts.len()).filter(|&i| matches!(arts[i].esr, Esr::Wt | Esr::Is) && arts[i].ba[0] > 0).collect();
    if eligible.len() >= 2 {
        for _ in 0..arts.len() / 14 + 1 {
            let a = *rng.pick(&eligible);
            let b = *rng.pick(&eligible);
            if a == b {
                continue;
            }
            let c = (arts[a].ba[0].min(arts[b].ba[0]) * rng.range(10, 80) / 1000).max(1);
            let cv = (c * rng.range(85, 100) / 100).max(1);
            arts[a].comp[0] -= c;
            arts[a].comp[1] -= cv;
            arts[b].comp[0] += c;
            arts[b].comp[1] += cv;
            let (ca, cb) = (arts[a].code.clone(), arts[b].code.clone());
            lines[a].push((format!("Compensatie naar {cb}"), -c, -cv));
            lines[b].push((format!("Compensatie vanuit {ca}"), c, cv));
        }
    }
    for (a, l) in arts.iter_mut().zip(&mut lines) {
        let start = [a.ba[0] + a.index[0] + a.comp[0], a.ba[1] + a.index[1] + a.comp[1]];
        a.andere = if a.leeg && jaar == 2025 {
            l.push((
                format!("Provisie {vorig} volledig herverdeeld; geen nieuwe provisie in {jaar}"),
                -start[0],
                -start[1],
            ));
            [-start[0], -start[1]]
        } else if a.nieuw {
            // A new article: its credit is a new initiative.
            let v = rng.log_uniform(spec.schaal / 10, spec.schaal) * if spec.euro { 1000 } else { 1 };
            l.push(("Nieuw initiatief: ".to_string() + a.topic, v, v * 9 / 10));
            [v, v * 9 / 10]
        } else if a.leeg || rng.chance(45) {
            [0, 0]
        } else {
            let up = rng.chance(55);
            let pct = rng.log_uniform(5, 150);
            let vak = a.ba[0] * pct / 1000 * if up { 1 } else { -1 };
            let vek = match a.esr {
                Esr::Wt | Esr::Pr => vak * rng.range(70, 110) / 100,
                _ => vak,
            };
            let (vak, vek) = (vak.max(-start[0]), vek.max(-start[1]));
            let parts = 1 + rng.below(3);
            let mut left = (vak, vek);
            let pool = if up { POSITIEF } else { NEGATIEF };
            let mut used = BTreeSet::new();
            let topic = a.topic;
            let f = |s: &str| s.replace("{t}", topic).replace("{v}", &vorig.to_string());
            for p in 0..parts {
                let (pv, pe) = if p + 1 == parts {
                    left
                } else {
                    let share = rng.range(30, 70);
                    (left.0 * share / 100, left.1 * share / 100)
                };
                left = (left.0 - pv, left.1 - pe);
                if pv == 0 && pe == 0 {
                    continue;
                }
                let mut text = f(rng.word(pool));
                while !used.insert(text.clone()) {
                    text = f(rng.word(pool));
                    if used.len() >= pool.len() {
                        text = format!("{text} ({})", p + 1);
                    }
                }
                l.push((text, pv, pe));
            }
            [vak, vek]
        };
        // A standing is never negative.
        for k in 0..2 {
            debug_assert!(a.bo(k) >= 0, "{} {}", a.code, a.bo(k));
        }
    }
    // Most articles that move carry their toelichting; all that compensate do.
    for (a, l) in arts.iter_mut().zip(lines) {
        let moves = a.index != [0, 0] || a.comp != [0, 0] || a.andere != [0, 0];
        a.toelichting = if moves && (a.comp != [0, 0] || a.leeg || a.nieuw || rng.chance(55)) { l } else { Vec::new() };
    }
}

/// The 2026 document: the 2025 structure with declared changes, the articles
/// starting from the 2025 BO (following recodings), and new revenue figures.
fn next_year(spec: &Spec, prev: &Year, rng: &mut Rng) -> Year {
    let mut y = Year {
        jaar: 2026,
        bvs: prev.bvs.clone(),
        arts: Vec::new(),
        revs: Vec::new(),
        restate: BTreeMap::new(),
        nieuw: BTreeSet::new(),
        wijzigingen: Vec::new(),
        indicatoren: Vec::new(),
        teksten: Vec::new(),
    };
    let mut used: BTreeSet<String> = BTreeSet::new();
    for b in &y.bvs {
        used.insert(b.id.clone());
        for i in &b.ises {
            used.insert(i.id.clone());
        }
        for s in &b.sds {
            used.insert(s.id.clone());
            for o in &s.ods {
                used.insert(o.id.clone());
            }
        }
    }
    let mut titels = Titels {
        seen: y
            .bvs
            .iter()
            .flat_map(|b| &b.sds)
            .flat_map(|s| std::iter::once(s.titel.clone()).chain(s.ods.iter().map(|o| o.titel.clone())))
            .collect(),
        ..Titels::default()
    };
    let mut codes: BTreeSet<String> = prev.arts.iter().map(|a| a.code.clone()).collect();
    // Old code → new code.
    let mut recode: BTreeMap<String, String> = BTreeMap::new();
    let mut dropped: BTreeSet<String> = BTreeSet::new();

    // 1. Split the ISE with the most articles among those with two ODs or more.
    let count = |code: &str| prev.arts.iter().filter(|a| a.ise == code && a.esr == Esr::Wt).count();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new(); // (bv, ise, WT articles)
    for (b, bv) in y.bvs.iter().enumerate() {
        for (i, ise) in bv.ises.iter().enumerate() {
            let ods = bv.sds.iter().flat_map(|s| &s.ods).filter(|o| o.ise == ise.id).count();
            if ods >= 2 && count(&ise.code) >= 2 {
                cands.push((b, i, count(&ise.code)));
            }
        }
    }
    if cands.is_empty() {
        for (b, bv) in y.bvs.iter().enumerate() {
            for (i, ise) in bv.ises.iter().enumerate() {
                if count(&ise.code) >= 2 {
                    cands.push((b, i, count(&ise.code)));
                }
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.2));
    let (sb, si, n_wt) = cands[rng.below(cands.len().min(3))];
    let old = y.bvs[sb].ises[si].clone();
    let bv = &y.bvs[sb];
    let spare = bv.topics.iter().find(|t| !bv.ises.iter().any(|i| i.topic == **t)).copied().unwrap_or(bv.topics[7]);
    let new_ise = Ise {
        id: fresh_id("ise", &slug(spare), &mut used),
        code: format!("{}-{}", bv.programma, LETTERS[bv.ises.len()] as char),
        naam: cap(bare(spare)),
        topic: spare,
    };
    // Move up to three WT articles, keeping at least one in the old ISE.
    // Those about the new ISE's topic go first.
    let mut movable: Vec<&Art> = prev.arts.iter().filter(|a| a.ise == old.code && a.esr == Esr::Wt).collect();
    movable.sort_by_key(|a| a.topic != spare);
    let k = (1 + rng.below(3)).min(n_wt - 1);
    let mut new_seq = BTreeMap::new();
    let mut split_moved = BTreeSet::new();
    for a in movable.iter().take(k) {
        let (prog, letter) = new_ise.code.split_once('-').expect("ISE code");
        let n = new_seq.entry(a.entiteit().to_string()).or_insert(0usize);
        let new_code = format!(
            "{}-1{prog}{}{}{letter}{}-{}",
            a.entiteit(),
            &a.code[7..8],
            &a.code[8..9],
            LETTERS[*n] as char,
            a.esr.code()
        );
        *n += 1;
        codes.insert(new_code.clone());
        split_moved.insert(a.code.clone());
        recode.insert(a.code.clone(), new_code);
    }
    // The second OD of the old ISE follows the split.
    let follows = y.bvs[sb].sds.iter().flat_map(|s| &s.ods).filter(|o| o.ise == old.id).nth(1).map(|o| o.id.clone());
    if let Some(od) = &follows {
        for s in &mut y.bvs[sb].sds {
            for o in &mut s.ods {
                if &o.id == od {
                    o.ise = new_ise.id.clone();
                    y.restate.entry(o.id.clone()).or_default().push(("ise", new_ise.id.clone()));
                }
            }
        }
    }
    y.nieuw.insert(new_ise.id.clone());
    y.bvs[sb].ises.push(new_ise.clone());
    y.wijzigingen.push(Wijziging::VanNaar {
        soort: "gesplitst",
        van: vec![old.id.clone()],
        naar: vec![old.id.clone(), new_ise.id.clone()],
        reden: format!(
            "{} krijgt een eigen ISE ({}), zodat de middelen afzonderlijk zichtbaar zijn in de begroting.",
            cap(spare),
            new_ise.code
        ),
    });
    for (old_code, new_code) in &recode {
        y.wijzigingen.push(Wijziging::VanNaar {
            soort: "hergecodeerd",
            van: vec![old_code.clone()],
            naar: vec![new_code.clone()],
            reden: format!("Het artikel volgt {} naar het nieuwe ISE {}.", spare, new_ise.code),
        });
    }

    // 2. A renamed OD.
    let all_ods: Vec<(usize, usize, usize)> = y
        .bvs
        .iter()
        .enumerate()
        .flat_map(|(b, bv)| {
            bv.sds.iter().enumerate().flat_map(move |(s, sd)| (0..sd.ods.len()).map(move |o| (b, s, o)))
        })
        .collect();
    let free: Vec<&(usize, usize, usize)> =
        all_ods.iter().filter(|(b, s, o)| Some(&y.bvs[*b].sds[*s].ods[*o].id) != follows.as_ref()).collect();
    let &&(rb, rs, ro) = rng.pick(&free);
    let renamed = {
        let od = &mut y.bvs[rb].sds[rs].ods[ro];
        let mut t = format!("{}{}", od.titel, rng.pick(HERNOEMING));
        while !titels.seen.insert(t.clone()) {
            t.push_str(" en verder");
        }
        od.titel = t.clone();
        y.restate.entry(od.id.clone()).or_default().push(("titel", t));
        od.id.clone()
    };
    y.wijzigingen.push(Wijziging::Element {
        soort: "hernoemd",
        element: renamed.clone(),
        reden: "De titel geeft beter weer hoe de doelstelling sinds de evaluatie wordt uitgevoerd.".into(),
    });

    // 3. A new OD, under an SD of a random beleidsveld.
    let nb = rng.below(y.bvs.len());
    let ns = rng.below(y.bvs[nb].sds.len());
    let ise = y.bvs[nb].ises[rng.below(y.bvs[nb].ises.len())].clone();
    let topic = *rng.pick(&y.bvs[nb].topics[..]);
    let nummer = format!("{}.{}", y.bvs[nb].sds[ns].nummer, y.bvs[nb].sds[ns].ods.len() + 1);
    let od = new_od(spec, rng, &y.bvs[nb], topic, &ise.id, nummer, &mut used, &mut titels);
    y.nieuw.insert(od.id.clone());
    y.wijzigingen.push(Wijziging::Element {
        soort: "nieuw",
        element: od.id.clone(),
        reden: format!("Uitvoering van de beslissing van de Vlaamse Regering over {topic}."),
    });
    let new_od_id = od.id.clone();
    y.bvs[nb].sds[ns].ods.push(od);

    // 4. In some domains: a renamed SD.
    if rng.chance(40) {
        let b = rng.below(y.bvs.len());
        let s = rng.below(y.bvs[b].sds.len());
        let sd = &mut y.bvs[b].sds[s];
        sd.titel = format!("{}, ook in tijden van budgettaire krapte", sd.titel);
        y.restate.entry(sd.id.clone()).or_default().push(("titel", sd.titel.clone()));
        y.wijzigingen.push(Wijziging::Element {
            soort: "hernoemd",
            element: sd.id.clone(),
            reden: "De titel benadrukt dat de doelstelling binnen de budgettaire meerjarenraming blijft.".into(),
        });
    }

    // 5. In some domains: an OD moved to another SD of its beleidsveld, renumbered.
    let movers: Vec<usize> = (0..y.bvs.len()).filter(|&b| y.bvs[b].sds.len() >= 2).collect();
    if !movers.is_empty() && rng.chance(40) {
        let b = *rng.pick(&movers);
        let from = rng.below(y.bvs[b].sds.len());
        let to = (from + 1) % y.bvs[b].sds.len();
        let pos = y.bvs[b].sds[from]
            .ods
            .iter()
            .rposition(|o| o.id != renamed && Some(&o.id) != follows.as_ref() && o.id != new_od_id);
        if let Some(pos) = pos.filter(|_| y.bvs[b].sds[from].ods.len() >= 2) {
            let mut od = y.bvs[b].sds[from].ods.remove(pos);
            od.nummer = format!("{}.{}", y.bvs[b].sds[to].nummer, y.bvs[b].sds[to].ods.len() + 1);
            y.restate.entry(od.id.clone()).or_default().push(("nummer", od.nummer.clone()));
            y.wijzigingen.push(Wijziging::Element {
                soort: "verplaatst",
                element: od.id.clone(),
                reden: format!("De doelstelling sluit inhoudelijk beter aan bij SD {}.", y.bvs[b].sds[to].nummer),
            });
            y.wijzigingen.push(Wijziging::Element {
                soort: "hernoemd",
                element: od.id.clone(),
                reden: "Nieuw nummer na de verplaatsing.".into(),
            });
            y.bvs[b].sds[to].ods.push(od);
        }
    }

    // 6. In some domains: an article that becomes a variable credit (kind 2 → 4).
    if rng.chance(50) {
        let cands: Vec<&Art> = prev
            .arts
            .iter()
            .filter(|a| a.esr == Esr::Wt && &a.code[8..9] == "2" && !recode.contains_key(&a.code))
            .collect();
        if !cands.is_empty() {
            let a = *rng.pick(&cands);
            let new_code = format!("{}4{}", &a.code[..8], &a.code[9..]);
            if !codes.contains(&new_code) {
                codes.insert(new_code.clone());
                y.wijzigingen.push(Wijziging::VanNaar {
                    soort: "hergecodeerd",
                    van: vec![a.code.clone()],
                    naar: vec![new_code.clone()],
                    reden:
                        "Het krediet wordt vanaf 2026 een variabel krediet, gespijsd door de bijhorende ontvangsten."
                            .into(),
                });
                recode.insert(a.code.clone(), new_code);
            }
        }
    }

    // 7. In every other domain: the provision emptied in 2025 is dropped.
    if let Some(pr) = prev.arts.iter().find(|a| a.leeg)
        && rng.chance(50)
        && prev.arts.iter().filter(|a| a.ise == pr.ise).count() >= 2
    {
        dropped.insert(pr.code.clone());
        y.wijzigingen.push(Wijziging::Element {
            soort: "geschrapt",
            element: pr.code.clone(),
            reden: "De provisie werd in 2025 volledig herverdeeld en wordt niet meer ingeschreven.".into(),
        });
    }

    // The articles: BA 2025 is the 2025 BO.
    for a in &prev.arts {
        if dropped.contains(&a.code) {
            continue;
        }
        let mut n = a.clone();
        if let Some(c) = recode.get(&a.code) {
            n.code = c.clone();
        }
        if split_moved.contains(&a.code) {
            n.ise = new_ise.code.clone();
        }
        n.ba = [a.bo(0), a.bo(1)];
        n.leeg = false;
        n.nieuw = false;
        y.arts.push(n);
    }
    // 8. One or two new articles, declared.
    for _ in 0..1 + rng.below(2) {
        let b = rng.below(y.bvs.len());
        let ise = y.bvs[b].ises[rng.below(y.bvs[b].ises.len())].clone();
        let ent = format!("{}{}0", spec.letter, spec.entiteiten[0].0);
        let (prog, letter) = ise.code.split_once('-').expect("ISE code");
        // A sequence letter this entity does not use in the ISE, whatever the kind or ESR.
        let key = |c: &str| format!("{}{}{}", &c[..3], &c[5..7], &c[9..11]);
        let Some(code) = LETTERS
            .iter()
            .map(|s| format!("{ent}-1{prog}{}2{letter}{}-WT", spec.minister_letter, *s as char))
            .find(|c| !codes.iter().any(|old| key(old) == key(c)))
        else {
            continue;
        };
        codes.insert(code.clone());
        let topic = *rng.pick(&y.bvs[b].topics[..]);
        y.arts.push(Art {
            code: code.clone(),
            ise: ise.code.clone(),
            esr: Esr::Wt,
            ontvanger: String::new(),
            omschrijving: format!("Nieuw initiatief 2026 – {}", bare(topic)),
            korte_inhoud: format!(
                "Middelen voor een nieuw initiatief rond {topic}, zoals beslist bij de begrotingsopmaak 2026."
            ),
            topic,
            ba: [0, 0],
            index: [0; 2],
            comp: [0; 2],
            andere: [0; 2],
            leeg: false,
            nieuw: true,
            toelichting: Vec::new(),
        });
        y.wijzigingen.push(Wijziging::Element {
            soort: "nieuw",
            element: code,
            reden: format!("Nieuw artikel voor {topic}, conform het regeerakkoord."),
        });
    }
    y.revs = prev.revs.iter().map(|r| Rev { ba: r.bo, bo: r.bo * rng.range(90, 115) / 100, ..r.clone() }).collect();
    y
}

/// Prestatie-informatie for about half of the ODs: the same indicator in
/// both years, with the year's value.
fn indicators(spec: &Spec, y: &Year, root: &Rng) -> Vec<Indicator> {
    let mut out = Vec::new();
    for (bv, _, od) in y.ods() {
        let mut r = root.fork(&format!("{}/{}", spec.id, od.id));
        if !r.chance(45) {
            continue;
        }
        let (tpl, eenheid, lo, hi) = *r.pick(INDICATOREN);
        let f = fill(spec, &mut r, od.topic, bv, y.jaar);
        let base = r.range(lo, hi);
        let target = if eenheid == Some("dagen") {
            base * 7 / 10
        } else {
            (base * 13 / 10).min(if eenheid == Some("%") { 98 } else { i64::MAX })
        };
        let mut yr = root.fork(&format!("{}/{}/{}", spec.id, od.id, y.jaar));
        let drift = yr.range(-4, 8);
        let waarde = if eenheid == Some("dagen") { base - drift } else { base + base * drift / 100 };
        let bron = spec.entiteiten[r.below(spec.entiteiten.len())].1;
        out.push(Indicator {
            od: od.id.clone(),
            indicator: f.apply(tpl),
            waarde: nl(waarde.max(1)),
            eenheid,
            jaar: y.jaar - 1,
            streefwaarde: r.chance(70).then(|| nl(target)),
            bron: bron.to_string(),
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Texts

/// An article of the ISE to quote in a text, preferring one with a standing.
fn article_of<'a>(y: &'a Year, ise: &str, rng: &mut Rng) -> Option<&'a Art> {
    let good = |a: &&Art| a.ise == ise && a.ba[0] > 0 && a.bo(0) > 0 && a.esr != Esr::Pr;
    let with: Vec<&Art> = y.arts.iter().filter(good).collect();
    if !with.is_empty() {
        return Some(*rng.pick(&with));
    }
    y.arts.iter().find(|a| a.ise == ise && a.bo(0) > 0).or_else(|| y.arts.iter().find(|a| a.ise == ise))
}

fn list(rng: &mut Rng, f: &Fill, jaar: i32) -> String {
    let items = sentences(rng, ACTIES, 3, 5, f);
    let numbered = rng.chance(40);
    let mut s = match rng.below(3) {
        0 => format!("In {jaar}:"),
        1 => format!("Concreet plannen we voor {jaar} het volgende. In {jaar}:"),
        _ => "Daarvoor:".to_string(),
    };
    s.push_str("\n\n");
    for (i, it) in items.iter().enumerate() {
        let end = if i + 1 == items.len() { "." } else { ";" };
        if numbered {
            s.push_str(&format!("{}. {it}{end}\n", i + 1));
        } else {
            s.push_str(&format!("- {it}{end}\n"));
        }
    }
    s
}

fn texts(spec: &Spec, y: &Year, rng: &mut Rng) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let j = y.jaar;
    // The introduction.
    {
        let bv = &y.bvs[0];
        let f = fill(spec, rng, bv.topics[0], bv, j);
        let mut s = format!(
            "Met deze beleids- en begrotingstoelichting bij de begroting {j} geven we uitvoering aan de beleidsnota {} 2024-2029, volgens dezelfde clustering van strategische doelstellingen, beleidsvelden en inhoudelijke structuurelementen. ",
            spec.bevoegdheid
        );
        s.push_str(&sentences(rng, SD_BODY, 2, 2, &f).join(" "));
        if j > 2025 {
            s.push_str(&format!(" Waar de structuur wijzigt tegenover de beleids- en begrotingstoelichting {}, staat dat in de bijlage *Matrix wijzigingen doelstellingenstructuur*.", j - 1));
        }
        s.push_str(&format!("\n\nIn {j} leggen we deze klemtonen:\n\n"));
        let sds: Vec<&Sd> = y.bvs.iter().flat_map(|b| &b.sds).collect();
        let n = sds.len().min(4);
        for (i, sd) in sds.iter().take(n).enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            s.push_str(&format!("- **{}** ({}){end}\n", sd.titel, verwijzing(&sd.id)));
        }
        // The largest ISE, by its VAK.
        let (_, big) = y
            .ises()
            .max_by_key(|(_, i)| y.arts.iter().filter(|a| a.ise == i.code).map(|a| a.bo(0)).sum::<i64>())
            .expect("an ISE");
        s.push_str(&format!(
            "\nDe begroting {j} houdt rekening met de indexering van lonen en werkingsmiddelen en met herschikkingen tussen artikelen die budgetneutraal zijn binnen het beleidsdomein. Het grootste inhoudelijk structuurelement, {} ({}), krijgt {} duizend euro vastleggingskrediet, {} duizend euro tegenover de aangepaste begroting {}.\n",
            big.naam.to_lowercase(),
            big.code,
            ise_fig(&big.code, "geconsolideerd.bo.vak"),
            ise_fig(&big.code, "geconsolideerd.evolutie.vak"),
            j - 1
        ));
        out.push(("inleiding.md".to_string(), s));
    }
    let od_ids: Vec<&str> = y.ods().map(|(_, _, o)| o.id.as_str()).collect();
    for bv in &y.bvs {
        for ise in &bv.ises {
            let new = y.nieuw.contains(&ise.id);
            if !(new || rng.chance(10)) {
                continue;
            }
            let mut s = format!(
                "Dit inhoudelijk structuurelement bundelt de kredieten voor {}. De vastleggingskredieten bedragen in {j} {} duizend euro; daarvan gaat {} duizend euro naar ESR-uitgaven.",
                ise.topic,
                ise_fig(&ise.code, "geconsolideerd.bo.vak"),
                ise_fig(&ise.code, "geconsolideerd.esr.bo.vak")
            );
            if new {
                s.push_str(&format!(
                    " Het is nieuw in {j}: tot en met {} maakten deze kredieten deel uit van een ander ISE van het beleidsveld {}.",
                    j - 1,
                    bv.naam.to_lowercase()
                ));
            }
            s.push('\n');
            out.push((format!("{}.md", ise.id), s));
        }
        for sd in &bv.sds {
            let f = fill(spec, rng, sd.topic, bv, j);
            // One draw for the whole text, so that no sentence comes twice.
            let body = sentences(rng, SD_BODY, 4, 6, &f);
            let (p1, p2) = body.split_at(2 + rng.below(2));
            let mut s = format!("{} {}\n\n{}\n", f.apply(rng.word(SD_OPEN)), p1.join(" "), p2.join(" "));
            if rng.chance(30) {
                s.push('\n');
                s.push_str(&list(rng, &f, j));
            }
            if let Some(first) = sd.ods.first()
                && rng.chance(50)
            {
                let code = y.ise_code(&first.ise);
                s.push_str(&format!(
                    "\nVoor het inhoudelijk structuurelement {code} is in totaal {} duizend euro vastleggingskrediet en {} duizend euro vereffeningskrediet ingeschreven.\n",
                    ise_fig(code, "geconsolideerd.bo.vak"),
                    ise_fig(code, "geconsolideerd.bo.vek")
                ));
            }
            out.push((format!("{}.md", sd.id), s));
            for od in &sd.ods {
                out.push((format!("{}.md", od.id), od_text(spec, y, bv, od, &od_ids, rng)));
            }
        }
    }
    out
}

fn od_text(spec: &Spec, y: &Year, bv: &Bv, od: &Od, od_ids: &[&str], rng: &mut Rng) -> String {
    let j = y.jaar;
    let f = fill(spec, rng, od.topic, bv, j);
    // One draw for the whole text, so that no sentence comes twice.
    let body = sentences(rng, OD_BODY, 4, 10, &f);
    let (p1, rest) = body.split_at(2 + rng.below(2));
    let mut s = format!("{} {}", f.apply(rng.word(OD_OPEN)), p1.join(" "));
    let footnote = rng.chance(12);
    if footnote {
        s.push_str("[^bron]");
    }
    s.push_str("\n\n");
    if rng.chance(45) {
        s.push_str(&list(rng, &f, j));
        s.push('\n');
    }
    // The rest in one or two paragraphs.
    let (p2, p3) = rest.split_at(if rest.len() > 4 { 3 } else { rest.len() });
    s.push_str(&p2.join(" "));
    s.push('\n');
    if !p3.is_empty() {
        s.push('\n');
        s.push_str(&p3.join(" "));
        s.push('\n');
    }
    if rng.chance(8) {
        s.push_str(&format!("\n> {}\n", rng.pick(CITATEN)));
    }
    let code = y.ise_code(&od.ise);
    if rng.chance(75)
        && let Some(a) = article_of(y, code, rng)
    {
        let c = &a.code;
        let omschrijving = lc_first(&a.omschrijving);
        s.push('\n');
        s.push_str(&match rng.below(3) {
            0 => format!(
                "Op artikel {c} ({omschrijving}) is in {j} {} duizend euro vastleggingskrediet ingeschreven, {} duizend euro tegenover de aangepaste begroting {}.",
                art_fig(c, "bo.vak"),
                art_fig(c, "evolutie.vak"),
                j - 1
            ),
            1 => format!(
                "Het vereffeningskrediet op artikel {c} evolueert van {} duizend euro naar {} duizend euro ({}).",
                art_fig(c, "ba.vek"),
                art_fig(c, "bo.vek"),
                art_fig(c, "evolutie_procent.vek")
            ),
            // Words that follow the sign of the evolution.
            _ if a.bo(0) > a.ba[0] && a.index[0] > 0 => format!(
                "Het vastleggingskrediet voor {omschrijving} stijgt met {} tegenover de aangepaste begroting {}, onder meer door de indexering ({} duizend euro).",
                art_fig(c, "evolutie_procent.vak"),
                j - 1,
                art_fig(c, "index.vak")
            ),
            _ if a.bo(0) > a.ba[0] => format!(
                "Het vastleggingskrediet voor {omschrijving} stijgt met {} tot {} duizend euro.",
                art_fig(c, "evolutie_procent.vak"),
                art_fig(c, "bo.vak")
            ),
            _ if a.bo(0) < a.ba[0] => format!(
                "Het vastleggingskrediet voor {omschrijving} daalt tot {} duizend euro ({} tegenover {}).",
                art_fig(c, "bo.vak"),
                art_fig(c, "evolutie_procent.vak"),
                j - 1
            ),
            _ => format!(
                "Het vastleggingskrediet voor {omschrijving} blijft behouden op {} duizend euro.",
                art_fig(c, "bo.vak")
            ),
        });
        if let Some(r) = y.revs.iter().find(|r| r.ise == code)
            && rng.chance(50)
        {
            s.push_str(&format!(
                " De ontvangsten uit {} worden geraamd op {} duizend euro.",
                lc_first(&r.omschrijving),
                art_fig(&r.code, "bo")
            ));
        }
        s.push('\n');
    }
    if rng.chance(12) {
        let row = |r: &mut Rng| {
            let a = r.range(40, 4_000);
            (nl(a), nl(a + a * r.range(-5, 25) / 100))
        };
        let (a1, b1) = row(rng);
        let (a2, b2) = row(rng);
        s.push_str(&format!(
            "\n| Indicator | {} | {} |\n|---|---|---|\n| Bereikte {} | {a1} | {b1} |\n| Ondersteunde projecten | {a2} | {b2} |\n",
            j - 2,
            j - 1,
            f.d
        ));
    }
    if rng.chance(25) {
        let other = *rng.pick(od_ids);
        if other != od.id {
            s.push_str(&format!("\nZie ook {}.\n", verwijzing(other)));
        }
    }
    if footnote {
        s.push_str(&format!(
            "\n[^bron]: Bron: {}, jaarverslag {}.\n",
            spec.entiteiten[rng.below(spec.entiteiten.len())].1,
            j - 2
        ));
    }
    s
}

// ---------------------------------------------------------------------------
// Writing

fn write_domain(d: &Domain, out: &Path, seed: u64) -> std::io::Result<u64> {
    let dir = out.join(d.spec.id);
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    fs::write(dir.join("beleidsnota.yaml"), beleidsnota_yaml(d, seed))?;
    let mut text_bytes = 0;
    for y in [&d.y2025, &d.y2026] {
        let ydir = dir.join(y.jaar.to_string()).join("bo");
        fs::create_dir_all(ydir.join("tekst"))?;
        fs::write(ydir.join("bbt.yaml"), bbt_yaml(d, y))?;
        fs::write(ydir.join("prestaties.yaml"), prestaties_yaml(y))?;
        for (name, md) in &y.teksten {
            fs::write(ydir.join("tekst").join(name), md)?;
            text_bytes += md.len() as u64;
        }
        workbook(d, y, &ydir.join("begroting.xlsx")).map_err(std::io::Error::other)?;
    }
    Ok(text_bytes)
}

fn beleidsnota_yaml(d: &Domain, seed: u64) -> String {
    let spec = d.spec;
    let mut s = format!(
        "# Beleidsnota {b} 2024-2029 (synthetische benchmarkdataset, seed {seed}).\n\
         # De structuur van de legislatuur: beleidsvelden, inhoudelijke structuurelementen (ISE),\n\
         # strategische (SD) en operationele doelstellingen (OD). Elk element heeft een vaste id.\n\
         id: {id}\ntitel: {t}\nbevoegdheid: {bq}\nlegislatuur: 2024-2029\n\nentiteiten:\n",
        b = spec.bevoegdheid,
        id = spec.id,
        t = q(&format!("Beleidsnota {} 2024-2029", spec.bevoegdheid)),
        bq = q(spec.bevoegdheid),
    );
    for (c, naam) in spec.entiteiten {
        s.push_str(&format!("  - code: {}{}0\n    naam: {}\n", spec.letter, c, q(naam)));
    }
    s.push_str("\nbeleidsvelden:\n");
    for (i, bv) in d.nota.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("  - id: {}\n    naam: {}\n    ises:\n", bv.id, q(&bv.naam)));
        for ise in &bv.ises {
            s.push_str(&format!(
                "      - id: {}\n        code: {}\n        naam: {}\n",
                ise.id,
                ise.code,
                q(&ise.naam)
            ));
        }
        s.push_str("    sds:\n");
        for sd in &bv.sds {
            s.push_str(&format!(
                "      - id: {}\n        nummer: \"{}\"\n        titel: {}\n        ods:\n",
                sd.id,
                sd.nummer,
                q(&sd.titel)
            ));
            for od in &sd.ods {
                s.push_str(&od_yaml(od, "id", 10));
            }
        }
    }
    s
}

/// An OD as a full mapping, `key` naming its id (`id` in the beleidsnota, `od` in a document).
fn od_yaml(od: &Od, key: &str, indent: usize) -> String {
    let p = " ".repeat(indent);
    let mut s = format!(
        "{p}- {key}: {}\n{p}  nummer: \"{}\"\n{p}  titel: {}\n{p}  ise: {}\n",
        od.id,
        od.nummer,
        q(&od.titel),
        od.ise
    );
    if !od.themas.is_empty() {
        s.push_str(&format!("{p}  themas: [{}]\n", od.themas.join(", ")));
    }
    if !od.acties.is_empty() {
        s.push_str(&format!("{p}  acties: [{}]\n", od.acties.join(", ")));
    }
    s
}

fn bbt_yaml(d: &Domain, y: &Year) -> String {
    let spec = d.spec;
    let (letter, zitting, datum) = if y.jaar == 2025 {
        (b"ABCDEFGHJKL"[d.index] as char, "2024-2025", "2024-10-24")
    } else {
        (b"MNOPQRSTUVW"[d.index] as char, "2025-2026", "2025-10-23")
    };
    let mut s = format!(
        "# Beleids- en begrotingstoelichting {b} bij de begrotingsopmaak {j} (synthetische benchmarkdataset).\n\
         begrotingsjaar: {j}\nfase: bo\nstuk:\n  nummer: 13\n  letter: {letter}\n  zittingsjaar: {zitting}\n\
         ingediend_op: {datum}\nminister:\n  naam: {m}\n  titel: {mt}\n\
         # De bedragen in begroting.xlsx staan in {e}.\neenheid: {e}\n\n\
         # De structuur van dit jaar, per id, in de volgorde van de beleidsnota.\nstructuur:\n",
        b = spec.bevoegdheid,
        j = y.jaar,
        m = q(spec.minister),
        mt = q(spec.minister_titel),
        e = if spec.euro { "euro" } else { "duizend euro" },
    );
    for bv in &y.bvs {
        s.push_str(&format!("  - beleidsveld: {}\n", bv.id));
        if bv.ises.iter().any(|i| y.nieuw.contains(&i.id)) {
            s.push_str("    ises:\n");
            for ise in &bv.ises {
                if y.nieuw.contains(&ise.id) {
                    s.push_str(&format!(
                        "      - ise: {}\n        code: {}\n        naam: {}\n",
                        ise.id,
                        ise.code,
                        q(&ise.naam)
                    ));
                } else {
                    s.push_str(&format!("      - {}\n", ise.id));
                }
            }
        } else {
            let ids: Vec<&str> = bv.ises.iter().map(|i| i.id.as_str()).collect();
            s.push_str(&format!("    ises: [{}]\n", ids.join(", ")));
        }
        s.push_str("    sds:\n");
        for sd in &bv.sds {
            s.push_str(&format!("      - sd: {}\n", sd.id));
            for (k, v) in y.restate.get(&sd.id).into_iter().flatten() {
                s.push_str(&format!("        {k}: {}\n", q(v)));
            }
            let plain = sd.ods.iter().all(|o| !y.nieuw.contains(&o.id) && !y.restate.contains_key(&o.id));
            if plain {
                let ids: Vec<&str> = sd.ods.iter().map(|o| o.id.as_str()).collect();
                s.push_str(&format!("        ods: [{}]\n", ids.join(", ")));
                continue;
            }
            s.push_str("        ods:\n");
            for od in &sd.ods {
                if y.nieuw.contains(&od.id) {
                    s.push_str(&od_yaml(od, "od", 10));
                } else if let Some(attrs) = y.restate.get(&od.id) {
                    s.push_str(&format!("          - od: {}\n", od.id));
                    for (k, v) in attrs {
                        let v = if *k == "nummer" { format!("\"{v}\"") } else { q(v) };
                        s.push_str(&format!("            {k}: {v}\n"));
                    }
                } else {
                    s.push_str(&format!("          - {}\n", od.id));
                }
            }
        }
    }
    if !y.wijzigingen.is_empty() {
        s.push_str("\nwijzigingen:\n");
        for w in &y.wijzigingen {
            match w {
                Wijziging::Element { soort, element, reden } => {
                    s.push_str(&format!("  - soort: {soort}\n    element: {element}\n    reden: {}\n", q(reden)))
                }
                Wijziging::VanNaar { soort, van, naar, reden } => s.push_str(&format!(
                    "  - soort: {soort}\n    van: [{}]\n    naar: [{}]\n    reden: {}\n",
                    van.join(", "),
                    naar.join(", "),
                    q(reden)
                )),
            }
        }
    }
    s
}

fn prestaties_yaml(y: &Year) -> String {
    let mut s = String::from(
        "# Prestatie-informatie: indicatoren per operationele doelstelling (synthetisch).\nindicatoren:\n",
    );
    for i in &y.indicatoren {
        s.push_str(&format!("  - od: {}\n    indicator: {}\n    waarde: \"{}\"\n", i.od, q(&i.indicator), i.waarde));
        if let Some(e) = i.eenheid {
            s.push_str(&format!("    eenheid: \"{e}\"\n"));
        }
        s.push_str(&format!("    jaar: {}\n", i.jaar));
        if let Some(t) = &i.streefwaarde {
            s.push_str(&format!("    streefwaarde: \"{t}\"\n"));
        }
        s.push_str(&format!("    bron: {}\n", q(&i.bron)));
    }
    if y.indicatoren.is_empty() {
        s = s.replace("indicatoren:\n", "indicatoren: []\n");
    }
    s
}

fn workbook(d: &Domain, y: &Year, path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    // Rows by ISE in the year's order, then by code.
    let order: Vec<&str> = y.ises().map(|(_, i)| i.code.as_str()).collect();
    let pos = |code: &str| order.iter().position(|c| *c == code).unwrap_or(usize::MAX);
    let mut arts: Vec<&Art> = y.arts.iter().collect();
    arts.sort_by(|a, b| (pos(&a.ise), &a.code).cmp(&(pos(&b.ise), &b.code)));
    let mut revs: Vec<&Rev> = y.revs.iter().collect();
    revs.sort_by(|a, b| (pos(&a.ise), &a.code).cmp(&(pos(&b.ise), &b.code)));
    let toelichting: Vec<(&str, &str, i64, i64)> = arts
        .iter()
        .flat_map(|a| a.toelichting.iter().map(|(t, vak, vek)| (a.code.as_str(), t.as_str(), *vak, *vek)))
        .collect();
    let jaar = Jaar {
        jaar: y.jaar,
        bevoegdheid: d.spec.bevoegdheid,
        eenheid: if d.spec.euro { "euro" } else { "duizend euro" },
        uitgaven: arts
            .iter()
            .map(|a| Uitgave {
                code: &a.code,
                omschrijving: &a.omschrijving,
                ise: &a.ise,
                ontvanger: &a.ontvanger,
                cijfers: ([a.ba[0], a.index[0], a.comp[0], a.andere[0]], [a.ba[1], a.index[1], a.comp[1], a.andere[1]]),
                korte_inhoud: &a.korte_inhoud,
            })
            .collect(),
        ontvangsten: revs
            .iter()
            .map(|r| Ontvangst {
                code: &r.code,
                omschrijving: &r.omschrijving,
                ise: &r.ise,
                ba: r.ba,
                bo: r.bo,
                korte_inhoud: &r.korte_inhoud,
            })
            .collect(),
        toelichting: &toelichting,
        aangemaakt: if y.jaar == 2025 { (2024, 9, 30) } else { (2025, 9, 29) },
        totalen: true,
        doelstellingen: &[],
        uitvoering: Vec::new(),
    };
    common::write(&jaar, path.to_str().expect("UTF-8 path"))
}

// ---------------------------------------------------------------------------

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut seed = 1u64;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => {
                seed = args.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| usage("--seed needs a number"))
            }
            "-h" | "--help" => usage(""),
            _ if out.is_none() && !a.starts_with('-') => out = Some(a),
            _ => usage(&format!("unexpected argument '{a}'")),
        }
    }
    let out = out.unwrap_or_else(|| usage("OUT_DIR is required"));
    let out = Path::new(&out);
    let root = Rng::new(seed);
    let mut totals = Totals::default();
    for (i, spec) in DOMEINEN.iter().enumerate() {
        let d = build(spec, i, &root);
        let text_bytes = write_domain(&d, out, seed).unwrap_or_else(|e| {
            eprintln!("bench_dataset: writing {}: {e}", out.join(spec.id).display());
            std::process::exit(2)
        });
        totals.add(&d, text_bytes);
    }
    write_plan(out).unwrap_or_else(|e| {
        eprintln!("bench_dataset: writing {}: {e}", out.join("horizontaal.yaml").display());
        std::process::exit(2)
    });
    totals.print(out, seed);
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("bench_dataset: {msg}");
    }
    eprintln!("usage: cargo run --release --example bench_dataset -- OUT_DIR [--seed N]");
    std::process::exit(if msg.is_empty() { 0 } else { 2 })
}

#[derive(Default)]
struct Totals {
    rows: Vec<String>,
    domains: usize,
    bvs: usize,
    ises: [usize; 2],
    sds: usize,
    ods: [usize; 2],
    arts: [usize; 2],
    revs: usize,
    dotaties: usize,
    indicatoren: [usize; 2],
    texts: [usize; 2],
    text_bytes: u64,
    wijzigingen: usize,
}

impl Totals {
    fn add(&mut self, d: &Domain, text_bytes: u64) {
        let (a, b) = (&d.y2025, &d.y2026);
        self.domains += 1;
        self.bvs += d.nota.len();
        self.sds += d.nota.iter().map(|b| b.sds.len()).sum::<usize>();
        self.ises = [self.ises[0] + a.ises().count(), self.ises[1] + b.ises().count()];
        self.ods = [self.ods[0] + a.ods().count(), self.ods[1] + b.ods().count()];
        self.arts = [self.arts[0] + a.arts.len(), self.arts[1] + b.arts.len()];
        self.revs += a.revs.len();
        self.dotaties += a.arts.iter().filter(|x| x.esr == Esr::Is).count();
        self.indicatoren = [self.indicatoren[0] + a.indicatoren.len(), self.indicatoren[1] + b.indicatoren.len()];
        self.texts = [self.texts[0] + a.teksten.len(), self.texts[1] + b.teksten.len()];
        self.text_bytes += text_bytes;
        self.wijzigingen += b.wijzigingen.len();
        let sum = |y: &Year| -> i64 { y.arts.iter().map(|x| x.bo(0)).sum() };
        self.rows.push(format!(
            "  {:<32} {:>4} {:>4} {:>4} {:>5} {:>5} {:>4}   {:>15} {}",
            d.spec.id,
            d.nota.len(),
            a.ises().count(),
            d.nota.iter().map(|b| b.sds.len()).sum::<usize>(),
            a.ods().count(),
            a.arts.len(),
            a.revs.len(),
            nl(sum(a)),
            if d.spec.euro { "euro" } else { "k€" },
        ));
    }

    fn print(&self, out: &Path, seed: u64) {
        println!("wrote {} (seed {seed})", out.display());
        println!(
            "  {:<32} {:>4} {:>4} {:>4} {:>5} {:>5} {:>4}   {:>15}",
            "domain (2025)", "bv", "ise", "sd", "od", "art", "ont", "BO VAK"
        );
        for r in &self.rows {
            println!("{r}");
        }
        println!("domains:            {}", self.domains);
        println!("beleidsvelden:      {}", self.bvs);
        println!("SDs:                {}", self.sds);
        println!("ODs:                {} (2025), {} (2026)", self.ods[0], self.ods[1]);
        println!("ISEs:               {} (2025), {} (2026)", self.ises[0], self.ises[1]);
        println!(
            "articles:           {} (2025), {} (2026) expenditure; {} revenue",
            self.arts[0], self.arts[1], self.revs
        );
        println!("dotations (IS):     {}", self.dotaties);
        println!("declared changes:   {} (2026)", self.wijzigingen);
        println!("indicators:         {} (2025), {} (2026)", self.indicatoren[0], self.indicatoren[1]);
        println!("text files:         {} (2025), {} (2026)", self.texts[0], self.texts[1]);
        println!("text bytes:         {}", self.text_bytes);
    }
}
