/** Training backends, plain Java: a backend opens a session for a trial and trains it epoch by epoch. */
package io.tunestream.trainer.backend;
