//! Tests of the engine as callers see it: each rule alone, clock changes, and properties
//! checked against a deliberately naive second implementation.

mod daylight_saving;
mod each_rule;
mod fixtures;
mod naive;
mod properties;
