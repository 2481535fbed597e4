//! Administrative rank, a leaf: the syntax reads it, the model orders by
//! it, and the catalogue names it, so none of them imports another for it.

/// Administrative rank. Ordered from the top: `National < Province < …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    National,
    Province,
    Prefecture,
    County,
}

impl Rank {
    pub const ALL: [Rank; 4] = [
        Rank::National,
        Rank::Province,
        Rank::Prefecture,
        Rank::County,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rank::National => "national",
            Rank::Province => "province",
            Rank::Prefecture => "prefecture",
            Rank::County => "county",
        }
    }

    pub fn parse(word: &str) -> Option<Rank> {
        Rank::ALL.into_iter().find(|r| r.as_str() == word)
    }
}
