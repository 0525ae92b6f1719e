//! `Serialize` for the decision's structs, written by one macro: each struct
//! is handed to serde as a map of its fields, by name, in declaration order.
//!
//! serde_json writes exactly what `#[derive(Serialize)]` writes. In the wasm,
//! serde-wasm-bindgen (`json_compatible`: maps become plain objects) builds
//! the same plain object, but through its map path: its struct path keeps a
//! cache of field names (a `HashMap` keyed by each name's address), whose
//! code cost the page 1.1 KB of gzip. The names need no cache of their own
//! there: the glue decodes each of the module's string literals once per page
//! (scripts/static-strings.mjs).

/// `serialize_fields!(Type { field, ... })` (or `Type<'a> { ... }`): every
/// field must be listed, in declaration order. The impl destructures the
/// struct without `..`, so a field added to it and not here does not compile.
macro_rules! serialize_fields {
    ($type:ident $(<$lifetime:lifetime>)? { $($field:ident),+ $(,)? }) => {
        impl$(<$lifetime>)? serde::Serialize for $type$(<$lifetime>)? {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let $type { $($field),+ } = self;
                let mut map = serializer.serialize_map(None)?;
                $(map.serialize_entry(stringify!($field), $field)?;)+
                map.end()
            }
        }
    };
}

pub(crate) use serialize_fields;
