//! A deterministic generator of synthetic policy cascades, for benchmarks
//! and for checking that the checks find what was planted.
//!
//! From a seed it writes, in the plan language, a national outline of 150
//! obligations (targets passed down as floors, yearly and total quantities
//! shared by population, figures that do not pass down), one provincial
//! outline per province refining it, one plan per prefecture-level city
//! refining its province's outline, and one plan per county implementing
//! its city's plan (or, in the four municipalities, the provincial outline
//! directly). Names of places, populations, titles and 责任单位 are made
//! up but shaped like real ones: no real place or number appears.
//!
//! Defects are planted at known rates (omitted obligations, undercut
//! figures, figures left unstated) and recorded in a [`Manifest`], together
//! with the roll-up shortfalls they cause, so a test can assert that the
//! checker reports each one exactly once and nothing else.
//!
//! The size knob is the number of provinces: 1 is one province, 31 the
//! country (31 provinces, 333 cities, 2,844 counties), 310 ten times the
//! country. Like the rest of the library, this module does no IO: it
//! returns file names and texts.

use std::fmt::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::check::figures::apportion;

/// Provinces in one copy of the country.
pub const PROVINCES: usize = 31;
/// Prefecture-level cities in one copy of the country.
pub const CITIES: usize = 333;
/// County-level divisions in one copy of the country.
pub const COUNTIES: usize = 2844;
/// Obligations of the national outline.
pub const NATIONAL_OBLIGATIONS: usize = 150;
/// Which of the 31 provinces are municipalities (their counties carry out
/// the provincial outline directly), and how many counties each has.
const MUNICIPALITIES: [(usize, usize); 4] = [(1, 16), (2, 16), (8, 16), (21, 38)];

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub seed: u64,
    /// 1 for one province, 31 for the country, 310 for ten times it.
    pub provinces: usize,
    pub rates: Rates,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 1,
            provinces: PROVINCES,
            rates: Rates::default(),
        }
    }
}

/// How often each defect is planted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// Per obligation a plan owes: it is left out.
    pub omission: f64,
    /// Per obligation a plan owes: it is left out with a valid exemption
    /// (not a defect; exercises the exemption path).
    pub exemption: f64,
    /// Per figure a plan owes: it states less than it owes.
    pub undercut: f64,
    /// Per figure a plan owes: it states none.
    pub unstated: f64,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            omission: 0.002,
            exemption: 0.001,
            undercut: 0.004,
            unstated: 0.004,
        }
    }
}

/// One generated file: a path relative to the output directory, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// A defect the checker must report: its code, the plan (none for a
/// roll-up, which is about the higher document) and the obligation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Defect {
    pub code: &'static str,
    pub plan: Option<String>,
    pub obligation: String,
}

/// What was generated and every defect planted in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manifest {
    pub seed: u64,
    pub rates: Rates,
    pub provinces: usize,
    pub cities: usize,
    pub counties: usize,
    /// Documents that carry out another: provinces, cities and counties.
    pub plans: usize,
    pub files: usize,
    pub bytes: usize,
    /// Sorted.
    pub defects: Vec<Defect>,
}

/// A generated cascade.
#[derive(Debug, Clone, PartialEq)]
pub struct Cascade {
    pub files: Vec<File>,
    pub manifest: Manifest,
}

/// The date expiry must be judged against for the generated exemptions.
pub const AS_OF: &str = "2026-11-23";

/// Generates a cascade.
pub fn generate(options: &Options) -> Cascade {
    let national = national_obligations(options.seed);
    let country = country(options.seed, options.provinces.max(1));
    let mut out = Generator {
        seed: options.seed,
        rates: options.rates,
        defects: Vec::new(),
        files: Vec::new(),
    };
    out.files.push(File {
        path: "rules/jurisdictions.plan".into(),
        text: jurisdictions_text(&country),
    });
    out.files.push(File {
        path: "rules/national-outline.plan".into(),
        text: national_text(&national),
    });
    let root = Level {
        doc: "gen.outline".into(),
        prefix: "n".into(),
        issued: 0,
        obligations: national
            .iter()
            .map(|o| Some(Stated::from_template(o)))
            .collect(),
    };
    let provinces: Vec<&Place> = country.children.iter().collect();
    let province_levels = out.level_down(&national, &root, &provinces, 1, 1);
    for (p, level) in country.children.iter().zip(&province_levels) {
        if p.municipality {
            let counties: Vec<&Place> = p.children.iter().collect();
            out.level_down(&national, level, &counties, 3, 2);
        } else {
            let cities: Vec<&Place> = p.children.iter().collect();
            let city_levels = out.level_down(&national, level, &cities, 2, 2);
            for (c, city) in p.children.iter().zip(&city_levels) {
                let counties: Vec<&Place> = c.children.iter().collect();
                out.level_down(&national, city, &counties, 3, 3);
            }
        }
    }
    let (cities, counties) = cities_and_counties(&country);
    let mut defects = out.defects;
    defects.sort();
    let files = out.files;
    Cascade {
        manifest: Manifest {
            seed: options.seed,
            rates: options.rates,
            provinces: country.children.len(),
            cities,
            counties,
            plans: files.len() - 2,
            files: files.len(),
            bytes: files.iter().map(|f| f.text.len()).sum(),
            defects,
        },
        files,
    }
}

// ───────────────────────────── places ─────────────────────────────

/// A jurisdiction and those directly below it.
#[derive(Debug, Clone)]
struct Place {
    id: String,
    name: String,
    /// `省`, `直辖市`, `市`, `县`, `区`.
    kind: &'static str,
    population: u64,
    agricultural: bool,
    municipality: bool,
    children: Vec<Place>,
}

const SYLLABLES: &[char] = &[
    '安', '宁', '平', '川', '江', '河', '山', '云', '青', '阳', '清', '东', '西', '南', '北', '临',
    '长', '永', '新', '兴', '泰', '华', '德', '丰', '和', '嘉', '金', '玉', '龙', '凤', '石', '林',
    '桐', '柳', '梅', '松', '岭', '溪', '湖', '原', '武', '文', '昌', '盛', '隆', '福', '宝', '元',
    '中', '远', '望', '春', '秋', '明', '沙', '泉', '峰', '崇', '怀', '延', '定', '乐', '荣', '通',
];

fn place_name(rng: &mut ChaCha8Rng, suffix: &str) -> String {
    let a = SYLLABLES[rng.random_range(0..SYLLABLES.len())];
    let mut b = SYLLABLES[rng.random_range(0..SYLLABLES.len())];
    if b == a {
        b = SYLLABLES[(SYLLABLES.iter().position(|&c| c == a).unwrap_or(0) + 7) % SYLLABLES.len()];
    }
    format!("{a}{b}{suffix}")
}

/// Splits `total` into `parts` positive whole numbers that sum to it,
/// unevenly, the way divisions differ in size.
fn partition(rng: &mut ChaCha8Rng, total: u64, parts: usize) -> Vec<u64> {
    let weights: Vec<f64> = (0..parts).map(|_| rng.random_range(0.4..1.6)).collect();
    let sum: f64 = weights.iter().sum();
    let spare = total.saturating_sub(parts as u64);
    let mut shares: Vec<u64> = weights
        .iter()
        .map(|w| 1 + (spare as f64 * w / sum).floor() as u64)
        .collect();
    let mut left = total.saturating_sub(shares.iter().sum());
    let mut i = 0;
    while left > 0 {
        shares[i % parts] += 1;
        left -= 1;
        i += 1;
    }
    shares
}

/// How many prefecture-level cities and county-level divisions a country
/// has (a municipality's districts are counties directly under it).
fn cities_and_counties(country: &Place) -> (usize, usize) {
    let cities = country
        .children
        .iter()
        .filter(|p| !p.municipality)
        .map(|p| p.children.len())
        .sum();
    let counties = country
        .children
        .iter()
        .map(|p| {
            if p.municipality {
                p.children.len()
            } else {
                p.children.iter().map(|c| c.children.len()).sum()
            }
        })
        .sum();
    (cities, counties)
}

/// The jurisdiction tree: one copy of the country's structure per 31
/// provinces, each province with its own names and populations.
fn country(seed: u64, provinces: usize) -> Place {
    let mut structure = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_0001);
    let normal: Vec<usize> = (0..PROVINCES)
        .filter(|i| !MUNICIPALITIES.iter().any(|(m, _)| m == i))
        .collect();
    let municipal_counties: usize = MUNICIPALITIES.iter().map(|(_, n)| n).sum();
    let city_counts = partition(&mut structure, CITIES as u64, normal.len());
    let county_counts = partition(
        &mut structure,
        (COUNTIES - municipal_counties) as u64,
        CITIES,
    );
    let mut children = Vec::with_capacity(provinces);
    for k in 0..provinces {
        let template = k % PROVINCES;
        let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_add(1 + k as u64));
        let id = format!("g.p{:02}", k + 1);
        if let Some(&(_, counties)) = MUNICIPALITIES.iter().find(|(m, _)| *m == template) {
            let population = rng.random_range(12_000_000..32_000_000);
            let pops = partition(&mut rng, population, counties);
            let districts = pops
                .iter()
                .enumerate()
                .map(|(i, &pop)| {
                    let urban = i < 4 || rng.random_bool(0.3);
                    Place {
                        id: format!("{id}.x{:02}", i + 1),
                        name: place_name(&mut rng, "区"),
                        kind: "区",
                        population: pop,
                        agricultural: !urban,
                        municipality: false,
                        children: Vec::new(),
                    }
                })
                .collect();
            children.push(Place {
                name: place_name(&mut rng, "市"),
                id,
                kind: "直辖市",
                population,
                agricultural: true,
                municipality: true,
                children: districts,
            });
            continue;
        }
        let position = normal.iter().position(|&n| n == template).unwrap_or(0);
        let first_city: usize = city_counts[..position].iter().sum::<u64>() as usize;
        let n_cities = city_counts[position] as usize;
        let population = rng.random_range(3_000_000..110_000_000);
        let city_pops = partition(&mut rng, population, n_cities);
        let cities = city_pops
            .iter()
            .enumerate()
            .map(|(c, &city_pop)| {
                let n_counties = county_counts[first_city + c] as usize;
                let city_id = format!("{id}.c{:02}", c + 1);
                let county_pops = partition(&mut rng, city_pop, n_counties);
                let counties = county_pops
                    .iter()
                    .enumerate()
                    .map(|(x, &pop)| {
                        let district = x < 2 || rng.random_bool(0.15);
                        let kind = if district { "区" } else { "县" };
                        Place {
                            id: format!("{city_id}.x{:02}", x + 1),
                            name: place_name(&mut rng, kind),
                            kind,
                            population: pop,
                            agricultural: !(district && rng.random_bool(0.5)),
                            municipality: false,
                            children: Vec::new(),
                        }
                    })
                    .collect();
                Place {
                    id: city_id,
                    name: place_name(&mut rng, "市"),
                    kind: "市",
                    population: city_pop,
                    agricultural: true,
                    municipality: false,
                    children: counties,
                }
            })
            .collect();
        children.push(Place {
            name: place_name(&mut rng, "省"),
            id,
            kind: "省",
            population,
            agricultural: true,
            municipality: false,
            children: cities,
        });
    }
    Place {
        id: "g".into(),
        name: "全国".into(),
        kind: "国家",
        population: children.iter().map(|p| p.population).sum(),
        agricultural: true,
        municipality: false,
        children,
    }
}

fn jurisdictions_text(country: &Place) -> String {
    let mut s = String::with_capacity(256 * (COUNTIES + CITIES));
    s.push_str("# Synthetic jurisdictions written by `planlint generate`: made-up names and\n# populations shaped like real ones.\n\n");
    fn write(s: &mut String, p: &Place, parent: Option<&str>, rank: &str) {
        let _ = writeln!(s, "jurisdiction {} {{", p.id);
        let _ = writeln!(s, "  name \"{}\"", p.name);
        let _ = writeln!(s, "  rank {rank} \"{}\"", p.kind);
        if let Some(parent) = parent {
            let _ = writeln!(s, "  parent {parent}");
        }
        let _ = writeln!(s, "  population {}", p.population);
        if rank != "national" {
            let _ = writeln!(
                s,
                "  attr agricultural {}",
                if p.agricultural { "yes" } else { "no" }
            );
        }
        s.push_str("}\n\n");
    }
    write(&mut s, country, None, "national");
    for p in &country.children {
        write(&mut s, p, Some(&country.id), "province");
        for c in &p.children {
            if p.municipality {
                write(&mut s, c, Some(&p.id), "county");
                continue;
            }
            write(&mut s, c, Some(&p.id), "prefecture");
            for x in &c.children {
                write(&mut s, x, Some(&c.id), "county");
            }
        }
    }
    s
}

// ─────────────────────────── the national outline ───────────────────────────

/// How a national obligation's figure passes down.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Figure {
    /// A percentage every level must reach by the deadline.
    Floor { value: u32, by: i32 },
    /// A quantity shared by population; `per_year`, or a total by 2025.
    Share { value: u64, per_year: bool },
    /// A figure the issuer counts itself.
    None { value: u64 },
}

/// One obligation of the national outline.
#[derive(Debug, Clone)]
struct Template {
    citation: String,
    kind: &'static str,
    title: String,
    text: String,
    /// The lowest level that must carry it out: 0 the nation itself, 1 the
    /// provinces, 2 the cities, 3 the counties.
    depth: u8,
    agricultural: bool,
    elements: Vec<&'static str>,
    target: Option<(String, &'static str, &'static str, Figure)>,
    /// The stem of the 责任单位 at county level (`教育局` → `县教育局`).
    units: &'static [&'static str],
}

struct Group {
    name: &'static str,
    objects: [&'static str; 6],
    units: &'static [&'static str],
    agricultural: bool,
    /// Metric id, metric, unit and the national figure of the group's quantity.
    quantity: (&'static str, &'static str, &'static str, Figure),
}

const VERBS: [&str; 3] = ["加强", "推进", "完善"];
const DETAILS: [&str; 8] = [
    "建立健全工作机制，明确责任分工，形成工作合力",
    "统筹各方资源，推动优质科普资源向基层延伸",
    "开展形式多样的主题活动，扩大覆盖面和影响力",
    "加强督促检查，定期评估实施效果",
    "创新方式方法，提升服务的针对性和实效性",
    "鼓励社会力量参与，构建多元投入格局",
    "推动数字化转型，拓展线上线下服务渠道",
    "完善激励保障措施，调动各方积极性",
];

const ACTIONS: [Group; 5] = [
    Group {
        name: "青少年",
        objects: [
            "科学教育",
            "科技实践活动",
            "科学家精神宣传",
            "科技后备人才培育",
            "馆校合作",
            "科学教师队伍建设",
        ],
        units: &["教育局", "科协", "团委"],
        agricultural: false,
        quantity: (
            "youth-activities",
            "青少年参加科技实践活动",
            "人次",
            Figure::Share {
                value: 60_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "农民",
        objects: [
            "科技培训",
            "高素质农民培育",
            "乡村科普阵地建设",
            "农业技术推广",
            "乡村振兴科技服务",
            "科普示范带动",
        ],
        units: &["农业农村局", "科协", "人力资源和社会保障局"],
        agricultural: true,
        quantity: (
            "farmer-training",
            "农民技术技能培训",
            "人次",
            Figure::Share {
                value: 20_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "产业工人",
        objects: [
            "技能培训",
            "职业技能竞赛",
            "劳模工匠精神宣传",
            "职工科普阵地建设",
            "创新工作室建设",
            "网络学习平台建设",
        ],
        units: &["总工会", "人力资源和社会保障局", "工业和信息化局"],
        agricultural: false,
        quantity: (
            "worker-training",
            "职工技能培训",
            "人次",
            Figure::Share {
                value: 30_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "老年人",
        objects: [
            "智能技术培训",
            "健康科普服务",
            "老年大学科普课程",
            "银龄科普行动",
            "防范电信诈骗宣传",
            "社区老年科普活动",
        ],
        units: &["民政局", "卫生健康委", "老龄办"],
        agricultural: false,
        quantity: (
            "elderly-training",
            "老年人智能技术培训",
            "人次",
            Figure::Share {
                value: 15_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "领导干部和公务员",
        objects: [
            "科学素质培训",
            "科学决策能力建设",
            "理论学习",
            "科学素质考核",
            "专题研修",
            "网络培训课程",
        ],
        units: &["委组织部", "人力资源和社会保障局", "委党校"],
        agricultural: false,
        quantity: (
            "cadre-courses",
            "领导干部科学素质培训班",
            "期",
            Figure::None { value: 500 },
        ),
    },
];

const PROJECTS: [Group; 5] = [
    Group {
        name: "科技资源科普化",
        objects: [
            "科普基地建设",
            "科研设施开放",
            "科技成果科普转化",
            "科学家科普激励",
            "科普产品研发",
            "科技馆联动",
        ],
        units: &["科技局", "科协", "发展和改革委员会"],
        agricultural: false,
        quantity: (
            "science-bases",
            "建成科普教育基地",
            "个",
            Figure::Share {
                value: 120_000,
                per_year: false,
            },
        ),
    },
    Group {
        name: "科普信息化",
        objects: [
            "科普内容创作",
            "融媒体科普传播",
            "科普信息平台建设",
            "网络科普监测",
            "科学辟谣机制",
            "科普作品推介",
        ],
        units: &["委网信办", "融媒体中心", "科协"],
        agricultural: false,
        quantity: (
            "science-works",
            "推出原创科普作品",
            "件",
            Figure::Share {
                value: 3_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "科普基础设施",
        objects: [
            "科技馆体系建设",
            "社区科普站点建设",
            "流动科普设施",
            "科普场馆免费开放",
            "科普设施标准化",
            "科普大篷车服务",
        ],
        units: &["科协", "住房和城乡建设委员会", "文化和旅游局"],
        agricultural: false,
        quantity: (
            "science-stations",
            "建成社区科普站点",
            "个",
            Figure::Share {
                value: 400_000,
                per_year: false,
            },
        ),
    },
    Group {
        name: "基层科普能力",
        objects: [
            "科普志愿服务",
            "新时代文明实践科普",
            "基层科普组织建设",
            "科普人才队伍建设",
            "全国科普日活动",
            "科技活动周活动",
        ],
        units: &["科协", "委宣传部", "民政局"],
        agricultural: false,
        quantity: (
            "outreach-events",
            "举办基层科普活动",
            "场次",
            Figure::Share {
                value: 8_000_000,
                per_year: true,
            },
        ),
    },
    Group {
        name: "应急科普",
        objects: [
            "应急科普宣教",
            "应急科普专家队伍",
            "防灾减灾科普",
            "应急科普资源库",
            "突发事件科普响应",
            "应急演练科普",
        ],
        units: &["应急管理局", "卫生健康委", "科协"],
        agricultural: false,
        quantity: (
            "emergency-training",
            "应急科普培训社会公众",
            "人次",
            Figure::Share {
                value: 40_000_000,
                per_year: true,
            },
        ),
    },
];

const GOALS: [(&str, &str, u32); 8] = [
    ("literacy", "公民具备科学素质的比例", 14),
    ("school-science", "中小学科学教育达标率", 85),
    ("community-coverage", "社区科普活动覆盖率", 80),
    ("rural-stations", "乡镇科普示范站覆盖率", 70),
    ("volunteers", "科技志愿者注册率", 3),
    ("elderly-digital", "老年人智能技术培训覆盖率", 40),
    ("online-reach", "科普信息化覆盖率", 75),
    ("facility-standard", "基层科普设施达标率", 60),
];

const ORGANISATION: [&str; 7] = [
    "加强组织领导",
    "健全工作机制",
    "强化政策支持",
    "加大经费投入",
    "加强人才队伍建设",
    "完善监测评估",
    "营造良好氛围",
];

const ELEMENTS: [&str; 4] = ["进学校", "进社区", "进农村", "进企业"];

/// The national outline's obligations: 8 goals, 5 actions of 18 bullets, 5
/// projects of 9, and 7 paragraphs on organisation (150 in all). Which level
/// must carry each out is drawn from the seed in fixed proportions.
fn national_obligations(seed: u64) -> Vec<Template> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0b11_9a71);
    let mut out = Vec::with_capacity(NATIONAL_OBLIGATIONS);
    for (i, (id, metric, value)) in GOALS.iter().enumerate() {
        out.push(Template {
            citation: format!("2.3.{}", i + 1),
            kind: "target",
            title: "发展目标".into(),
            text: format!("到2025年，{metric}达到{value}%"),
            depth: 3,
            agricultural: *id == "rural-stations",
            elements: Vec::new(),
            target: Some((
                id.to_string(),
                metric,
                "%",
                Figure::Floor {
                    value: *value,
                    by: 2025,
                },
            )),
            units: &["科协", "统计局"],
        });
    }
    for (section, groups, bullets) in [(3, &ACTIONS, 18), (4, &PROJECTS, 9)] {
        for (g, group) in groups.iter().enumerate() {
            for b in 0..bullets {
                let verb = VERBS[b / 6 % 3];
                let object = group.objects[b % 6];
                let detail = DETAILS[rng.random_range(0..DETAILS.len())];
                let title = format!("{verb}{}{object}", group.name);
                let mut t = Template {
                    citation: format!("{section}.{}.{}", g + 1, b + 1),
                    kind: "action",
                    text: format!("{title}，{detail}"),
                    title,
                    depth: 0,
                    agricultural: group.agricultural,
                    elements: Vec::new(),
                    target: None,
                    units: group.units,
                };
                if b == 0 {
                    let (id, metric, unit, figure) = group.quantity;
                    t.kind = "quantity";
                    t.target = Some((id.to_string(), metric, unit, figure));
                    t.text = match figure {
                        Figure::Share {
                            value,
                            per_year: true,
                        } => format!("{}，每年{metric}不少于{}万{unit}", t.text, value / 10_000),
                        Figure::Share { value, .. } => {
                            format!("{}，到2025年{metric}{value}{unit}以上", t.text)
                        }
                        Figure::None { value } => format!("{}，举办{metric}{value}{unit}", t.text),
                        Figure::Floor { .. } => t.text,
                    };
                }
                if b == 3 && section == 4 {
                    let n = rng.random_range(2..=3);
                    t.elements = ELEMENTS[..n].to_vec();
                    t.text = format!("{}，推动科普{}", t.text, t.elements.join("、"));
                }
                out.push(t);
            }
        }
    }
    for (i, title) in ORGANISATION.iter().enumerate() {
        out.push(Template {
            citation: format!("5.{}", i + 1),
            kind: "mechanism",
            title: title.to_string(),
            text: format!("{title}，{}", DETAILS[i % DETAILS.len()]),
            depth: 0,
            agricultural: false,
            elements: Vec::new(),
            target: None,
            units: &["科协", "政府办公室"],
        });
    }
    // Depths: quantities reach the counties or the cities, the rest is
    // drawn so that 10 bind the nation only, 45 the provinces, 35 the
    // cities and 60 the counties.
    let mut pool: Vec<u8> = Vec::new();
    let fixed_county = out.iter().filter(|t| t.target.is_some()).count();
    pool.extend(std::iter::repeat_n(0, 10));
    pool.extend(std::iter::repeat_n(1, 45));
    pool.extend(std::iter::repeat_n(2, 35));
    pool.extend(std::iter::repeat_n(3, 60 - fixed_county));
    for i in (1..pool.len()).rev() {
        let j = rng.random_range(0..=i);
        pool.swap(i, j);
    }
    let mut pool = pool.into_iter();
    for t in &mut out {
        t.depth = if t.target.is_some() {
            3
        } else {
            pool.next().unwrap_or(3)
        };
    }
    out
}

fn national_text(obligations: &[Template]) -> String {
    let mut s = String::with_capacity(600 * obligations.len());
    s.push_str(
        "# Synthetic national outline written by `planlint generate`.\n\n\
         document gen.outline {\n  title \"全民科学素质提升规划（2021—2035年）（合成）\"\n  \
         issuer \"全国科学素质工作领导小组（合成）\"\n  number \"合成〔2021〕1号\"\n  issued 2021-06-03\n  \
         period 2021-2035\n  rank national \"国家\"\n  jurisdiction g\n}\n\n",
    );
    for t in obligations {
        let _ = writeln!(s, "obligation n.{} {{", t.citation);
        let _ = writeln!(s, "  kind {}", t.kind);
        let _ = writeln!(s, "  title \"{}\"", t.title);
        let _ = writeln!(s, "  source {}", t.citation);
        let _ = writeln!(s, "  text \"{}\"", t.text);
        if t.depth == 0 {
            s.push_str(
                "  binds issuer\n  why \"carried out by the national departments themselves\"\n",
            );
        }
        if t.agricultural {
            s.push_str("  applies_if agricultural\n");
        }
        if !t.elements.is_empty() {
            s.push_str("  elements");
            for e in &t.elements {
                let _ = write!(s, " \"{e}\"");
            }
            s.push('\n');
        }
        if let Some((id, metric, unit, figure)) = &t.target {
            let _ = writeln!(s, "  target {id} {{");
            let _ = writeln!(s, "    metric \"{metric}\"");
            match figure {
                Figure::Floor { value, by } => {
                    let _ = writeln!(s, "    about {value}{unit}\n    by {by}\n    passes floor");
                }
                Figure::Share { value, per_year } => {
                    if value % 10_000 == 0 {
                        let _ = writeln!(s, "    at_least {}万 {unit}", value / 10_000);
                    } else {
                        let _ = writeln!(s, "    at_least {value} {unit}");
                    }
                    if *per_year {
                        s.push_str("    per year\n");
                    } else {
                        s.push_str("    by 2025\n");
                    }
                    s.push_str("    passes share\n");
                }
                Figure::None { value } => {
                    let _ = writeln!(s, "    at_least {value} {unit}\n    passes none");
                }
            }
            s.push_str("  }\n");
        }
        s.push_str("}\n\n");
    }
    s
}

// ───────────────────────────── the cascade ─────────────────────────────

/// What one document states for one national obligation.
#[derive(Debug, Clone, PartialEq)]
struct Stated {
    /// The figure passed down, when one is stated and passes down.
    figure: Option<Figure>,
}

impl Stated {
    fn from_template(t: &Template) -> Self {
        Stated {
            figure: t.target.as_ref().map(|(_, _, _, f)| *f),
        }
    }
}

/// A document that binds the level below: its id, the prefix of its
/// obligation ids, its issue day (days after the national outline) and,
/// per national obligation, what it states (`None`: not carried out here,
/// so nothing passes further down).
#[derive(Debug, Clone)]
struct Level {
    doc: String,
    prefix: String,
    issued: u32,
    obligations: Vec<Option<Stated>>,
}

struct Generator {
    seed: u64,
    rates: Rates,
    defects: Vec<Defect>,
    files: Vec<File>,
}

/// What a lower plan does with one owed obligation.
enum Fate {
    Carried,
    Omitted,
    Exempted,
}

impl Generator {
    /// Writes one plan per place, each carrying out `parent`, and returns
    /// what each of them states (for the level below). `rank` is 1 for
    /// provinces, 2 for cities, 3 for counties; the plans owe the national
    /// obligations of at least `min_depth` (counties of a municipality,
    /// carrying out the provincial outline, owe what binds cities too).
    fn level_down(
        &mut self,
        national: &[Template],
        parent: &Level,
        places: &[&Place],
        rank: u8,
        min_depth: u8,
    ) -> Vec<Level> {
        let mut levels: Vec<Level> = Vec::with_capacity(places.len());
        let mut texts: Vec<String> = Vec::with_capacity(places.len());
        // Figures each place states, per national obligation, for the roll-up.
        let mut stated_sums: Vec<u64> = vec![0; national.len()];
        for place in places {
            let mut rng = ChaCha8Rng::seed_from_u64(fnv(&place.id) ^ self.seed);
            let level = Level {
                doc: if rank == 3 {
                    format!("{}.plan", place.id.trim_start_matches("g."))
                } else {
                    format!("{}.outline", place.id.trim_start_matches("g."))
                },
                prefix: place.id.trim_start_matches("g.").to_string(),
                issued: parent.issued + rng.random_range(20..200),
                obligations: vec![None; national.len()],
            };
            let mut level = level;
            let mut body = String::with_capacity(if rank == 3 { 24_000 } else { 60_000 });
            let mut exemptions = String::new();
            for (n, t) in national.iter().enumerate() {
                let Some(higher) = &parent.obligations[n] else {
                    continue;
                };
                if t.depth < min_depth {
                    continue;
                }
                if t.agricultural && !place.agricultural {
                    continue;
                }
                let higher_id = format!("{}.{}", parent.prefix, t.citation);
                let fate = if rng.random_bool(self.rates.omission) {
                    Fate::Omitted
                } else if rng.random_bool(self.rates.exemption) {
                    Fate::Exempted
                } else {
                    Fate::Carried
                };
                match fate {
                    Fate::Omitted => {
                        self.defects.push(Defect {
                            code: "omitted-obligation",
                            plan: Some(level.doc.clone()),
                            obligation: higher_id,
                        });
                        continue;
                    }
                    Fate::Exempted => {
                        let _ = writeln!(
                            exemptions,
                            "exempt {higher_id} {{\n  reason \"本{}无相应职能，由上级统一组织实施\"\n  approved_by \"{}科协\"\n}}\n",
                            place.kind, place.name
                        );
                        continue;
                    }
                    Fate::Carried => {}
                }
                // The figure owed here, and what this plan states.
                let owed = owed_figure(higher.figure, place, places, t);
                let stated = match owed {
                    None => None,
                    Some(owed) => {
                        if rng.random_bool(self.rates.unstated) {
                            self.defects.push(Defect {
                                code: "unstated-quantity",
                                plan: Some(level.doc.clone()),
                                obligation: higher_id.clone(),
                            });
                            None
                        } else {
                            let undercut =
                                rng.random_bool(self.rates.undercut) && can_undercut(owed);
                            if undercut {
                                self.defects.push(Defect {
                                    code: "undercut-target",
                                    plan: Some(level.doc.clone()),
                                    obligation: higher_id.clone(),
                                });
                            }
                            Some(state(&mut rng, owed, undercut))
                        }
                    }
                };
                if let Some(Figure::Share { value, .. }) = stated {
                    stated_sums[n] += value;
                }
                let id = format!("{}.{}", level.prefix, t.citation);
                write_provision(&mut body, t, &id, &higher_id, rank, place, &mut rng, stated);
                level.obligations[n] = Some(Stated { figure: stated });
            }
            let mut text = header(&level, parent, place, rank);
            text.push_str(&body);
            text.push_str(&exemptions);
            texts.push(text);
            levels.push(level);
        }
        // Roll-up: the places' figures for a shared quantity must reach the
        // parent's total.
        for (n, t) in national.iter().enumerate() {
            let Some(Stated {
                figure: Some(Figure::Share { value: total, .. }),
            }) = &parent.obligations[n]
            else {
                continue;
            };
            if t.depth < min_depth {
                continue;
            }
            let applies = places.iter().any(|p| !t.agricultural || p.agricultural);
            if applies && stated_sums[n] < *total {
                self.defects.push(Defect {
                    code: "roll-up-shortfall",
                    plan: None,
                    obligation: format!("{}.{}", parent.prefix, t.citation),
                });
            }
        }
        for (place, text) in places.iter().zip(texts) {
            self.files.push(File {
                path: plan_path(&place.id, rank),
                text,
            });
        }
        levels
    }
}

/// The figure `place` owes for a figure its parent states.
fn owed_figure(
    higher: Option<Figure>,
    place: &Place,
    siblings: &[&Place],
    t: &Template,
) -> Option<Figure> {
    match higher? {
        Figure::Floor { value, by } => Some(Figure::Floor { value, by }),
        Figure::None { .. } => None,
        Figure::Share { value, per_year } => {
            let among: u64 = siblings
                .iter()
                .filter(|p| !t.agricultural || p.agricultural)
                .map(|p| p.population)
                .sum();
            let owed = apportion(value as f64, place.population, among) as u64;
            (owed > 0).then_some(Figure::Share {
                value: owed,
                per_year,
            })
        }
    }
}

fn can_undercut(owed: Figure) -> bool {
    match owed {
        Figure::Floor { value, .. } => value >= 2,
        Figure::Share { value, .. } => value >= 2,
        Figure::None { .. } => false,
    }
}

/// What a plan states for an owed figure: a little more than owed, or, for
/// an undercut, less.
fn state(rng: &mut ChaCha8Rng, owed: Figure, undercut: bool) -> Figure {
    match owed {
        Figure::Floor { value, by } => {
            let value = if undercut {
                value - rng.random_range(1..=value.min(3))
            } else {
                value + rng.random_range(0..=2)
            };
            Figure::Floor { value, by }
        }
        Figure::Share { value, per_year } => {
            let value = if undercut {
                (value as f64 * rng.random_range(0.5..0.95)).floor() as u64
            } else {
                value + (value as f64 * rng.random_range(0.0..0.12)).ceil() as u64
            };
            Figure::Share { value, per_year }
        }
        Figure::None { value } => Figure::None { value },
    }
}

fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn plan_path(id: &str, rank: u8) -> String {
    let parts: Vec<&str> = id.split('.').skip(1).collect();
    match rank {
        1 => format!("plans/{}/outline.plan", parts.join("/")),
        2 => format!("plans/{}/city.plan", parts.join("/")),
        _ => format!("plans/{}.plan", parts.join("/")),
    }
}

fn date(days_after: u32) -> String {
    // Days after 2021-06-03, in a calendar of 30-day months, which is all
    // an issue date needs to be ordered.
    let total = 2021 * 360 + 5 * 30 + 2 + days_after;
    let (year, rest) = (total / 360, total % 360);
    format!("{year}-{:02}-{:02}", rest / 30 + 1, rest % 30 % 28 + 1)
}

fn header(level: &Level, parent: &Level, place: &Place, rank: u8) -> String {
    let (what, rank_word) = match rank {
        1 => ("全民科学素质提升规划", "province"),
        2 => ("全民科学素质行动实施方案", "prefecture"),
        _ => ("全民科学素质行动实施方案", "county"),
    };
    let mut s = String::with_capacity(1024);
    let _ = writeln!(
        s,
        "# Synthetic plan written by `planlint generate`.\n\ndocument {} {{",
        level.doc
    );
    let _ = writeln!(s, "  title \"{}{what}（2021—2035年）\"", place.name);
    let _ = writeln!(s, "  issuer \"{}人民政府办公室\"", place.name);
    let abbreviation: String = place.name.chars().next().into_iter().collect();
    let _ = writeln!(
        s,
        "  number \"{abbreviation}政办发〔{}〕{}号\"",
        2021 + level.issued / 360,
        level.issued % 40 + 1
    );
    let _ = writeln!(s, "  issued {}", date(level.issued));
    s.push_str("  period 2021-2035\n");
    let _ = writeln!(s, "  rank {rank_word} \"{}\"", place.kind);
    let _ = writeln!(s, "  jurisdiction {}", place.id);
    let _ = writeln!(s, "  carries_out {}", parent.doc);
    if rank == 3 {
        s.push_str("  requires_units yes\n");
    }
    s.push_str("}\n\n");
    s
}

/// Writes the obligation (province, city) or item (county) that carries
/// out one obligation of the parent.
#[allow(clippy::too_many_arguments)]
fn write_provision(
    s: &mut String,
    t: &Template,
    id: &str,
    higher_id: &str,
    rank: u8,
    place: &Place,
    rng: &mut ChaCha8Rng,
    stated: Option<Figure>,
) {
    let detail = DETAILS[rng.random_range(0..DETAILS.len())];
    let mut text = format!("{}{}，{detail}", place.name, t.text);
    if !t.elements.is_empty() {
        let _ = write!(text, "，组织科普{}活动", t.elements.join("、"));
    }
    if rank == 3 {
        // An item's text states its own figure, as its target does
        // (`text-figure-mismatch`).
        if let (Some(figure), Some((_, metric, unit, _))) = (stated, &t.target) {
            let _ = write!(text, "，{}", figure_phrase(figure, metric, unit));
        }
        let _ = writeln!(s, "item {id} {{");
        let _ = writeln!(s, "  title \"{}\"", t.title);
        let _ = writeln!(s, "  source {}", t.citation);
        let _ = writeln!(s, "  text \"{text}\"");
        let _ = writeln!(s, "  implements {higher_id}");
        s.push_str("  units");
        let prefix = if place.kind == "区" { "区" } else { "县" };
        let n = rng.random_range(1..=t.units.len());
        for u in &t.units[..n] {
            if u.starts_with('委') {
                let _ = write!(s, " \"{prefix}{u}\"");
            } else if *u == "团委" {
                let _ = write!(s, " \"团{prefix}委\"");
            } else {
                let _ = write!(s, " \"{prefix}{u}\"");
            }
        }
        s.push('\n');
        if let (Some(figure), Some((metric_id, _, unit, _))) = (stated, &t.target) {
            let _ = writeln!(
                s,
                "  target {metric_id} {{ {} }}",
                figure_text(figure, unit)
            );
        }
        s.push_str("}\n\n");
        return;
    }
    let _ = writeln!(s, "obligation {id} {{");
    let _ = writeln!(s, "  kind {}", t.kind);
    let _ = writeln!(s, "  title \"{}\"", t.title);
    let _ = writeln!(s, "  source {}", t.citation);
    let _ = writeln!(s, "  text \"{text}\"");
    let _ = writeln!(s, "  refines {higher_id}");
    if t.depth == rank {
        let _ = writeln!(
            s,
            "  binds issuer\n  why \"carried out by the {} government itself\"",
            if rank == 1 { "provincial" } else { "city" }
        );
    }
    if t.agricultural {
        s.push_str("  applies_if agricultural\n");
    }
    if let (Some(figure), Some((metric_id, metric, unit, _))) = (stated, &t.target) {
        let passes = match figure {
            Figure::Floor { .. } => "floor",
            Figure::Share { .. } => "share",
            Figure::None { .. } => "none",
        };
        let _ = writeln!(
            s,
            "  target {metric_id} {{\n    metric \"{metric}\"\n    {}\n    passes {passes}\n  }}",
            figure_text(figure, unit).replace("; ", "\n    ")
        );
    }
    s.push_str("}\n\n");
}

/// The figure as a plan's text words it: 每年…不少于123人次.
fn figure_phrase(figure: Figure, metric: &str, unit: &str) -> String {
    match figure {
        Figure::Floor { value, by } => format!("到{by}年{metric}达到{value}{unit}"),
        Figure::Share {
            value,
            per_year: true,
        } => format!("每年{metric}不少于{value}{unit}"),
        Figure::Share {
            value,
            per_year: false,
        } => format!("到2025年{metric}{value}{unit}以上"),
        Figure::None { value } => format!("{metric}{value}{unit}"),
    }
}

fn figure_text(figure: Figure, unit: &str) -> String {
    match figure {
        Figure::Floor { value, by } => format!("at_least {value}{unit}; by {by}"),
        Figure::Share {
            value,
            per_year: true,
        } => format!("at_least {value} {unit}; per year"),
        Figure::Share {
            value,
            per_year: false,
        } => format!("at_least {value} {unit}; by 2025"),
        Figure::None { value } => format!("at_least {value} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_has_the_real_counts() {
        let c = country(7, PROVINCES);
        let (cities, counties) = cities_and_counties(&c);
        assert_eq!((c.children.len(), cities, counties), (31, 333, 2844));
    }

    #[test]
    fn the_national_outline_has_150_obligations() {
        let n = national_obligations(3);
        assert_eq!(n.len(), NATIONAL_OBLIGATIONS);
        let by_depth = |d| n.iter().filter(|t| t.depth == d).count();
        assert_eq!(
            (by_depth(0), by_depth(1), by_depth(2), by_depth(3)),
            (10, 45, 35, 60)
        );
    }

    #[test]
    fn partitions_sum_to_the_total() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let p = partition(&mut rng, 1000, 7);
        assert_eq!(p.iter().sum::<u64>(), 1000);
        assert!(p.iter().all(|&x| x >= 1));
    }

    #[test]
    fn same_seed_same_cascade() {
        let options = Options {
            seed: 9,
            provinces: 1,
            rates: Rates::default(),
        };
        assert_eq!(generate(&options), generate(&options));
    }
}
