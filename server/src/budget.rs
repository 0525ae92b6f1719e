//! A memory budget for request bodies and answers: what every client
//! together can make the server hold. A request reserves its share before
//! its body is read; an answer keeps its share until it has been written
//! (or the connection is gone), so a client that stops reading holds at most
//! its own answer, and all of them together at most [`MEMORY_BUDGET`].

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use http_body::{Frame, SizeHint};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// Bytes of request bodies and answers held at once, all clients together.
pub const MEMORY_BUDGET: usize = 96 * 1024 * 1024;

/// How long a request waits for its share before it is answered 503.
pub const BUDGET_WAIT: Duration = Duration::from_secs(5);

/// Answers are handed to the connection in frames of this size, so the
/// connection's write buffer holds at most one frame beyond what the budget counts.
pub const FRAME_SIZE: usize = 16 * 1024;

/// The budget is counted in KiB (a semaphore holds at most `u32::MAX` permits).
const UNIT: usize = 1024;

#[derive(Clone)]
pub struct MemoryBudget {
    permits: Arc<Semaphore>,
}

impl Default for MemoryBudget {
    fn default() -> MemoryBudget {
        MemoryBudget { permits: Arc::new(Semaphore::new(MEMORY_BUDGET / UNIT)) }
    }
}

/// A share of the budget, given back when dropped.
pub struct Reservation(OwnedSemaphorePermit);

impl MemoryBudget {
    /// Reserves `bytes` (rounded up to whole KiB), waiting up to [`BUDGET_WAIT`].
    pub async fn reserve(&self, bytes: usize) -> Result<Reservation, ApiError> {
        let units = u32::try_from(bytes.div_ceil(UNIT).max(1)).unwrap_or(u32::MAX);
        let acquire = self.permits.clone().acquire_many_owned(units);
        match tokio::time::timeout(BUDGET_WAIT, acquire).await {
            Ok(Ok(permit)) => Ok(Reservation(permit)),
            _ => Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "SERVER_BUSY",
                "the server is holding as many answers as it may; try again shortly",
            )),
        }
    }
}

impl Reservation {
    /// Keeps only what `bytes` need and gives the rest back.
    pub fn shrink_to(&mut self, bytes: usize) {
        let keep = bytes.div_ceil(UNIT).max(1);
        let held = self.0.num_permits();
        if held > keep {
            // `split` only fails when asked for more than is held.
            drop(self.0.split(held - keep));
        }
    }
}

/// An answer body that holds its reservation until the last frame has been
/// taken by the connection, or the body is dropped with the connection.
pub struct ReservedBody {
    bytes: Bytes,
    _reservation: Option<Reservation>,
}

impl ReservedBody {
    pub fn body(bytes: Vec<u8>, reservation: Reservation) -> Body {
        Body::new(ReservedBody { bytes: Bytes::from(bytes), _reservation: Some(reservation) })
    }
}

impl http_body::Body for ReservedBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = self.get_mut();
        if this.bytes.is_empty() {
            this._reservation = None;
            return Poll::Ready(None);
        }
        // A copy, not a slice: a slice would keep the whole answer alive in the
        // connection's buffer after this body (and its reservation) is gone.
        let frame = Bytes::copy_from_slice(&this.bytes[..this.bytes.len().min(FRAME_SIZE)]);
        this.bytes = this.bytes.split_off(frame.len());
        Poll::Ready(Some(Ok(Frame::data(frame))))
    }

    fn is_end_stream(&self) -> bool {
        self.bytes.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.bytes.len() as u64)
    }
}
