/**
 * The web dashboard's data: a study's snapshot and its live deltas (server-sent events), shaped and
 * thinned here so that the browser stays responsive at thousands of trials. The page itself is static
 * (src/main/resources/META-INF/resources/dashboard), charts are Apache ECharts from its webjar.
 */
package io.tunestream.results.dashboard;
