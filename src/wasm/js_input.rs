//! [`InputValue`] for JS values: the wasm API reads its inputs field by
//! field with `Reflect`, so a throwing getter or proxy becomes an
//! `INVALID_INPUT` error instead of an exception unwinding through the rules,
//! and unknown extra fields of API objects are never copied.

use std::cell::RefCell;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

use crate::input::{InputValue, Shape};

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
        } else if js_sys::Array::is_array(self) {
            Shape::Array
        } else if self.is_object() && !self.is_function() {
            Shape::Object
        } else {
            Shape::Other
        }
    }

    fn field(&self, name: &str) -> Result<Option<JsValue>, String> {
        match Reflect::get(self, &property_key(name)) {
            Ok(value) if value.is_undefined() => Ok(None),
            Ok(value) => Ok(Some(value)),
            Err(thrown) => Err(describe_thrown(&thrown)),
        }
    }

    fn as_string(&self) -> Option<String> {
        JsValue::as_string(self)
    }

    fn as_bool(&self) -> Option<bool> {
        JsValue::as_bool(self)
    }

    fn len(&self) -> Result<usize, String> {
        let length = Reflect::get(self, &property_key("length")).map_err(|thrown| describe_thrown(&thrown))?;
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

/// Field names are a handful of constants: keeping their JS strings saves a
/// UTF-8 to UTF-16 conversion per field per task on long lists.
pub(crate) fn property_key(name: &str) -> JsValue {
    const MAX_KEYS: usize = 32;
    thread_local! {
        static KEYS: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
    }
    KEYS.with_borrow_mut(|keys| {
        if let Some((_, key)) = keys.iter().find(|(known, _)| known == name) {
            return key.clone();
        }
        let key = JsValue::from_str(name);
        if keys.len() < MAX_KEYS {
            keys.push((name.to_string(), key.clone()));
        }
        key
    })
}

/// A short description of something JS threw while we read the input.
pub(crate) fn describe_thrown(thrown: &JsValue) -> String {
    let message = thrown
        .dyn_ref::<js_sys::Error>()
        .and_then(|error| error.message().as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "a non-Error value was thrown".to_string());
    format!("reading it threw: {}", message.chars().take(200).collect::<String>())
}
