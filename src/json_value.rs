//! [`InputValue`] for `serde_json::Value`: how native callers, the CLI and
//! the JSON-string entry points feed the input reader.

use crate::input::{InputValue, Shape};
use serde_json::Value;

impl InputValue for &Value {
    fn shape(&self) -> Shape {
        match self {
            Value::Null => Shape::Null,
            Value::Bool(_) => Shape::Bool,
            Value::Number(_) => Shape::Number,
            Value::String(_) => Shape::String,
            Value::Array(_) => Shape::Array,
            Value::Object(_) => Shape::Object,
        }
    }

    fn field(&self, name: &str) -> Result<Option<Self>, String> {
        Ok(self.get(name))
    }

    fn as_string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn as_bool(&self) -> Option<bool> {
        Value::as_bool(self)
    }

    fn len(&self) -> Result<usize, String> {
        self.as_array().map(Vec::len).ok_or_else(|| "not an array".to_string())
    }

    fn element(&self, index: usize) -> Result<Self, String> {
        self.as_array().and_then(|items| items.get(index)).ok_or_else(|| format!("no element {index}"))
    }
}
