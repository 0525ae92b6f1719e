//! The languages messages and labels come in.

use serde::Serialize;

/// Message language. `en-us` is the default; anything unrecognised falls back to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en-us")]
    EnUs,
    #[serde(rename = "zh-cn")]
    ZhCn,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 2] = [Lang::EnUs, Lang::ZhCn];

    /// Reads a language tag leniently (`zh-CN`, `zh_cn`, ` ZH-cn `); any other
    /// tag falls back to `en-us`, as the DRS API does with `X-Language`.
    pub fn from_tag(tag: &str) -> Lang {
        let tag = tag.trim();
        if tag.eq_ignore_ascii_case("zh-cn") || tag.eq_ignore_ascii_case("zh_cn") {
            Lang::ZhCn
        } else {
            Lang::EnUs
        }
    }

    /// The canonical tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::EnUs => "en-us",
            Lang::ZhCn => "zh-cn",
        }
    }
}
