/**
 * The JSON API under {@code /api}: study summaries, leaderboards, the best trial and trial curves,
 * read from the ledger's snapshots. The response records here are the wire form: the core's empty
 * optionals become JSON nulls at this edge, and bad query parameters answer 400 naming the parameter.
 */
package io.tunestream.results.rest;
