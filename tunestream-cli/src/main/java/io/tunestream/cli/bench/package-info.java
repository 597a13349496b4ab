/**
 * System benchmarks ({@code ./tunestream bench ...}): the real services as processes on a local
 * broker, measured from the outside by a consumer that stands in for a trainer's decision listener
 * ({@link io.tunestream.cli.bench.TopicProbe}) next to a raw produce→consume probe on the same broker
 * ({@link io.tunestream.cli.bench.RoundTripProbe}), and per-process CPU from the operating system.
 * Results go to {@code docs/benchmarks/system/*.json}; {@code docs/benchmarks/system.md} explains them.
 */
package io.tunestream.cli.bench;
