//! From what a mention spells out — its elements in the order written, a version, a port — to the
//! legal tool or unit it names. Shared by every parser of element-based forms.

use std::sync::LazyLock;

use crate::license::{Elements, Family, License, ToolId, Unit, catalogue};

/// Which order the elements were written in, where the catalogue tells two tools apart by it:
/// `Attribution-NoDerivs-NonCommercial 1.0` is `by-nd-nc/1.0`, a tool of its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Order {
    /// NoDerivs was written before NonCommercial.
    pub nd_before_nc: bool,
}

impl Order {
    /// Notes that `e` was read after the elements in `acc`.
    pub fn saw(&mut self, acc: Elements, e: Elements) {
        if e == Elements::NC && acc.contains(Elements::ND) {
            self.nd_before_nc = true;
        }
    }
}

/// The unit with these elements; of two units that differ only by order (`by-nc-nd`,
/// `by-nd-nc`), the one spelled in the order written.
fn unit(elements: Elements, order: Order) -> Option<&'static Unit> {
    let mut found = None;
    for u in catalogue().units() {
        if u.family != Family::Elements(elements) {
            continue;
        }
        let nd_first = match (u.name.find("nd"), u.name.find("nc")) {
            (Some(d), Some(c)) => d < c,
            _ => false,
        };
        if nd_first == order.nd_before_nc {
            return Some(u);
        }
        found.get_or_insert(u);
    }
    found
}

/// For each unit, its only unported tool when it has exactly one (`by-nd-nc` → `by-nd-nc/1.0`),
/// computed once.
static SINGLE_UNPORTED: LazyLock<Vec<Option<ToolId>>> = LazyLock::new(|| {
    let cat = catalogue();
    cat.units()
        .iter()
        .map(|u| {
            let mut unported = u
                .versions
                .iter()
                .filter_map(|v| cat.by_key(&format!("{}/{v}", u.name)));
            match (unported.next(), unported.next()) {
                (Some(t), None) => Some(t.id),
                _ => None,
            }
        })
        .collect()
});

/// The license named by `elements` written in `order`, at `version` (if any) and port
/// `jurisdiction` (`""` for none).
///
/// A version that no tool of these elements has (`NoDerivs 4.0`: ND alone exists only at 1.0) names
/// nothing, unless the unit has that version as ports only (`CC BY-SA 2.1`: the unit). Without a
/// version, a unit with a single unported tool (`by-nd-nc`, `nc-sa`) names that tool.
pub(super) fn license(
    elements: Elements,
    order: Order,
    version: Option<&str>,
    jurisdiction: &str,
) -> Option<License> {
    let cat = catalogue();
    let Some(v) = version else {
        let u = unit(elements, order)?;
        return Some(match SINGLE_UNPORTED.get(u.id.index()).copied().flatten() {
            Some(t) => License::Tool(t),
            None => License::Unit(u.id),
        });
    };
    // The order matters only where the catalogue has a tool for it (`by-nd-nc/1.0`); otherwise
    // the elements decide, in any order.
    if order.nd_before_nc
        && let Some(u) = unit(elements, order)
    {
        let named = |j: &str| {
            let key = if j.is_empty() {
                format!("{}/{v}", u.name)
            } else {
                format!("{}/{v}/{j}", u.name)
            };
            cat.by_key(&key)
        };
        if let Some(t) = named(jurisdiction).or_else(|| named("")) {
            return Some(License::Tool(t.id));
        }
    }
    if let Some(t) = cat
        .by_parts(elements, v, jurisdiction)
        .or_else(|| cat.by_parts(elements, v, ""))
    {
        return Some(License::Tool(t.id));
    }
    let u = unit(elements, order)?;
    u.versions.contains(&v).then_some(License::Unit(u.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(e: Elements, nd_before_nc: bool, v: Option<&str>) -> Option<&'static str> {
        license(e, Order { nd_before_nc }, v, "").map(License::key)
    }

    #[test]
    fn order_and_single_versions() {
        let by_nc_nd = Elements::BY.union(Elements::NC).union(Elements::ND);
        assert_eq!(key(by_nc_nd, true, None), Some("by-nd-nc/1.0"));
        assert_eq!(key(by_nc_nd, true, Some("1.0")), Some("by-nd-nc/1.0"));
        assert_eq!(key(by_nc_nd, true, Some("2.0")), Some("by-nc-nd/2.0"));
        assert_eq!(key(by_nc_nd, false, None), Some("by-nc-nd"));
        assert_eq!(key(Elements::ND, false, Some("4.0")), None);
        assert_eq!(
            key(Elements::BY.union(Elements::SA), false, Some("2.1")),
            Some("by-sa")
        );
    }
}
