/** Typed configuration and lifecycle of the trainer: slots, lock, attempts, backends. */
package io.tunestream.trainer.config;
