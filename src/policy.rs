//! Who may press the buttons (contract section 9): the DRS system policy a
//! user holds decides whether Stop and Delete are allowed at all.

use serde::Serialize;

/// A DRS system policy. A name this version does not know is kept as given
/// and allows nothing (fail-safe, like an unknown status), so a console
/// never enables a button the backend would refuse.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Policy {
    /// Everything.
    #[default]
    FullAccess,
    /// Everything.
    Administrator,
    /// Everything but delete.
    FullWithOutDeletePermission,
    /// Nothing that changes a task.
    ReadOnlyAccess,
    /// A policy name this version does not know: nothing is allowed.
    Unknown(String),
}

/// What a policy allows, per known policy: the one place this is written.
const GRANTS: &[(Policy, &str, Grant)] = &[
    (Policy::FullAccess, "FullAccess", Grant { stop: true, delete: true }),
    (Policy::Administrator, "Administrator", Grant { stop: true, delete: true }),
    (Policy::FullWithOutDeletePermission, "FullWithOutDeletePermission", Grant { stop: true, delete: false }),
    (Policy::ReadOnlyAccess, "ReadOnlyAccess", Grant { stop: false, delete: false }),
];

/// The actions a policy grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Grant {
    stop: bool,
    delete: bool,
}

impl Policy {
    /// Every known policy, in the contract's order.
    pub const KNOWN: [Policy; 4] =
        [Policy::FullAccess, Policy::Administrator, Policy::FullWithOutDeletePermission, Policy::ReadOnlyAccess];

    /// Reads a policy name, exactly as DRS spells it; any other string is
    /// [`Policy::Unknown`] (not an error).
    pub fn from_name(name: &str) -> Policy {
        GRANTS
            .iter()
            .find(|(_, known, _)| *known == name)
            .map_or_else(|| Policy::Unknown(name.to_string()), |(policy, _, _)| policy.clone())
    }

    /// The name as given.
    pub fn as_str(&self) -> &str {
        match self {
            Policy::Unknown(name) => name,
            known => GRANTS.iter().find(|(policy, _, _)| policy == known).map_or("", |(_, name, _)| name),
        }
    }

    fn grant(&self) -> Grant {
        GRANTS
            .iter()
            .find(|(policy, _, _)| policy == self)
            .map_or(Grant { stop: false, delete: false }, |(_, _, grant)| *grant)
    }

    /// Whether the policy allows stopping tasks.
    pub fn allows_stop(&self) -> bool {
        self.grant().stop
    }

    /// Whether the policy allows deleting tasks.
    pub fn allows_delete(&self) -> bool {
        self.grant().delete
    }
}

impl std::fmt::Display for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Policy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_round_trip_and_unknown_names_are_kept() {
        for policy in Policy::KNOWN {
            assert_eq!(Policy::from_name(policy.as_str()), policy);
        }
        assert_eq!(Policy::from_name("fullaccess"), Policy::Unknown("fullaccess".into()));
        assert_eq!(Policy::from_name("DRS FullAccess").as_str(), "DRS FullAccess");
    }

    #[test]
    fn grants_follow_the_contract() {
        let grants: Vec<_> = Policy::KNOWN.iter().map(|p| (p.allows_stop(), p.allows_delete())).collect();
        assert_eq!(grants, [(true, true), (true, true), (true, false), (false, false)]);
        let unknown = Policy::from_name("");
        assert!(!unknown.allows_stop() && !unknown.allows_delete());
    }
}
