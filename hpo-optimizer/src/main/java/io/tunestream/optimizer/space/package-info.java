/**
 * Search spaces: what may be tuned, and the one transform that maps any configuration into the unit
 * cube and back.
 *
 * <p>A {@link io.tunestream.optimizer.space.SearchSpace} is an ordered set of named
 * {@link io.tunestream.optimizer.space.Distribution}s (float, int, categorical). Each distribution maps
 * its values into {@code [0, 1]} ({@code toUnit}) and back ({@code fromUnit}); log-scaled parameters
 * are mapped in log space, and discrete parameters (stepped floats, ints, categoricals) give every value
 * a cell of the same width, centred on the value. Samplers and models therefore work on a plain box of
 * doubles and never branch on parameter type.
 */
package io.tunestream.optimizer.space;
