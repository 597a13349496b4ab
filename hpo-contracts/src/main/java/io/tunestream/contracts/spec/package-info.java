/**
 * The study specification as users write it (JSON or YAML), its parsing and its validation. The
 * records here are the wire form and accept anything; {@link io.tunestream.contracts.spec.StudySpecValidator}
 * reports every rule broken, one message per field, before any trial runs.
 */
package io.tunestream.contracts.spec;
