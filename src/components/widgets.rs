//! Small controls used in more than one place.

pub mod copy_button;
pub mod dismiss_button;
pub mod marked_view;
