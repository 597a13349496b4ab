/**
 * Typed configuration ({@code tunestream.results.*}) and the CDI producers that turn the plain core
 * classes into beans.
 */
package io.tunestream.results.config;
