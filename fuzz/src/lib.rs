//! Shared by the fuzz targets: the invariants every decision and plan must
//! hold (checked on their JSON form, so the typed API and the JSON entry
//! points are held to the same rules) and the structured task generator.

pub mod invariants;
pub mod task_gen;
