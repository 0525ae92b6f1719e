//! [`InputValue`] for JS values: the wasm API reads its inputs field by
//! field with `Reflect`, so a throwing getter or proxy becomes an
//! `INVALID_INPUT` error instead of an exception unwinding through the rules,
//! and unknown extra fields of API objects are never copied.

use std::cell::OnceCell;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::input::{first_chars, InputValue, Shape};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked proxy: caught, so no JS
    /// exception ever unwinds through wasm (that would leave the module's
    /// stack and handle table behind, and after enough of them every call traps).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

impl InputValue for JsValue {
    fn shape(&self) -> Shape {
        if self.is_null() || self.is_undefined() {
            Shape::Null
        } else if self.is_string() {
            Shape::String
        } else if self.as_bool().is_some() {
            Shape::Bool
        } else if self.as_f64().is_some() {
            Shape::Number
        } else if self.is_function() {
            Shape::Other
        } else {
            match is_array(self) {
                Ok(true) => Shape::Array,
                Ok(false) if JsValue::is_object(self) => Shape::Object,
                _ => Shape::Other,
            }
        }
    }

    fn field(&self, name: &str) -> Result<Option<JsValue>, String> {
        // `undefined` is returned as is: the reader treats it as absent when
        // the expected type does not match, which spares a round trip for
        // every field that is there.
        get_property(self, name).map(Some)
    }

    fn as_string(&self) -> Option<String> {
        JsValue::as_string(self)
    }

    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }

    fn is_string(&self) -> bool {
        JsValue::is_string(self)
    }

    fn is_object(&self) -> bool {
        // `typeof` is "function" for functions, so they are not objects here.
        JsValue::is_object(self) && matches!(is_array(self), Ok(false))
    }

    fn is_nullish(&self) -> bool {
        self.is_undefined() || self.is_null()
    }

    fn len(&self) -> Result<usize, String> {
        let length = get_property(self, "length")?;
        match length.as_f64() {
            // Array lengths are integers below 2^32.
            Some(n) if n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0 => Ok(n as usize),
            _ => Err("the array has no valid length".to_string()),
        }
    }

    fn element(&self, index: usize) -> Result<JsValue, String> {
        let index = u32::try_from(index).map_err(|_| "index out of range".to_string())?;
        Reflect::get_u32(self, index).map_err(|thrown| describe_thrown(&thrown))
    }
}

/// Every property name the input reader asks for.
const PROPERTY_NAMES: [&str; 21] = [
    "id",
    "db_use_type",
    "status",
    "engine_type",
    "task_type",
    "network_abnormal",
    "configuration_failed",
    "is_parent",
    "multi_write",
    "job_type",
    "job_mode_role",
    "children",
    "job_action",
    "available_actions",
    "unavailable_actions",
    "tasks",
    "force",
    "api",
    "lang",
    "policy",
    "length",
];

thread_local! {
    static PROPERTY_KEYS: OnceCell<[JsValue; PROPERTY_NAMES.len()]> = const { OnceCell::new() };
}

/// Runs `use_key` with the JS string for a property name. The names are a
/// handful of constants: converting each once, and lending it rather than
/// cloning it, saves a string conversion and a handle per field per task.
fn with_property_key<R>(name: &str, use_key: impl FnOnce(&JsValue) -> R) -> R {
    PROPERTY_KEYS.with(|keys| {
        // Creating the keys calls no user code, so it cannot re-enter here.
        let keys = keys.get_or_init(|| PROPERTY_NAMES.map(JsValue::from_str));
        // The reader passes these very literals, so comparing addresses
        // usually settles it; the text comparison is the fallback.
        let index = PROPERTY_NAMES
            .iter()
            .position(|known| std::ptr::eq(known.as_ptr(), name.as_ptr()) && known.len() == name.len())
            .or_else(|| PROPERTY_NAMES.iter().position(|known| *known == name));
        match index.and_then(|i| keys.get(i)) {
            Some(key) => use_key(key),
            None => use_key(&JsValue::from_str(name)),
        }
    })
}

/// `object[name]`, or a description of what reading it threw.
fn get_property(object: &JsValue, name: &str) -> Result<JsValue, String> {
    with_property_key(name, |key| Reflect::get(object, key)).map_err(|thrown| describe_thrown(&thrown))
}

/// A short description of something JS threw while we read the input.
pub(crate) fn describe_thrown(thrown: &JsValue) -> String {
    // Read `message` as a property rather than through `instanceof Error`,
    // which fails for errors from another realm (an iframe, `node:vm`).
    let message = thrown
        .as_string()
        .or_else(|| {
            thrown
                .is_object()
                .then(|| with_property_key("message", |key| Reflect::get(thrown, key)).ok()?.as_string())
                .flatten()
        })
        .unwrap_or_else(|| "a value that is not an Error was thrown".to_string());
    ["reading it threw: ", first_chars(&message, 200)].concat()
}
