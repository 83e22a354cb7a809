//! From what a mention spells out — its elements in the order written, a version, a port — to the
//! legal tool or unit it names. Shared by every parser of element-based forms.

use crate::license::{Elements, Family, License, Unit, catalogue};

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
    let u = unit(elements, order)?;
    let Some(v) = version else {
        // Unported tools of the unit (`by-nd-nc` has 1.0, and a 2.0 only as the Japanese port).
        let mut unported = u
            .versions
            .iter()
            .filter_map(|v| cat.by_key(&format!("{}/{v}", u.name)));
        if let (Some(t), None) = (unported.next(), unported.next()) {
            return Some(License::Tool(t.id));
        }
        return Some(License::Unit(u.id));
    };
    let named = |j: &str| {
        let key = if j.is_empty() {
            format!("{}/{v}", u.name)
        } else {
            format!("{}/{v}/{j}", u.name)
        };
        cat.by_key(&key)
    };
    let tool = named(jurisdiction)
        .or_else(|| named(""))
        .or_else(|| cat.by_parts(elements, v, jurisdiction))
        .or_else(|| cat.by_parts(elements, v, ""));
    match tool {
        Some(t) => Some(License::Tool(t.id)),
        None if u.versions.contains(&v) => Some(License::Unit(u.id)),
        None => None,
    }
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
