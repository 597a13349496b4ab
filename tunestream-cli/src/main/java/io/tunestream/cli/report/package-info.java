/**
 * What the CLI prints and writes: progress lines, the leaderboard table, the best configuration and
 * the JSON summary of a study. Pure functions of the services' views, so that they are tested without
 * any process running.
 */
package io.tunestream.cli.report;
