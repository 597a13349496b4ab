/**
 * The suggester's core, plain Java: a study's run (what was suggested, what is in flight, what is
 * finished) and the mapping of a validated spec to the optimizer's search space and sampler. The
 * messaging and REST adapters call it and publish what it returns.
 */
package io.tunestream.suggester.study;
