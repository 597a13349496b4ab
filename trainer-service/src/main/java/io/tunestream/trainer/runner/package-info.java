/** Runs one trial through a backend epoch by epoch, reporting each step; plain Java. */
package io.tunestream.trainer.runner;
