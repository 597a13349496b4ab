/**
 * Typed REST clients of the services ({@code java.net.http} + the contracts' Jackson mapping): the
 * suggester (submit, view, stop a study) and results-service (summary, leaderboard, best trial), plus
 * {@link io.tunestream.cli.client.StudyWatch}, which polls both until a study has settled. Views are
 * read leniently: a field added to a service's answer never breaks the CLI. Every client may carry a
 * bearer token ({@link io.tunestream.cli.client.ApiToken}: {@code --token} or {@code TUNESTREAM_API_TOKEN}).
 */
package io.tunestream.cli.client;
